/**
 * "does Raul still have access anywhere?": the groups a person is in (directly and through nesting) and the
 * groups they own, with the account's state (disabled, guest), so an offboarding can be checked. Read-only.
 */
import type { Intent } from '../language';
import { readUserMemberships, type UserMemberships } from '../directory/user-memberships-read';
import type { DirectoryGroup } from '../directory/types';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { say } from './reply';
import { resolveIntent } from './resolve-step';

const SHOWN = 15;

function names(groups: DirectoryGroup[]): string {
  const list = groups.map((g) => g.displayName).sort((a, b) => a.localeCompare(b));
  return list.length > SHOWN ? `${list.slice(0, SHOWN).join(', ')} and ${list.length - SHOWN} more` : list.join(', ');
}

/** "Raul Razo (disabled account, guest)". Pure. */
function whoIs(m: UserMemberships): string {
  const marks = [
    ...(m.user.accountEnabled === false ? ['account disabled'] : []),
    ...(m.user.userType === 'Guest' ? ['guest'] : []),
  ];
  return marks.length ? `${m.user.displayName} (${marks.join(', ')})` : m.user.displayName;
}

/** The answer for one person. Pure. */
export function accessSentence(m: UserMemberships): string {
  const direct = new Set(m.direct.map((g) => g.id));
  const nested = m.transitive.filter((g) => !direct.has(g.id));
  if (m.direct.length + nested.length + m.owned.length === 0)
    return `No: ${whoIs(m)} is not in any group and owns none.`;
  const parts = [
    ...(m.direct.length
      ? [`a direct member of ${m.direct.length} group${m.direct.length === 1 ? '' : 's'}: ${names(m.direct)}`]
      : []),
    ...(nested.length ? [`through nested groups also in ${names(nested)}`] : []),
    ...(m.owned.length ? [`owner of ${names(m.owned)}`] : []),
  ];
  const more = m.complete ? '' : ' (there may be more: the lists were cut short)';
  const disabled =
    m.user.accountEnabled === false
      ? ' The account is disabled, so it cannot sign in, but the memberships remain.'
      : '';
  return `Yes: ${whoIs(m)} is still ${parts.join('; ')}${more}.${disabled} Say "offboard ${m.user.displayName}" to remove them everywhere.`;
}

/** Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.users?.length)
    return say('Whose access should I check? For example: "does Raul still have access anywhere?".');
  const step = await resolveIntent(intent, ctx, { people: ['users'], groups: false, purpose: 'to check' });
  if (!step.ok) return step.outcome;
  try {
    const people = step.value.people.users.filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
    const found = await Promise.all(people.map((p) => readUserMemberships(ctx.graph, p.id)));
    return say(found.map(accessSentence).join('\n'));
  } catch (err) {
    return say(errorText(err, { action: 'check the groups of' }));
  }
}
