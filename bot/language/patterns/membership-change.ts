/** addMembers and removeMembers, including pasted lists ("add these to Marketing:" + one name a line). */
import type { IntentName } from '../intent';
import { makeIntent } from '../intent-build';
import { capture, rx, toUtterance, type Utterance } from '../quote-mask';
import { extractDuration } from '../qualifier-extract';
import { groupsSlot, usersSlot } from '../slot-clean';
import type { Matcher } from './matcher';

const LIST_NOUNS = String.raw`(?:users|people|persons|person|user|members|accounts|emails|e-mails|addresses|email\s+addresses|names|guests|employees|folks|ones|colleagues|contacts|below)`;
const BULK = rx(
  String.raw`^(?<verb>add|put|include|invite|enrol+|remove|delete|drop|kick|take)\s+(?:(?:these|those|the\s+following|following|this\s+list\s+of|the\s+list\s+of|all\s+(?:of\s+)?(?:these|those|the\s+following)|all)\s+)?(?:\d+\s+)?(?:${LIST_NOUNS}\s+)?(?<role>as\s+(?:an?\s+|the\s+)?(?:co-?)?owners?\s+(?:of|to|for|on|in)|to|into|in|from|out\s+of|off)\s+(?<g>[^\n:]+?)\s*(?::\s*|\n\s*)(?<u>[\s\S]+)$`,
);

const ADDRESS_OR_ID = /^(?:[^\s@]+@[^\s@]+\.[^\s@]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * A pasted list that arrived as one line without separators (a client joined its lines): addresses and ids split
 * on spaces; four words or more of names cannot be split, so they are flagged. Undefined for a plain name.
 */
function oneLineList(line: string): { users?: string[]; ambiguous?: true } | undefined {
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length >= 2 && words.every((w) => ADDRESS_OR_ID.test(w))) return { users: words };
  return words.length >= 4 ? { ambiguous: true } : undefined;
}

/** "add these to Marketing:\nana@…\nBob" — the whole list becomes `users`. */
export const matchBulk: Matcher = (u) => {
  const c = capture(u, BULK);
  if (!c || c.verb === undefined || c.role === undefined) return undefined;
  const removing = /^(?:remove|delete|drop|kick|take)$/i.test(c.verb);
  const owner = /owner/i.test(c.role);
  if (removing && /^(?:to|into|in)$/i.test(c.role)) return undefined;
  if (!removing && /^(?:from|out\s+of|off)$/i.test(c.role)) return undefined;
  const name: IntentName = owner
    ? removing
      ? 'removeOwners'
      : 'addOwners'
    : removing
      ? 'removeMembers'
      : 'addMembers';
  const duration = removing ? { text: c.g ?? '' } : extractDuration(c.g ?? '');
  const users = usersSlot(c.u);
  const joined = users?.length === 1 && !c.u?.includes('\n') ? oneLineList(users[0] as string) : undefined;
  return makeIntent(name, {
    users: joined?.users ?? users,
    listOnOneLine: joined?.ambiguous,
    groups: groupsSlot(duration.text),
    durationDays: 'durationDays' in duration ? duration.durationDays : undefined,
  });
};

const GROUP_TAIL = String.raw`(?<g>.+?)(?:\s+as\s+(?:an?\s+)?(?:regular\s+|normal\s+)?(?:members?|guests?))?`;
const ADD: RegExp[] = [
  rx(
    String.raw`^(?:add|put|include|invite|enrol+|place|insert|stick|bring|sign\s+up|subscribe|assign|get)\s+(?<u>.+?)(?:\s+back)?\s+(?:as\s+(?:an?\s+)?members?\s+(?:of|to|in)|to\s+the\s+members?\s+(?:of|list\s+of)|to|into|in|onto|on|inside|in\s+to)\s+${GROUP_TAIL}$`,
  ),
  rx(String.raw`^(?:sign\s+up\s+(?<u>.+?)|sign\s+(?<u2>.+?)\s+up)\s+(?:for|to)\s+${GROUP_TAIL}$`),
  rx(String.raw`^(?:give|grant)\s+(?<u>.+?)\s+(?:access|membership)\s+(?:to|in|on|for)\s+${GROUP_TAIL}$`),
  rx(String.raw`^make\s+(?<u>.+?)\s+(?:an?\s+)?members?\s+(?:of|in)\s+${GROUP_TAIL}$`),
  rx(String.raw`^(?:add|include|invite|enrol+)\s+(?<u>.+?)(?:\s+as\s+(?:an?\s+)?members?)?$`),
  rx(String.raw`^(?:add|add\s+(?:a\s+)?(?:new\s+)?(?:members?|users?|people|someone))$`),
];

