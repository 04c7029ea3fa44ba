import type { Intent } from '../language';
import { getGroupDetails } from '../directory/groups-read';
import { buildGroupDetailsCard } from '../../cards/group-details-card';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { memberToPerson, toGroupSummary } from './views';
import { kindLabel } from '../../graph-model/group-kind';

/** "tell me about OutlookGroup101": kind, mail, visibility, rule, counts and owners. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.groups?.length) return say('Which group? For example: "tell me about Marketing".');
  const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, { purpose: 'to show' });
  if (!step.ok) return step.outcome;
  const g = step.value.groups[0];
  if (!g) return say('Which group?');
  let d;
  try {
    d = await getGroupDetails(ctx.graph, g.id);
  } catch (err) {
    return say(errorText(err, { groupName: g.displayName, action: 'see' }));
  }
  const group = d.group;
  const owners = d.owners.filter((o) => o.type === 'user').map(memberToPerson);
  const parts = [
    `'${group.displayName}' is a ${kindLabel(group)}.`,
    group.mail ? `Mail: ${group.mail}.` : '',
    group.visibility ? `Visibility: ${group.visibility}.` : '',
    group.description ? `Description: ${group.description}.` : '',
    group.membershipRule
      ? `Rule: ${group.membershipRule} (processing ${group.membershipRuleProcessingState ?? 'On'}).`
      : '',
    d.memberCount !== null ? `${d.memberCount} member${d.memberCount === 1 ? '' : 's'}.` : '',
    `${d.ownerCount} owner${d.ownerCount === 1 ? '' : 's'}${owners.length ? `: ${owners.map((o) => o.displayName).join(', ')}` : ''}.`,
    d.assignedLicenses.length
      ? `${d.assignedLicenses.length} licence${d.assignedLicenses.length === 1 ? '' : 's'} assigned.`
      : '',
  ].filter(Boolean);
  return outcome(
    reply(
      parts.join(' '),
      buildGroupDetailsCard({
        group: toGroupSummary(group, {
          ...(d.memberCount !== null ? { memberCount: d.memberCount } : {}),
          ownerCount: d.ownerCount,
          owners,
        }),
      }),
    ),
  );
}
