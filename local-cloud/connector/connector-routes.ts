/**
 * The Bot Connector with Teams' behaviour (smba.trafficmanager.net/amer/ → `<base>/amer/`): the v3 conversation
 * API the bot calls to send, reply, update and delete messages, create a 1:1 conversation (only with a user who
 * has the app installed, as Teams requires), and read members (single, all, paged) and team details. Every call
 * needs the bot's Entra token; a conversation the bot is not in answers 403 BotNotInConversationRoster.
 */
import { HttpError, jsonBody, sendJson, type Route, type RouteRequest } from '../http/http-kit';
import type { SentLog } from '../teams/sent-log';
import type { TeamsDirectory } from '../teams/teams-directory';
import { requireBotToken, type BotTokenCheck } from './bot-token-check';

export const SERVICE_PATH = '/amer/';

export interface ConnectorDeps {
  auth: BotTokenCheck;
  directory: TeamsDirectory;
  log: SentLog;
  /** A new activity id (Teams' are increasing numbers). */
  newActivityId(): string;
}

const teamsError = (status: number, code: string, message: string) =>
  new HttpError(status, { error: { code, message } });
const notInRoster = () =>
  teamsError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');

/** `19:x@thread.tacv2;messageid=1` → `19:x@thread.tacv2`; other ids unchanged. */
export function baseConversationId(id: string): string {
  return id.split(';')[0] as string;
}

/**
 * The connector's routes. Their handlers throw HttpError (401, 400, 403, 404) for the answers above, which the server
 * sends as they are.
 */