const NEST = rx(String.raw`^nest\s+(?<m>.+?)\s+(?:inside|under|in|into|within|beneath)\s+(?<g>.+)$`);

/** "nest the Platform Core group inside Engineering All": the member is a group. */
export const matchNest: Matcher = (u) => {
  const c = capture(u, NEST);
  const memberGroups = groupsSlot(c?.m);
  return memberGroups ? makeIntent('addMembers', { memberGroups, groups: groupsSlot(c?.g) }) : undefined;
};

/** "add Ana and Bob to Marketing", "put Diego in Sales", "add me to X", "add Ana" (no group yet). */
export const matchAddMembers: Matcher = (u) => {
  const duration = extractDuration(u.text);
  const v: Utterance = duration.durationDays === undefined ? u : toUtterance(duration.text);
  for (const re of ADD) {
    const c = capture(v, re);
    if (c)
      return makeIntent('addMembers', {
        users: usersSlot(c.u ?? c.u2),
        groups: groupsSlot(c.g),
        durationDays: duration.durationDays,
      });
  }
  return undefined;
};

const REMOVE: RegExp[] = [
  rx(
    String.raw`^(?:remove|delete|drop|kick|kick\s+out|throw\s+out|throw|boot|evict|exclude|take|unsubscribe|unenrol+|pull|get\s+rid\s+of|get)\s+(?<u>.+?)\s+(?:out\s+of|off\s+of|off|from|out\s+from)\s+(?<g>.+?)(?:\s+(?:as\s+(?:an?\s+)?members?|completely|entirely))?$`,
  ),
  rx(String.raw`^(?:revoke|remove)\s+(?<u>.+?)['’]s?\s+(?:access|membership)\s+(?:to|in|of|from|on)\s+(?<g>.+)$`),
  rx(
    String.raw`^(?:leave|quit|exit|unsubscribe\s+(?:me\s+)?from|get\s+me\s+out\s+of|take\s+me\s+(?:off|out\s+of)|opt\s+out\s+of|sign\s+me\s+out\s+of|i\s+(?:want|need|would\s+like|['’]d\s+like)\s+to\s+leave)\s+(?<g>.+)$`,
  ),
  rx(String.raw`^(?<u>leave)$`),
  rx(String.raw`^(?:take|get|kick|throw)\s+(?<u>.+?)\s+out$`),
];

const REMOVE_BARE = rx(String.raw`^(?:remove|kick|kick\s+out|exclude|unsubscribe)\s+(?<u>.+)$`);

function usersOrMe(c: Record<string, string | undefined>): string[] | undefined {
  if (c.u === undefined) return ['me'];
  return /^leave$/i.test(c.u) ? ['me'] : usersSlot(c.u);
}

/** "remove Bob from Legal", "kick Ana out of X", "leave Project Falcon" (users ["me"]). */
export const matchRemoveMembers: Matcher = (u) => {
  for (const re of REMOVE) {
    const c = capture(u, re);
    if (c) return makeIntent('removeMembers', { users: usersOrMe(c), groups: groupsSlot(c.g) });
  }
  return undefined;
};

/** "remove Ana" (no group yet); tried after deleteGroup so that "remove the Marketing group" deletes. */
export const matchRemoveMembersBare: Matcher = (u) => {
  const c = capture(u, REMOVE_BARE);
  return c ? makeIntent('removeMembers', { users: usersSlot(c.u) }) : undefined;
};
