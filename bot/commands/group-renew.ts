import type { Intent } from '../language';
import { getGroupExpiry, renewGroup } from '../directory/group-expiry';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { dayText, expiresText, noExpiryText } from './expiry-text';
import { say } from './reply';
import { oneGroup } from './group-target';

/**
 * "renew Marketing": renews a Microsoft 365 group under the expiration policy and says its new expiry date.
 * Groups without an expiry are explained, not renewed. Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const target = await oneGroup(intent, ctx, 'to renew', 'renew Marketing');
  if (!target.ok) return target.outcome;
  const { group } = target;
  const about = { groupName: group.displayName, action: 'renew' };
  try {
    const before = await getGroupExpiry(ctx.graph, group.id);
    if (!before.expirationDateTime) return say(`${noExpiryText(before)} There is nothing to renew.`);
    await renewGroup(ctx.graph, group.id);
    const after = await getGroupExpiry(ctx.graph, group.id);
    if (!after.expirationDateTime) return say(`Renewed '${group.displayName}'. It no longer has an expiry date.`);
    const moved = after.expirationDateTime !== before.expirationDateTime ? ` (it was ${dayText(before.expirationDateTime)})` : '';
    return say(`Renewed. ${expiresText({ ...after, expirationDateTime: after.expirationDateTime }, ctx.now()).replace(/\.$/, '')}${moved}.`);
  } catch (err) {
    return say(errorText(err, about));
  }
}
