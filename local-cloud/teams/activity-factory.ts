/**
 * Activities shaped like the ones Teams sends to a bot (msteams channel): messages (with an @mention of the bot
 * outside personal chats), invokes, installationUpdate and conversationUpdate, with Teams' conversation and
 * channelData fields for personal chats, group chats and channel threads. Pure functions.
 */
import { randomUUID } from 'node:crypto';
import type { TeamsConversation, TeamsUser } from './teams-client-types';

export interface ActivityContext {
  serviceUrl: string;
  tenantId: string;
  bot: { id: string; name: string };
  /** A fresh activity id. */
  id: string;
}

export type Activity = Record<string, unknown>;

function conversationOf(c: TeamsConversation, tenantId: string, threadRootId?: string): Record<string, unknown> {
  if (c.kind === 'personal') return { conversationType: 'personal', tenantId, id: c.id };
  if (c.kind === 'groupChat') return { isGroup: true, conversationType: 'groupChat', tenantId, id: c.id };
  return {
    isGroup: true,
    conversationType: 'channel',
    tenantId,
    id: threadRootId ? `${c.id};messageid=${threadRootId}` : c.id,
    name: c.name,
  };
}

function channelDataOf(c: TeamsConversation, tenantId: string, teamAadGroupId: string): Record<string, unknown> {
  if (c.kind !== 'channel') return { tenant: { id: tenantId } };
  return {
    teamsChannelId: c.id,
    teamsTeamId: c.teamId,
    channel: { id: c.id, name: c.name },
    team: { id: c.teamId, name: c.teamName, aadGroupId: teamAadGroupId },
    tenant: { id: tenantId },
  };
}

export interface Envelope {
  ctx: ActivityContext;
  conversation: TeamsConversation;
  teamAadGroupId: string;
  /** The user the activity is from (absent for events Teams sends on its own). */
  from: TeamsUser;
  /** Channel thread root the activity belongs to. */
  threadRootId?: string;
}

function base(e: Envelope, type: string): Activity {
  const now = new Date();
  return {
    type,
    id: e.ctx.id,
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString(),
    serviceUrl: e.ctx.serviceUrl,
    channelId: 'msteams',
    from: { id: e.from.id, name: e.from.name, aadObjectId: e.from.aadObjectId },
    conversation: conversationOf(e.conversation, e.ctx.tenantId, e.threadRootId),
    recipient: { id: e.ctx.bot.id, name: e.ctx.bot.name },
    entities: [{ locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/London', type: 'clientInfo' }],
    channelData: channelDataOf(e.conversation, e.ctx.tenantId, e.teamAadGroupId),
    locale: 'en-US',
    localTimezone: 'Europe/London',
  };
}

/** A text message (optionally with an @mention of the bot and an Action.Submit `value`). */
export function messageActivity(e: Envelope, text: string, opts: { mentionBot: boolean; value?: unknown }): Activity {
  const a = base(e, 'message');
  const mention = `<at>${e.ctx.bot.name}</at>`;
  a.text = opts.mentionBot ? `${mention} ${text}` : text;
  a.textFormat = 'plain';
  a.attachments = [];
  if (opts.mentionBot)
    (a.entities as unknown[]).push({
      type: 'mention',
      text: mention,
      mentioned: { id: e.ctx.bot.id, name: e.ctx.bot.name },
    });
  if (opts.value !== undefined) a.value = opts.value;
  if (e.threadRootId) a.replyToId = e.threadRootId;
  return a;
}

/** An invoke (`name`, `value`), optionally about a message (`replyToId`). */
export function invokeActivity(e: Envelope, name: string, value: unknown, replyToId?: string): Activity {
  const a = base(e, 'invoke');
  a.name = name;
  a.value = value;
  if (replyToId) a.replyToId = replyToId;
  return a;
}

/** installationUpdate (`add` / `remove`). */
export function installationUpdateActivity(e: Envelope, action: 'add' | 'remove'): Activity {
  const a = base(e, 'installationUpdate');
  a.action = action;
  (a.channelData as Record<string, unknown>).source = { name: 'message' };
  delete a.entities;
  return a;
}

/** conversationUpdate with the bot added or removed. */
export function botMembershipActivity(e: Envelope, added: boolean): Activity {
  const a = base(e, 'conversationUpdate');
  a[added ? 'membersAdded' : 'membersRemoved'] = [{ id: e.ctx.bot.id }];
  (a.channelData as Record<string, unknown>).eventType = added ? 'teamMemberAdded' : 'teamMemberRemoved';
  delete a.entities;
  return a;
}

/** A Teams-like activity id for events and invokes (`f:<uuid>`); messages use numeric ids. */
export function eventId(): string {
  return `f:${randomUUID()}`;
}
