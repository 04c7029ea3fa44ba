/**
 * Step 2 of a membership change: refuse at once, group by group, what Graph would refuse for the whole group
 * (a read-only kind, dynamic membership), before anything is looked up or written.
 */
import { assertWritableMembership } from '../directory/members-write';
import { groupKind, type DirectoryGroup } from '../directory/types';
import type { Reply } from './context';
import { errorText } from './error-text';
import { reply } from './reply';
import { wordsOf, type ChangeSpec } from './membership-spec';

/** The groups the change may go ahead in, and one refusal for each of the others. */
interface Refused {
  writable: DirectoryGroup[];
  refusals: Reply[];
}

/** Splits `groups` into those whose membership can be changed and a refusal for each other one. Never throws. */
export function refuseWhatCannotBeDone(groups: DirectoryGroup[], spec: ChangeSpec): Refused {
  const refusals: Reply[] = [];
  const writable: DirectoryGroup[] = [];
  for (const g of groups) {
    const why = refusalOf(g, spec);
    if (why) refusals.push(reply(why));
    else writable.push(g);
  }
  return { writable, refusals };
}

/** Why a whole group is refused before any write (read-only kind, dynamic membership), or null. */
function refusalOf(group: DirectoryGroup, spec: ChangeSpec): string | null {
  try {
    assertWritableMembership(group, spec.relation);
    return null;
  } catch (err) {
    const kind = groupKind(group);
    return errorText(err, {
      groupName: group.displayName,
      rule: group.membershipRule ?? null,
      action: wordsOf(spec).forbidden,
      ...(kind === 'distribution' || kind === 'mailEnabledSecurity' ? { readOnlyKind: kind } : {}),
    });
  }
}
