import type { Intent } from '../language';
import { buildRulePreviewCard } from '../../cards/rule-preview-card';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { outcome, reply, say } from './reply';
import { resolveIntent } from './resolve-step';
import { previewOnGraph, previewSentence, ruleFrom } from './rule-preview-run';

/**
 * "who would match user.city -eq "Seattle"", or the preview of a group's current rule (button on the rule
 * card): count, sample and, for a group, who would join and leave. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  let group;
  let ruleText = intent.rule;
  if (intent.groups?.length) {
    const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, {
      purpose: 'to preview its rule',
    });
    if (!step.ok) return step.outcome;
    group = step.value.groups[0];
    if (!ruleText && !intent.ruleText) ruleText = group?.membershipRule ?? undefined;
    if (!ruleText && !intent.ruleText)
      return say(`'${group?.displayName}' has no membership rule to preview. Say "who would match <rule>" to try one.`);
  }
  const input = ruleFrom(ruleText, intent.ruleText);
  if (!input.ok) return say(input.error);
  try {
    const p = await previewOnGraph(ctx, input.rule, group);
    const { method: _method, ...model } = p;
    return outcome(
      reply(
        `${input.summary ? `${input.summary}: ` : ''}${input.rule}. ${previewSentence(p)}`,
        buildRulePreviewCard(model),
      ),
    );
  } catch (err) {
    return say(errorText(err, { action: 'preview the rule of', ...(group ? { groupName: group.displayName } : {}) }));
  }
}
