import type { Intent } from '../language';
import { getGroupExpiry, renewGroup } from '../directory/group-expiry';
import { groupOf, groupRenewed } from '../journal/change-records';
import type { CommandContext, Outcome } from './context';
import { failureReply } from './ask-owners';
import { askToConfirm, isConfirmed } from './confirm-step';
import { errorText } from './error-text';
import { dayText, expiresText, noExpiryText } from './expiry-text';
import { journalChange, journalFailure } from './record-step';
import { outcome, say } from './reply';
import { oneGroup } from './group-target';
import { groupRef } from './views';
import { logOf } from '../log';

/**
 * "renew Marketing": asks for confirmation, renews a Microsoft 365 group under the expiration policy, journals
 * it (`group.renew`, no Undo) and says its new expiry date. Groups without an expiry are explained, not renewed.
 * Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const target = await oneGroup(intent, ctx, 'to renew', 'renew Marketing');
  if (!target.ok) return target.outcome;
  const { group } = target;
  let before;
  try {
    before = await getGroupExpiry(ctx.graph, group.id);
  } catch (err) {
    return say(errorText(err, { groupName: group.displayName, action: 'renew' }));
  }
  if (!before.expirationDateTime) return say(`${noExpiryText(before)} There is nothing to renew.`);
  if (!isConfirmed(ctx)) {
    return askToConfirm(ctx, { ...target.resolved.intent, groups: [group.id] }, target.resolved.snapshot, {
      title: `Renew '${group.displayName}'`,
      facts: [{ title: 'Expires now', value: dayText(before.expirationDateTime) }],
      consequence: 'Its expiry moves a full policy lifetime ahead from today. A renewal cannot be undone.',
      confirmLabel: 'Renew',
    });
  }
  try {
    await renewGroup(ctx.graph, group.id);
  } catch (err) {
    await journalFailure(ctx, 'group.renew', groupOf(group), err);
    return outcome(failureReply(err, { action: 'renew' }, groupRef(group)));
  }
  let after: string | null = null;
  try {
    after = (await getGroupExpiry(ctx.graph, group.id)).expirationDateTime;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    logOf(ctx).warn('group.renew.expiryUnreadable', { groupId: group.id, error: why });
  }
  await journalChange(ctx, groupRenewed(group, before.expirationDateTime, after));
  if (!after) return say(`Renewed '${group.displayName}'.`);
  const moved = after !== before.expirationDateTime ? ` (it was ${dayText(before.expirationDateTime)})` : '';
  const expires = expiresText({ ...before, expirationDateTime: after }, ctx.now()).replace(/\.$/, '');
  return say(`Renewed. ${expires}${moved}.`);
}
