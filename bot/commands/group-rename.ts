import type { Intent } from '../language';
import { updateGroup } from '../directory/groups-write';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { outcome, say } from './reply';
import { oneGroup } from './group-target';
import { groupRef } from './views';
import { groupOf, groupRenamed } from '../journal/change-records';
import { journalChange, journalFailure } from './record-step';
import { outcomeReply } from './undo-reply';

const MAX_NAME = 256;

/** "rename Marketing to Marketing EMEA": confirm, then PATCH displayName. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const name = intent.name?.trim();
  if (!name) return say('What should the new name be? For example: "rename Marketing to Marketing EMEA".');
  if (name.length > MAX_NAME)
    return say(`A group name can have at most ${MAX_NAME} characters; that one has ${name.length}.`);
  const t = await oneGroup(intent, ctx, 'to rename', 'rename Marketing to Marketing EMEA');
  if (!t.ok) return t.outcome;
  const g = t.group;
  if (g.displayName === name) return say(`'${g.displayName}' already has that name.`);
  if (!isConfirmed(ctx)) {
    return askToConfirm(ctx, { ...t.resolved.intent, groups: [g.id], name }, t.resolved.snapshot, {
      title: `Rename '${g.displayName}' to '${name}'`,
      facts: [
        { title: 'Current name', value: g.displayName },
        { title: 'New name', value: name },
      ],
      consequence: 'Only the display name changes; the mail address and members stay the same.',
      confirmLabel: 'Rename',
    });
  }
  try {
    await updateGroup(ctx.graph, g.id, { displayName: name });
  } catch (err) {
    await journalFailure(ctx, 'group.rename', groupOf(g), err);
    return outcome(failureReply(err, { action: 'rename' }, groupRef(g)));
  }
  const recorded = await journalChange(ctx, groupRenamed(g, name));
  return outcome(outcomeReply(`Done: '${g.displayName}' is now called '${name}'.`, recorded));
}
