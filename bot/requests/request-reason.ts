/**
 * The reason in an asking sentence, for the justification box: "…, I'm preparing the quarterly review",
 * "… because I joined the audit team", "… for the audit". Pure; the parser finds the clause, this module
 * only splits a group phrase that still carries one and words the box's starting text.
 */

/** Where a reason clause starts inside a phrase (after the group's name). */
const REASON_START =
  /(?:\s*,\s*|\s+)(?=(?:because|since|as\s+(?:i|we)\b|so\s+(?:that\s+)?(?:i|we)\b|for\s+(?:the|a|an|my|our)\s|i['’]m\s|i\s+am\s|i\s+need\s|i\s+have\s|we['’]re\s|we\s+are\s|we\s+need\s|to\s+(?:prepare|help|work|review|support|cover)\b))/i;
const LEADING_MARKER = /^(?:because(?!\s+of\b)|since|so\s+that|so)\s+/i;

/** Splits "Finance Readers because of the audit" into the group phrase and the reason; no reason when none. */
export function splitReason(phrase: string): { rest: string; reason?: string } {
  const m = REASON_START.exec(phrase);
  if (!m || m.index === 0) return { rest: phrase.trim() };
  const rest = phrase.slice(0, m.index).trim();
  const reason = phrase.slice(m.index + m[0].length).trim();
  if (!rest || !reason) return { rest: phrase.trim() };
  return { rest, reason: justificationPrefill(reason) };
}

/**
 * The justification box's starting text for a reason as the user gave it: the connective dropped ("because I
 * joined…" → "I joined…"), a bare purpose kept readable ("the audit" → "For the audit"), first letter capitalised.
 * Empty input gives ''.
 */
export function justificationPrefill(reason: string | undefined): string {
  let text = (reason ?? '').trim().replace(/[.!]+$/, '');
  if (!text) return '';
  text = text.replace(LEADING_MARKER, '');
  if (/^(?:the|a|an|my|our)\s/i.test(text)) text = `for ${text}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
