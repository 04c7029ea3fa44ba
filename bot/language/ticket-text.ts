/**
 * Tickets pasted into chat ("INC0048213 - Access request⏎User: Joni Sherman⏎Group: Legal⏎Please add the user
 * to the group.", "Request 7781 | Requester: … | Action: add … | Reason: …"): the ticket number goes, fields
 * that only explain (reason, note, priority…) go, a field that holds the request ("Action: add …") is kept as a
 * sentence, and "the user" / "the group" in the request take the values of the User: and Group: fields. Pure.
 */

const TICKET_ID =
  /^(?:(?:ticket|incident|inc|request|req|ref|case|sr|ritm|tkt|change|chg)\b\s*)?#?\s*(?=[A-Z]*[-‐]?\d)[A-Z]{0,6}[-‐]?\d[\d-]{1,}\b\s*(?:[:|–—-]\s*|\s)/i;
const DROPPED =
  /^(?:reason|note|notes|priority|category|impact|urgency|justification|due(?: date)?|sla|status|assignment group|requester|requested by|opened by|short description)\s*:/i;
const KEPT = /^(?:action|request|task|details|summary|description)\s*:\s*/i;
const USER_FIELD = /^(?:user|caller|employee|requested for|affected user|name)\s*:\s*(.+)$/i;
const GROUP_FIELD = /^(?:group|target group|distribution list|team)\s*:\s*(.+)$/i;

/** True when the text starts like a ticket (a number first, or fields separated by "|"). */
function looksLikeTicket(text: string): boolean {
  return TICKET_ID.test(text) || /\s\|\s\S+[^|]*:\s/.test(text);
}

/** Rewrites a pasted ticket as the request it holds (see the module comment); other text is returned as it is. */
export function readTicket(text: string): string {
  if (!looksLikeTicket(text)) return text;
  const lines = text
    .replace(TICKET_ID, '')
    .split(/\s+\|\s+|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  let user: string | undefined;
  let group: string | undefined;
  const kept: string[] = [];
  for (const line of lines) {
    const u = USER_FIELD.exec(line);
    const g = GROUP_FIELD.exec(line);
    if (u) user = u[1]?.trim();
    else if (g) group = g[1]?.trim();
    else if (!DROPPED.test(line))
      kept.push(
        line
          .replace(KEPT, '')
          .replace(/(?:^|(?<=[.!?])\s+)note\s*:[\s\S]*$/i, '')
          .trim(),
      );
  }
  let out = kept.filter((l) => l.length > 0 && !/^[-–—]?\s*(?:access|membership)\s+request$/i.test(l)).join('\n');
  if (user !== undefined) out = out.replace(/\b(?:the|this)\s+(?:user|person|employee)\b/gi, user);
  if (group !== undefined) out = out.replace(/\b(?:the|this)\s+group\b/gi, group);
  if (user !== undefined && !out.includes(user)) out = `${user}.\n${out}`;
  return out.length > 0 ? out : text;
}
