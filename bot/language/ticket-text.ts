/**
 * Tickets pasted into chat ("INC0048213 - Access request⏎User: Joni Sherman⏎Group: Legal⏎Please add the user
 * to the group.", "Request 7781 | Requester: … | Action: add … | Reason: …"): the ticket number goes, fields
 * that only explain (reason, note, priority…) go, a field that holds the request ("Action: add …") is kept as a
 * sentence, and "the user" / "the group" in the request take the values of the User: and Group: fields. An action
 * that names nobody ("Action: add member", "Action: grant access") is written out for the User: field, or else the
 * Requester: (someone asking for themselves), and the Group: field. Pure.
 */

const TICKET_ID =
  /^(?:(?:ticket|incident|inc|request|req|ref|case|sr|ritm|tkt|change|chg)\b\s*)?#?\s*(?=[A-Z]*[-‐]?\d)[A-Z]{0,6}[-‐]?\d[\d-]{1,}\b\s*(?:[:|–—-]\s*|\s)/i;
const DROPPED =
  /^(?:reason|note|notes|priority|category|impact|urgency|justification|due(?: date)?|sla|status|assignment group|requester|requested by|opened by|short description)\s*:/i;
const KEPT = /^(?:action|request|task|details|summary|description)\s*:\s*/i;
const USER_FIELD = /^(?:user|caller|employee|requested for|affected user|name)\s*:\s*(.+)$/i;
const GROUP_FIELD = /^(?:group|target group|distribution list|team)\s*:\s*(.+)$/i;
const REQUESTER_FIELD = /^(?:requester|requested by|opened by)\s*:\s*(.+)$/i;
/** An action that names neither a person nor a group: "add member", "grant access to the group", "join", "add owner". */
const BARE_ACTION =
  /^(?:please\s+)?(?:(?<owner>(?:add|make|assign)\s+(?:as\s+)?(?:an?\s+)?(?:co-?)?owner)|(?:add|grant|give|provide|request)(?:\s+(?:as\s+)?(?:an?\s+|new\s+)?(?:member(?:ship)?|user|access)s?)?|join(?:\s+(?:the|this)\s+group)?|(?:new\s+)?(?:member(?:ship)?|access))(?:\s+(?:to|for|in|into|of)\s+(?:the\s+)?group)?\s*[.!]?$/i;

/** The bare action written out for the person and the group ("add member" → "add Patti Fernandez to Design Team"). */
function spellOut(action: string, person: string, group: string | undefined): string {
  const owner = BARE_ACTION.exec(action)?.groups?.['owner'] !== undefined;
  if (owner) return group === undefined ? `make ${person} an owner` : `make ${person} an owner of ${group}`;
  return group === undefined ? `add ${person}` : `add ${person} to ${group}`;
}

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
  let requester: string | undefined;
  const kept: string[] = [];
  for (const line of lines) {
    const u = USER_FIELD.exec(line);
    const g = GROUP_FIELD.exec(line);
    const r = REQUESTER_FIELD.exec(line);
    if (u) user = u[1]?.trim();
    else if (g) group = g[1]?.trim();
    else if (r) requester = r[1]?.trim();
    else if (!DROPPED.test(line))
      kept.push(
        line
          .replace(KEPT, '')
          .replace(/(?:^|(?<=[.!?])\s+)note\s*:[\s\S]*$/i, '')
          .trim(),
      );
  }
  const person = user ?? requester;
  let out = kept
    .filter((l) => l.length > 0 && !/^[-–—]?\s*(?:access|membership)\s+request$/i.test(l))
    .map((l) => (person !== undefined && BARE_ACTION.test(l) ? spellOut(l, person, group) : l))
    .join('\n');
  if (user !== undefined) out = out.replace(/\b(?:the|this)\s+(?:user|person|employee)\b/gi, user);
  if (group !== undefined) out = out.replace(/\b(?:the|this)\s+group\b/gi, group);
  if (user !== undefined && !out.includes(user)) out = `${user}.\n${out}`;
  return out.length > 0 ? out : text;
}
