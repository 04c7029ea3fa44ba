import type { Intent } from '../language';
import { isDynamic } from '../directory/types';
import { buildRuleCard } from '../../cards/rule-card';
import type { CommandContext, Outcome } from './context';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { groupRef } from './views';
import { processingNow } from './membership-processing';

/** "what's the membership rule for Marketing department": the rule, and where membership processing stands. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.groups?.length) return say('Which group? For example: "what is the rule of Marketing department".');
  const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, {
    purpose: 'to show its rule',
  });
  if (!step.ok) return step.outcome;
  const g = step.value.groups[0];
  if (!g) return say('Which group?');
  if (!isDynamic(g) || !g.membershipRule) {
    return say(
      `'${g.displayName}' has no membership rule: its members are added and removed by hand. To make it dynamic, say for example: set the rule of ${g.displayName} to user.department -eq "Sales"`,
    );
  }
  const state = g.membershipRuleProcessingState ?? 'On';
  const ruleText = `The rule of '${g.displayName}' is: ${g.membershipRule} (processing ${state === 'Paused' ? 'paused: membership is frozen' : 'on'}).`;
  const ruleReply = reply(
    ruleText,
    buildRuleCard({ group: groupRef(g), rule: g.membershipRule, processingState: state }),
  );
  if (state === 'Paused') return outcome(ruleReply);
  // Where Entra stands with the membership (this is what Check again after a create or a rule change shows).
  const progress = await processingNow(ctx, g);
  return outcome(ruleReply, progress.reply);
}
