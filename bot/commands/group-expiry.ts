import type { Intent } from '../language';
import { getGroupExpiry } from '../directory/group-expiry';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import { dayText, expiresText, noExpiryText } from './expiry-text';
import { say } from './reply';
import { oneGroup } from './group-target';

/** "when does Marketing expire": the expiry date, the last renewal, or why the group never expires. Never throws. */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  const target = await oneGroup(intent, ctx, 'to check the expiry of', 'when does Marketing expire');
  if (!target.ok) return target.outcome;
  const { group } = target;
  let expiry;
  try {
    expiry = await getGroupExpiry(ctx.graph, group.id);
  } catch (err) {
    return say(errorText(err, { groupName: group.displayName, action: 'see the expiry of' }));
  }
  if (!expiry.expirationDateTime) return say(noExpiryText(expiry));
  const renewed = expiry.renewedDateTime ? ` It was last renewed on ${dayText(expiry.renewedDateTime)}.` : '';
  return say(
    `${expiresText({ ...expiry, expirationDateTime: expiry.expirationDateTime }, ctx.now())}${renewed} To keep it longer, say "renew ${group.displayName}".`,
  );
}
