/**
 * Last touches on a matched clause's slots: remarks and courtesy cut from group names ("Legal, she starts
 * Monday" → "Legal"), a second group ("Legal and from Project Falcon") and a parallel request ("Marketing and
 * Bob to Legal" → a second step) taken apart.
 */
import type { Intent } from './intent';
import { makeIntent } from './intent-build';
import { cutTail } from './message-text';
import { cleanGroup, usersSlot } from './slot-clean';

const PEOPLE_CHANGES = new Set(['addMembers', 'removeMembers', 'addOwners', 'removeOwners']);
const SECOND_GROUP = /^(?<g1>.+?)\s*,?\s+(?:and|&)\s+(?:also\s+)?(?:to|from|into|in|out\s+of|off)\s+(?<g2>.+)$/i;
const PARALLEL =
  /^(?<g1>.+?)\s*(?:,\s*|\s+)(?:and|&)\s+(?<u2>(?!also\b|to\b|from\b|in\b|into\b)[^,]+?)\s+(?:to|into|in|from|out\s+of|off)\s+(?<g2>.+)$/i;
const ALSO_PERSON =
  /^(?<g>.+?)\s*(?:,\s*(?:and|&)\s+(?<u2>[^,]+?)(?:\s+(?:too|as\s+well|also))?|\s+(?:and|&)\s+(?<u3>[^,]+?)\s+(?:too|as\s+well|also))$/i;

function tidyGroup(g: string): string | undefined {
  const cut = cutTail(g);
  return cut === g ? g : cleanGroup(cut);
}

const NESTING = new Set(['addMembers', 'removeMembers']);
/** A member named as a group: "the Sales group" (users keep "Sales group"), "group Platform Core". */
const GROUP_MEMBER = /^(?:(?<a>.+?)\s+group|group\s+(?<b>.+))$/i;

/** Moves members named as groups ("add the Sales group to …") from `users` to `memberGroups`. */
function nestedGroups(intent: Intent): Intent {
  if (!NESTING.has(intent.intent) || !intent.users) return intent;
  const users: string[] = [];
  const memberGroups = [...(intent.memberGroups ?? [])];
  for (const user of intent.users) {
    const m = GROUP_MEMBER.exec(user);
    const group = m ? cleanGroup(m.groups?.a ?? m.groups?.b) : undefined;
    if (group === undefined) users.push(user);
    else memberGroups.push(group);
  }
  if (memberGroups.length === (intent.memberGroups ?? []).length) return intent;
  const { intent: name, ...slots } = intent;
  return makeIntent(name, { ...slots, users, memberGroups });
}

const EITHER = new Set(['checkMembership', 'listOwners']);
const OR_GROUP = /^(?<g1>.+?)\s*,?\s+or\s+(?:just\s+|only\s+|also\s+)?(?:in\s+|of\s+)?(?<g2>.+)$/i;
const OR_USER = /^(?<u1>[^,]+?)\s+or\s+(?<u2>[^,]+)$/i;

/** "is Adele in Marketing or Sales?", "is Megan or Alex an owner of X?": one question each, as steps. */
function eitherQuestion(intent: Intent): Intent | undefined {
  if (!EITHER.has(intent.intent) || intent.users?.length !== 1 || intent.groups?.length !== 1) return undefined;
  const { intent: name, ...slots } = intent;
  const g = OR_GROUP.exec(intent.groups[0] as string)?.groups;
  const groups = [cleanGroup(g?.g1), cleanGroup(g?.g2)];
  if (groups[0] !== undefined && groups[1] !== undefined)
    return makeIntent('multi', { steps: groups.map((one) => makeIntent(name, { ...slots, groups: [one as string] })) });
  const u = OR_USER.exec(intent.users[0] as string)?.groups;
  const users = [usersSlot(u?.u1), usersSlot(u?.u2)];
  if (users[0] === undefined || users[1] === undefined) return undefined;
  return makeIntent('multi', { steps: users.map((one) => makeIntent(name, { ...slots, users: one })) });
}

/** Returns the intent with tidied slots, or a `multi` intent when a group phrase hid a second request. */
export function tidySlots(found: Intent): Intent {
  const intent = nestedGroups(found);
  const either = eitherQuestion(intent);
  if (either) return either;
  if (!intent.groups || intent.groups.length !== 1) return intent;
  const phrase = intent.groups[0] as string;
  if (PEOPLE_CHANGES.has(intent.intent)) {
    const also = ALSO_PERSON.exec(phrase);
    if (also?.groups) {
      const more = usersSlot(also.groups.u2 ?? also.groups.u3) ?? [];
      return withGroups({ ...intent, users: [...(intent.users ?? []), ...more] }, [also.groups.g ?? '']);
    }
    const second = SECOND_GROUP.exec(phrase);
    if (second?.groups) return withGroups(intent, [second.groups.g1 ?? '', second.groups.g2 ?? '']);
    const parallel = PARALLEL.exec(cutTail(phrase));
    if (parallel?.groups) {
      const first = withGroups(intent, [parallel.groups.g1 ?? '']);
      const next = withGroups(makeIntent(intent.intent, { users: usersSlot(parallel.groups.u2) }), [
        parallel.groups.g2 ?? '',
      ]);
      return makeIntent('multi', { steps: [first, next] });
    }
  }
  return withGroups(intent, [phrase]);
}

function withGroups(intent: Intent, phrases: string[]): Intent {
  const groups = phrases.map(tidyGroup).filter((g): g is string => g !== undefined);
  const { intent: name, ...slots } = intent;
  return makeIntent(name, { ...slots, groups });
}
