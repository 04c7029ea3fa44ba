import type { CommandContext, Outcome } from './context';
import { answers } from './pending-answer';
import { clickerOnly } from './reply';

const UNOWNED_IN_SHARED =
  'This card was made before cards had an owner, so in a shared chat I cannot tell whose it is and did nothing. Ask me again, and use the new card.';

/**
 * Whether the actor may use a card whose owner is the pending operation `pendingId` (a card that files something
 * in its own name, such as "Ask to join", and carries no other state): undefined when they may; otherwise the
 * clicker's answer (someone else's card, expired). The owner is the stored operation's, never the card's data; a
 * card without an owner (made before they had one) is accepted only outside shared chats. Throws store errors.
 */
export async function cardOwnerRefusal(
  pendingId: string | undefined,
  ctx: CommandContext,
): Promise<Outcome | undefined> {
  if (!pendingId)
    return ctx.conversation && ctx.conversation.kind !== 'personal' ? clickerOnly(UNOWNED_IN_SHARED) : undefined;
  const op = await ctx.pending.get(pendingId);
  if (!op) return answers.expired();
  if (op.actorId !== ctx.actor.id) return answers.notYours(op);
  return undefined;
}
