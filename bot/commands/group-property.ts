/**
 * "is Finance Readers a security group?", "is Executive Leadership hidden?", "does Sales have a team?": answered
 * from the group itself (and the tenant's guest setting). A group that is not found among live groups but was
 * deleted is offered for restore by the resolver. Read-only.
 */
import type { Intent } from '../language';
import { readGroupProperties } from '../directory/group-properties-read';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { answerProperty } from './group-property-answer';
import { say } from './reply';
import { resolveIntent } from './resolve-step';

/** Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.groups?.length) return say('Which group? For example: "is Finance Readers a security group?".');
  const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, {
    groups: true,
    purpose: 'to answer about',
  });
  if (!step.ok) return step.outcome;
  const g = step.value.groups[0];
  if (!g) return say('Which group? For example: "is Finance Readers a security group?".');
  try {
    const props = await readGroupProperties(ctx.graph, g.id);
    return say(answerProperty(props, intent.property ?? 'groupType'));
  } catch (err) {
    return say(errorText(err, { groupName: g.displayName, action: 'read' }));
  }
}
