/**
 * E-mails pasted into chat: header lines ("Subject: RE: access", "From: …"), a forwarded subject line first
 * ("FW: Project Falcon owners"), the "> " marks of quoted lines (the quoted text is kept: it is often the request
 * being chased), mobile footers ("Sent from my iPhone") and the lead-ins that only point at an earlier
 * conversation ("As discussed,", "forwarding this —", "Following up on the below, any news?"). Pure.
 */

const HEADER = /^(?:subject|from|to|cc|bcc|sent|date|importance)\s*:/i;
const SUBJECT_LINE = /^(?:(?:fw|fwd|re|aw|wg|tr)\s*:\s*)+\S/i;
const QUOTE_MARK = /^(?:>\s*)+/;
const FOOTER =
  /^(?:sent\s+from\s+my\s+\S+(?:\s+\S+)?|get\s+outlook\s+for\s+\S+|sent\s+from\s+(?:outlook|mail)\s+for\s+\S+)[.!]?$/i;
const CHASER =
  /^(?:just\s+)?(?:following|circling|checking)\s+(?:up|back|in)\b(?:\s+on\s+(?:the\s+(?:below|above|thread|email|e-mail|request)|this|that|my\s+(?:last\s+|previous\s+)?(?:email|e-mail|message|request)))?(?:\s*[,.;:—–-]\s*|\s+)?(?:any\s+(?:news|update|updates|progress)\??)?[.!?]*\s*/i;
const GREETING = /^(?:hi|hello|hey|dear)\b[^,\n]{0,30},\s*/i;
const LEAD_IN =
  /^(?:as\s+(?:discussed|agreed|mentioned|requested)(?:\s+(?:earlier|yesterday|today|on\s+the\s+(?:phone|call)))?|as\s+per\s+(?:our|my)\s+(?:call|chat|conversation|email|e-mail)|per\s+our\s+(?:call|chat|conversation)|(?:i['’]m\s+)?forwarding\s+(?:this|the\s+below)(?:\s+to\s+you)?|fyi)\s*[,:;—–-]+\s*/i;

/** True when the text has more than one non-empty line (a header is only dropped from a pasted block). */
function isBlock(lines: readonly string[]): boolean {
  return lines.filter((l) => l.length > 0).length > 1;
}

/** One line without its quote marks, lead-in and chaser; empty when nothing is left. */
function readLine(line: string): string {
  const t = line.replace(QUOTE_MARK, '').trim();
  if (FOOTER.test(t)) return '';
  const greeting = GREETING.exec(t)?.[0] ?? '';
  const rest = t.slice(greeting.length).replace(CHASER, '').replace(LEAD_IN, '').trim();
  return rest.length > 0 ? `${greeting}${rest}` : greeting.trim();
}

/** Rewrites a pasted e-mail as the text of its request (see the module comment); other text is returned as it is. */
export function readEmail(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const block = isBlock(lines);
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (block && HEADER.test(line)) return;
    if (block && i === 0 && SUBJECT_LINE.test(line)) return;
    kept.push(readLine(line));
  });
  const out = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return out.length > 0 ? out : text;
}
