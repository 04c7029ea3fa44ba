import type { Intent } from '../language';
import { updateGroup } from '../directory/groups-write';
import { groupKind, isReadOnlyKind } from '../directory/types';
import { DomainError } from '../directory/errors';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { outcome, say } from './reply';
import { oneGroup } from './group-target';
import { groupRef } from './views';
import { groupOf, groupUpdated } from '../journal/change-records';
import { journalChange, journalFailure } from './record-step';
import { outcomeReply } from './undo-reply';

const MAX_DESCRIPTION = 1024;

/** "make X private", "set the description of X to ...": confirm, then PATCH. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const description = intent.description?.trim();
  const visibility = intent.visibility;
  if (!description && !visibility)
    return say(
      'What should I change? For example: "make Marketing private" or "set the description of Marketing to Our team".',
    );
  if (description && description.length > MAX_DESCRIPTION)
    return say(`A description can have at most ${MAX_DESCRIPTION} characters; that one has ${description.length}.`);
  const t = await oneGroup(intent, ctx, 'to change', 'make Marketing private');
  if (!t.ok) return t.outcome;
  const g = t.group;
  const kind = groupKind(g);
  if (isReadOnlyKind(kind))
    return say(
      errorText(new DomainError('readOnlyGroup', 'read-only'), {
        groupName: g.displayName,
        readOnlyKind: kind as 'distribution' | 'mailEnabledSecurity',
      }),
    );
  if (visibility === 'HiddenMembership')
    return say(
      'Hidden membership can only be chosen when a Microsoft 365 group is created; it cannot be set afterwards.',
    );
  if (visibility && g.visibility === 'HiddenMembership')
    return say(`'${g.displayName}' has hidden membership, which can't be changed after creation.`);
  const changes = { ...(description ? { description } : {}), ...(visibility ? { visibility } : {}) };
  if (!isConfirmed(ctx)) {
    return askToConfirm(ctx, { ...t.resolved.intent, groups: [g.id] }, t.resolved.snapshot, {
      title: `Change '${g.displayName}'`,
      facts: [
        ...(visibility ? [{ title: 'Visibility', value: `${g.visibility ?? 'not set'} → ${visibility}` }] : []),
        ...(description ? [{ title: 'Description', value: description }] : []),
      ],
      consequence:
        visibility === 'Public'
          ? 'Anyone in the organisation will be able to see and join a public Microsoft 365 group.'
          : 'Nothing else about the group changes.',
      confirmLabel: 'Save',
    });
  }
  try {
    await updateGroup(ctx.graph, g.id, changes);
  } catch (err) {
    await journalFailure(ctx, 'group.update', groupOf(g), err);
    return outcome(failureReply(err, { action: 'change' }, groupRef(g)));
  }
  const recorded = await journalChange(ctx, groupUpdated(g, changes));
  return outcome(
    outcomeReply(
      `Done: '${g.displayName}' is updated${visibility ? ` (visibility ${visibility})` : ''}${description ? `${visibility ? ' and' : ''} with the new description` : ''}.`,
      recorded,
    ),
  );
}
