import type { Intent } from '../language';
import { updateGroup } from '../directory/groups-write';
import { groupKind, isDynamic, isReadOnlyKind, type DirectoryGroup } from '../directory/types';
import { DomainError } from '../directory/errors';
import { buildRulePreviewCard } from '../../cards/rule-preview-card';
import type { CommandContext, Outcome } from './context';
import { isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { failureReply } from './ask-owners';
import { groupRef } from './views';
import { groupOf, ruleSet } from '../journal/change-records';
import { journalChange, journalFailure } from './record-step';
import { processingStartedReply } from './membership-processing';
import { resolved } from './continuation';
import { saveConfirm } from './pending-ops';
import { outcome, reply, say } from './reply';
import { resolveIntent, type Resolved } from './resolve-step';
import { previewOnGraph, previewSentence, ruleFrom } from './rule-preview-run';

/**
 * "set the rule of Marketing department to user.department -eq "Marketing"": validate (no Graph call for an
 * invalid rule), preview against the current members, confirm on the preview card, then PATCH. A static
 * group becomes dynamic (its manual members are dropped; the card says so). Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  if (!intent.groups?.length)
    return say('Which group? For example: "set the rule of Sales to user.department -eq \\"Sales\\"".');
  const input = ruleFrom(intent.rule, intent.ruleText);
  if (!input.ok) return say(input.error);
  const step = await resolveIntent({ ...intent, groups: intent.groups.slice(0, 1) }, ctx, {
    purpose: 'to set its rule',
  });
  if (!step.ok) return step.outcome;
  const g = step.value.groups[0];
  if (!g) return say('Which group?');
  const refusal = readOnlyRefusal(g);
  if (refusal) return refusal;
  if (!isConfirmed(ctx)) return previewAndConfirm(ctx, g, input.rule, step.value);
  return applyAndReport(ctx, g, input.rule);
}

/** Distribution lists and mail-enabled security groups have no rule Graph can set: the refusal, or null. */
function readOnlyRefusal(g: DirectoryGroup): Outcome | null {
  const kind = groupKind(g);
  if (!isReadOnlyKind(kind)) return null;
  return say(
    errorText(new DomainError('readOnlyGroup', 'read-only'), {
      groupName: g.displayName,
      readOnlyKind: kind as 'distribution' | 'mailEnabledSecurity',
    }),
  );
}

/**
 * Previews the rule against the current members and asks to confirm on the preview card (a static group is told it
 * becomes dynamic). Never throws: a failed preview or store becomes errorText's sentence.
 */
async function previewAndConfirm(
  ctx: CommandContext,
  g: DirectoryGroup,
  rule: string,
  step: Resolved,
): Promise<Outcome> {
  try {
    const p = await previewOnGraph(ctx, rule, g);
    const op = await saveConfirm(
      ctx,
      { ...step.intent, groups: [g.id], rule, ruleText: undefined },
      resolved(step.snapshot),
    );
    const convert = isDynamic(g)
      ? ''
      : ` '${g.displayName}' will become a dynamic group: its ${p.removed?.count ?? 'current'} manually added members are replaced by the rule's matches.`;
    const { method: _method, ...model } = p;
    if (!isDynamic(g))
      model.warnings = [
        ...model.warnings,
        `'${g.displayName}' becomes a dynamic group; members added by hand are removed.`,
      ];
    return outcome(
      reply(
        `Set the rule of '${g.displayName}' to ${rule}? ${previewSentence(p)}${convert} Choose Apply rule to go ahead, or Cancel.`,
        buildRulePreviewCard({ ...model, applyPendingId: op.id }),
      ),
    );
  } catch (err) {
    return say(errorText(err, { groupName: g.displayName, action: 'preview the rule of' }));
  }
}

/** PATCHes the rule (a static group becomes dynamic), journals it and offers Check again. Never throws. */
async function applyAndReport(ctx: CommandContext, g: DirectoryGroup, rule: string): Promise<Outcome> {
  try {
    await updateGroup(ctx.graph, g.id, {
      membershipRule: rule,
      membershipRuleProcessingState: 'On',
      ...(isDynamic(g) ? {} : { groupTypes: [...g.groupTypes, 'DynamicMembership'] }),
    });
  } catch (err) {
    await journalFailure(ctx, 'rule.set', groupOf(g), err);
    return outcome(failureReply(err, { groupName: g.displayName, action: 'change the rule of' }, groupRef(g)));
  }
  const recorded = await journalChange(ctx, ruleSet(g, rule));
  // Entra re-evaluates the members asynchronously: the current list is stale until it has; offer Check again.
  return outcome(
    processingStartedReply(
      `Done: the rule of '${g.displayName}' is now ${rule}. Its membership is being processed: until Entra has re-evaluated everyone, the member list still shows the old members. Choose Check again to see the progress.`,
      g.id,
      recorded,
    ),
  );
}