export function connectorRoutes(d: ConnectorDeps): Route[] {
  const prefix = '^/amer/v3/conversations';
  const conv = (r: RouteRequest): string => {
    requireBotToken(d.auth, r.req);
    const id = decodeURIComponent(r.params.conversationId as string);
    const c = d.directory.conversation(id);
    if (!c) throw teamsError(404, 'ConversationNotFound', 'Conversation not found.');
    if (!d.directory.botIsMember(id)) throw notInRoster();
    return id;
  };
  const activityOf = (r: RouteRequest) =>
    jsonBody(r, { error: { code: 'BadSyntax', message: 'Activity body is not valid JSON.' } });
  const post = (
    conversationId: string,
    activity: Record<string, unknown>,
    kind: 'send' | 'reply',
    replyToId?: string,
  ) => {
    const id = d.newActivityId();
    if (activity.type !== 'typing')
      d.log.record({
        kind,
        conversationId: baseConversationId(conversationId),
        activityId: id,
        activity: { ...activity, id, ...(replyToId ? { replyToId } : {}), conversation: { id: conversationId } },
      });
    return id;
  };
  const memberOf = (conversationId: string, memberId: string) => {
    const c = d.directory.conversation(conversationId);
    const u = d.directory.findUser(memberId);
    if (!c || !u || !c.memberIds.includes(u.aadObjectId))
      throw teamsError(404, 'MemberNotFoundInConversation', 'The member was not found in the conversation.');
    return d.directory.memberRecord(u);
  };
  const members = (conversationId: string) =>
    (d.directory.conversation(conversationId)?.memberIds ?? []).map((oid) =>
      d.directory.memberRecord(d.directory.user(oid)),
    );
  return [
    {
      method: 'POST',
      pattern: new RegExp(`${prefix}$`),
      handler: (r, res) => {
        requireBotToken(d.auth, r.req);
        const body = jsonBody(r);
        const channelData = (body.channelData ?? {}) as { tenant?: { id?: string }; channel?: { id?: string } };
        const tenantId = (body.tenantId as string | undefined) ?? channelData.tenant?.id;
        if (tenantId && tenantId !== d.directory.tenantId)
          throw teamsError(403, 'Forbidden', 'The bot is not installed in this tenant.');
        const activity = body.activity as Record<string, unknown> | undefined;
        if (body.isGroup === true) {
          const channelId = channelData.channel?.id;
          const channel = channelId ? d.directory.conversation(channelId) : undefined;
          if (!channel || channel.kind !== 'channel' || !activity)
            throw teamsError(400, 'BadArgument', 'Incorrect conversation creation parameters.');
          if (!d.directory.botIsMember(channel.id)) throw notInRoster();
          const rootId = d.newActivityId();
          const threadId = `${channel.id};messageid=${rootId}`;
          d.log.record({
            kind: 'send',
            conversationId: channel.id,
            activityId: rootId,
            activity: { ...activity, id: rootId, conversation: { id: threadId } },
          });
          return sendJson(res, 201, { id: threadId, activityId: rootId });
        }
        const list = Array.isArray(body.members) ? (body.members as Array<{ id?: unknown }>) : [];
        if (list.length !== 1 || typeof list[0]?.id !== 'string')
          throw teamsError(400, 'BadArgument', 'Exactly one member is required for a one-on-one conversation.');
        const user = d.directory.findUser(list[0].id);
        if (!user) throw teamsError(404, 'NotFound', 'The user was not found in the tenant.');
        if (!d.directory.isInstalled(user.key)) throw notInRoster();
        const conversationId = d.directory.personal(user.key).id;
        const activityId = activity ? post(conversationId, activity, 'send') : undefined;
        sendJson(res, 201, activityId ? { id: conversationId, activityId } : { id: conversationId });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${prefix}/(?<conversationId>[^/]+)/activities$`),
      handler: (r, res) => {
        const id = conv(r);
        sendJson(res, 201, { id: post(id, activityOf(r), 'send') });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`${prefix}/(?<conversationId>[^/]+)/activities/(?<activityId>[^/]+)$`),
      handler: (r, res) => {
        const id = conv(r);
        const replyTo = decodeURIComponent(r.params.activityId as string);
        sendJson(res, 201, { id: post(id, activityOf(r), 'reply', replyTo) });
      },
    },
    {
      method: 'PUT',
      pattern: new RegExp(`${prefix}/(?<conversationId>[^/]+)/activities/(?<activityId>[^/]+)$`),
      handler: (r, res) => {
        const id = conv(r);
        const activityId = decodeURIComponent(r.params.activityId as string);
        const base = baseConversationId(id);
        if (!d.log.has(base, activityId)) throw teamsError(404, 'NotFound', 'Message not found.');
        const activity = activityOf(r);
        d.log.record({
          kind: 'update',
          conversationId: base,
          activityId,
          activity: { ...activity, id: activityId, conversation: { id } },
        });
        sendJson(res, 200, { id: activityId });
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`${prefix}/(?<conversationId>[^/]+)/activities/(?<activityId>[^/]+)$`),
      handler: (r, res) => {
        const id = conv(r);
        const activityId = decodeURIComponent(r.params.activityId as string);
        const base = baseConversationId(id);
        if (!d.log.has(base, activityId)) throw teamsError(404, 'NotFound', 'Message not found.');
        d.log.record({ kind: 'delete', conversationId: base, activityId });
        sendJson(res, 200);
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/(?<conversationId>[^/]+)/members$`),
      handler: (r, res) => sendJson(res, 200, members(conv(r))),
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/(?<conversationId>[^/]+)/members/(?<memberId>[^/]+)$`),
      handler: (r, res) => sendJson(res, 200, memberOf(conv(r), decodeURIComponent(r.params.memberId as string))),
    },
    {
      method: 'GET',
      pattern: new RegExp(`${prefix}/(?<conversationId>[^/]+)/pagedmembers$`),
      handler: (r, res) => {
        const all = members(conv(r));
        const size = Math.min(Math.max(Number(r.url.searchParams.get('pageSize') ?? 200) || 200, 1), 500);
        const token = r.url.searchParams.get('continuationToken');
        const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) || 0 : 0;
        const page = all.slice(start, start + size);
        const next = start + size < all.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
        sendJson(res, 200, next ? { continuationToken: next, members: page } : { members: page });
      },
    },
    {
      method: 'GET',
      pattern: /^\/amer\/v3\/teams\/(?<teamId>[^/]+)$/,
      handler: (r, res) => {
        requireBotToken(d.auth, r.req);
        const teamId = decodeURIComponent(r.params.teamId as string);
        if (teamId !== d.directory.teamId) throw teamsError(404, 'NotFound', 'Team not found.');
        if (!d.directory.botIsMember(teamId)) throw notInRoster();
        const general = d.directory.channels()[0];
        sendJson(res, 200, { id: teamId, name: general?.teamName, aadGroupId: d.directory.teamAadGroupId });
      },
    },
    {
      method: 'GET',
      pattern: /^\/amer\/v3\/teams\/(?<teamId>[^/]+)\/conversations$/,
      handler: (r, res) => {
        requireBotToken(d.auth, r.req);
        const teamId = decodeURIComponent(r.params.teamId as string);
        if (teamId !== d.directory.teamId) throw teamsError(404, 'NotFound', 'Team not found.');
        if (!d.directory.botIsMember(teamId)) throw notInRoster();
        sendJson(res, 200, {
          conversations: d.directory.channels().map((c) => ({ id: c.id, name: c.id === teamId ? null : c.name })),
        });
      },
    },
  ];
}
