import type { Intent } from '../language';
import type { DigestPort } from '../hygiene/digest-port';
import type { DigestSubscription } from '../hygiene/digest-store';
import { seesWholeTenant } from '../hygiene/hygiene-scan';
import type { CommandContext, Outcome } from './context';
import { errorText } from './error-text';
import * as hygieneShow from './hygiene-show';
import { outcome, reply, say } from './reply';

const NOT_ADMIN =
  'Only a Global or Groups Administrator can post the digest in a conversation. ' +
  'You can say "send the digest to me" for the groups you own.';

const NO_PERSONAL =
  "I don't know your 1:1 chat with me yet. " + 'Open a chat with me and say "send the digest to me" there.';
const NO_CONVERSATION =
  "I can't tell which conversation this is, so I can't post the digest here. " + 'Try "send the digest to me".';

function every(days: number): string {
  return days === 7 ? 'every week' : `every ${days} days`;
}

function whereText(kind: DigestSubscription['kind']): string {
  if (kind === 'personal') return 'in this chat';
  return kind === 'channel' ? 'in this channel' : 'in this group chat';
}

/** Subscribes `conversationId` and answers with this period's digest at once (the next is due a period later). */
async function subscribe(
  ctx: CommandContext,
  digests: DigestPort,
  conversationId: string,
  kind: DigestSubscription['kind'],
  lead: string,
): Promise<Outcome> {
  const existing = await digests.store.get(conversationId);
  if (existing?.ownerId === ctx.actor.id) {
    return say('The hygiene digest already comes here, with your permissions. Say "stop the digest" to stop it.');
  }
  const now = ctx.now().toISOString();
  const first = await hygieneShow.run({ intent: 'showHygiene' }, ctx);
  const { id: ownerId, displayName: ownerName } = ctx.actor;
  await digests.store.put({ conversationId, kind, ownerId, ownerName, createdAt: now, lastSentAt: now });
  const replaced = existing ? ` It replaces the one ${existing.ownerName} set up.` : '';
  return outcome(reply(`${lead}${replaced}`), ...first.replies);
}

/** "stop the digest": this conversation's (or, without one, the speaker's 1:1 chat's). */
async function stop(ctx: CommandContext, digests: DigestPort): Promise<Outcome> {
  const id = ctx.conversation?.id ?? (await digests.personalConversationOf(ctx.actor.id));
  const sub = id ? await digests.store.get(id) : undefined;
  if (!id || !sub) return say('There is no weekly digest in this conversation, so there is nothing to stop.');
  if (sub.ownerId !== ctx.actor.id && !(await seesWholeTenant(ctx.graph))) {
    return say(`Only ${sub.ownerName}, who set up this digest, or an administrator can stop it.`);
  }
  await digests.store.remove(id);
  return say('Stopped: no more weekly digests in this conversation. Say "group hygiene" whenever you want one.');
}

/**
 * "post the digest here" (Global or Groups Administrators: this channel, group chat or 1:1 chat gets the weekly
 * digest, scanned with the administrator's own token), "send the digest to me" (anyone: their own 1:1 chat; an
 * owner's digest covers the groups they own), "stop the digest" (this conversation's, by whoever set it up or an
 * administrator). Never throws.
 */
export async function run(intent: Intent, ctx: CommandContext): Promise<Outcome> {
  try {
    const digests = ctx.digests;
    if (intent.digest === 'stop') return await stop(ctx, digests);
    const days = digests.settings.everyDays;
    const here = ctx.conversation;
    if (intent.digest === 'me') {
      const personal = here?.kind === 'personal' ? here.id : await digests.personalConversationOf(ctx.actor.id);
      if (!personal) {
        return say(NO_PERSONAL);
      }
      const lead =
        `Done: I'll send you the hygiene digest ${every(days)}, with your own permissions. ` + 'Here is the first one.';
      return await subscribe(ctx, digests, personal, 'personal', lead);
    }
    if (!here) {
      return say(NO_CONVERSATION);
    }
    if (!(await seesWholeTenant(ctx.graph))) return say(NOT_ADMIN);
    const lead =
      `Done: I'll post the hygiene digest ${whereText(here.kind)} ${every(days)}, ` +
      `checked with your permissions (${ctx.actor.displayName}). Here is the first one.`;
    return await subscribe(ctx, digests, here.id, here.kind, lead);
  } catch (err) {
    return say(errorText(err));
  }
}
