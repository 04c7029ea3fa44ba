/**
 * The Teams client: sends activities to the bot as Teams does (signed with the channel key, serviceUrl claim),
 * keeps Teams' state (installs, bot membership) in the directory, records what the bot sends (SentLog), and
 * behaves like the Teams client on sign-in: on an OAuthCard with a tokenExchangeResource it tries SSO
 * (signin/tokenExchange with a token from local Entra) and on a 412 falls back to the sign-in link and the magic
 * code (signin/verifyState); on an Action.Execute 401 loginRequest it resends the action with `authentication`
 * or, failing that, with the magic code in `state`. Each user's behaviour (SSO, consent, completing sign-in) is a
 * setting.
 */
import { signChannelToken, type ChannelAuth } from '../channel/channel-auth';
import { magicCodeOf } from '../token-service/token-service-routes';
import {
  botMembershipActivity,
  eventId,
  installationUpdateActivity,
  invokeActivity,
  messageActivity,
  type Activity,
  type Envelope,
} from './activity-factory';
import { httpRequest } from './bot-call';
import { EndpointRouter, viaSequence, type ViaSequence } from './endpoint-router';
import type { SentLog } from './sent-log';
import type {
  BotSent,
  InvokeResult,
  SendOptions,
  SignInEvent,
  TeamsClient,
  TeamsConversation,
  TeamsUser,
  UserBehaviour,
  Via,
  WaitOptions,
} from './teams-client-types';
import type { TeamsDirectory } from './teams-directory';

export interface TeamsClientDeps {
  directory: TeamsDirectory;
  log: SentLog;
  channelAuth: ChannelAuth;
  botAppId: string;
  botName: string;
  /** The App ID URI registered for the bot (what Teams' manifest webApplicationInfo.resource names). */
  appIdUri: string;
  serviceUrl: string;
  caPem: string;
  newActivityId(): string;
  /** An SSO token for the user and resource, from local Entra. */
  ssoToken(user: TeamsUser, resource: string): string;
  onError(err: unknown): void;
  /**
   * Called (and awaited) after a personal install or uninstall is recorded, before Teams tells the bot: the local
   * cloud shows it in Graph's installed apps (graph-install-bridge.ts). Must not reject.
   */
  onPersonalInstall?(aadObjectId: string, installed: boolean): Promise<void>;
}

const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

interface LoginRequest {
  connectionName?: string;
  tokenExchangeResource?: { id?: string; uri?: string };
  buttons?: Array<{ type?: string; value?: string }>;
}

export class LocalTeamsClient implements TeamsClient {
  readonly tenantId: string;
  readonly serviceUrl: string;
  private readonly router = new EndpointRouter();
  /** A message's `via` sequence, for the sign-in the client does on an OAuthCard replying to it. */
  private readonly viaOf = new Map<string, ViaSequence>();
  /** Incoming activity id → the user who sent it (to know who sees an OAuthCard replying to it). */
  private readonly senders = new Map<string, string>();
  private readonly events: SignInEvent[] = [];
  private readonly signInCursor = new Map<string, number>();
  private signInWaiters: Array<{ user: string; resolve: (e: SignInEvent) => void }> = [];
  private readonly pending = new Set<Promise<void>>();
  /** Activities posted to the bot whose HTTP answer has not come yet (their turn is still running). */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly d: TeamsClientDeps) {
    this.tenantId = d.directory.tenantId;
    this.serviceUrl = d.serviceUrl;
    d.log.onRecord((sent) => this.watch(sent));
  }

  setBotEndpoint(url: string): void {
    this.router.set([url]);
  }

  setBotEndpoints(urls: readonly string[]): void {
    this.router.set(urls);
  }

  users(): TeamsUser[] {
    return this.d.directory.users();
  }
  user(user: string): TeamsUser {
    return this.d.directory.user(user);
  }
  behaviour(user: string): UserBehaviour {
    return this.d.directory.behaviour(user);
  }
  setBehaviour(user: string, change: Partial<UserBehaviour>): void {
    this.d.directory.setBehaviour(user, change);
  }
  personalConversation(user: string): TeamsConversation {
    return this.d.directory.personal(user);
  }
  groupChat(): TeamsConversation {
    return this.d.directory.groupChat();
  }
  teamChannels(): TeamsConversation[] {
    return this.d.directory.channels();
  }
  conversation(id: string): TeamsConversation | undefined {
    return this.d.directory.conversation(id);
  }
  linkTeamToGroup(aadGroupId: string): void {
    this.d.directory.linkTeamToGroup(aadGroupId);
  }
  isInstalled(user: string): boolean {
    return this.d.directory.isInstalled(user);
  }

  /** Whether a bot endpoint is set (activities can be sent). */
  hasBotEndpoint(): boolean {
    return this.router.hasEndpoints();
  }

  async install(user: string, opts: { notify?: boolean; via?: Via } = {}): Promise<number[]> {
    this.d.directory.setInstalled(user, true);
    await this.d.onPersonalInstall?.(this.user(user).aadObjectId, true);
    if (opts.notify === false) return [];
    const via = viaSequence(opts.via);
    const e = this.envelope(user, this.personalConversation(user));
    const a = await this.post(installationUpdateActivity(e, 'add'), via);
    const b = await this.post(botMembershipActivity(this.envelope(user, e.conversation), true), via);
    return [a.status, b.status];
  }

  async uninstall(user: string, opts: { notify?: boolean } = {}): Promise<number[]> {
    const e = this.envelope(user, this.personalConversation(user));
    this.d.directory.setInstalled(user, false);
    await this.d.onPersonalInstall?.(this.user(user).aadObjectId, false);
    if (opts.notify === false) return [];
    // Teams sends these after the app is gone; the bot can no longer post there.
    const a = await this.post(installationUpdateActivity(e, 'remove'));
    const b = await this.post(botMembershipActivity(this.envelope(user, e.conversation), false));
    return [a.status, b.status];
  }

  async addBotTo(conversationId: string, by: string, opts: { notify?: boolean } = {}): Promise<number[]> {
    const c = this.requireConversation(conversationId);
    if (c.kind === 'personal') throw new Error('local-cloud: use install() for a personal chat');
    this.requireMember(by, c);
    this.d.directory.setBotMember(c.id, true);
    if (opts.notify === false) return [];
    const target = c.kind === 'channel' ? (this.d.directory.conversation(c.teamId as string) as TeamsConversation) : c;
    const a = await this.post(installationUpdateActivity(this.envelope(by, target), 'add'));
    const b = await this.post(botMembershipActivity(this.envelope(by, target), true));
    return [a.status, b.status];
  }

  async sendMessage(
    user: string,
    conversationId: string,
    text: string,
    opts: SendOptions = {},
  ): Promise<{ activityId: string; status: number }> {
    const c = this.reachable(user, conversationId);
    const id = this.d.newActivityId();
    const threadRootId = c.kind === 'channel' ? (opts.replyToId ?? threadOf(conversationId) ?? id) : undefined;
    const e = this.envelope(user, c, id, threadRootId);
    const activity = messageActivity(e, text, {
      mentionBot: opts.mentionBot ?? c.kind !== 'personal',
      ...(opts.value !== undefined ? { value: opts.value } : {}),
    });
    if (threadRootId === id) delete activity.replyToId;
    this.senders.set(id, this.user(user).key);
    const via = viaSequence(opts.via);
    if (opts.via !== undefined) this.viaOf.set(id, via);
    const r = await this.post(activity, via);
    return { activityId: id, status: r.status };
  }

  invoke(
    user: string,
    conversationId: string,
    name: string,
    value: unknown,
    replyToId?: string,
    opts: { via?: Via } = {},
  ): Promise<InvokeResult> {
    return this.invokeVia(viaSequence(opts.via), user, conversationId, name, value, replyToId);
  }

  async executeAction(
    user: string,
    conversationId: string,
    messageId: string,
    action: { verb: string; data?: Record<string, unknown> },
    opts: { via?: Via } = {},
  ): Promise<InvokeResult> {
    const value = { action: { type: 'Action.Execute', verb: action.verb, data: action.data ?? {} }, trigger: 'manual' };
    const via = viaSequence(opts.via);
    const result = await this.actionWithSignIn(user, conversationId, messageId, value, true, via);
    this.applyCard(conversationId, messageId, result);
    return result;
  }

  async viewCard(
    user: string,
    conversationId: string,
    messageId: string,
    opts: { via?: Via } = {},
  ): Promise<InvokeResult | undefined> {
    const u = this.user(user);
    const c = this.requireConversation(conversationId);
    const card = adaptiveCardOf(this.d.log.activity(c.id, messageId));
    const refresh = card?.refresh as { action?: { verb?: string; data?: unknown }; userIds?: unknown } | undefined;
    if (!refresh?.action?.verb) return undefined;
    const listed = Array.isArray(refresh.userIds) ? refresh.userIds.includes(u.id) : c.memberIds.length <= 60;
    if (!listed) return undefined;
    const value = {
      action: { type: 'Action.Execute', verb: refresh.action.verb, data: refresh.action.data ?? {} },
      trigger: 'automatic',
    };
    const result = await this.actionWithSignIn(user, conversationId, messageId, value, false, viaSequence(opts.via));
    this.applyCard(conversationId, messageId, result);
    return result;
  }

  sent(conversationId?: string): BotSent[] {
    return this.d.log.list(conversationId ? this.requireConversation(conversationId).id : undefined);
  }

  currentActivity(conversationId: string, activityId: string): Record<string, unknown> | undefined {
    const c = this.d.directory.conversation(conversationId);
    return c ? this.d.log.activity(c.id, activityId) : undefined;
  }

  nextSent(conversationId: string, opts?: WaitOptions): Promise<BotSent> {
    return this.d.log.next(this.requireConversation(conversationId).id, opts);
  }

  signIns(): SignInEvent[] {
    return [...this.events];
  }

  nextSignIn(user: string, opts: { timeoutMs?: number } = {}): Promise<SignInEvent> {
    const key = this.user(user).key;
    const from = this.signInCursor.get(key) ?? 0;
    const idx = this.events.findIndex((e, i) => i >= from && e.user === key);
    if (idx >= 0) {
      this.signInCursor.set(key, idx + 1);
      return Promise.resolve(this.events[idx] as SignInEvent);
    }
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const waiter = {
        user: key,
        resolve: (e: SignInEvent) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const timer = setTimeout(() => {
        this.signInWaiters = this.signInWaiters.filter((w) => w !== waiter);
        reject(new Error(`local-cloud: no sign-in by ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.signInWaiters.push(waiter);
    });
  }

  /** Resolves when every sign-in the client started on its own has finished. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  // ---- internals ----

  private requireConversation(id: string): TeamsConversation {
    const c = this.d.directory.conversation(id);
    if (!c) throw new Error(`local-cloud: no conversation '${id}'`);
    return c;
  }

  private requireMember(user: string, c: TeamsConversation): TeamsUser {
    const u = this.user(user);
    if (!c.memberIds.includes(u.aadObjectId)) throw new Error(`local-cloud: ${u.key} is not a member of ${c.id}`);
    return u;
  }

  /** The conversation, when the user is in it and the bot can be talked to there; throws otherwise. */
  private reachable(user: string, conversationId: string): TeamsConversation {
    const c = this.requireConversation(conversationId);
    this.requireMember(user, c);
    if (!this.d.directory.botIsMember(c.id))
      throw new Error(
        `local-cloud: the app is not ${c.kind === 'personal' ? 'installed for' : 'added to'} ${c.kind === 'personal' ? this.user(user).key : c.id}; Teams would not deliver this`,
      );
    return c;
  }

  private envelope(user: string, conversation: TeamsConversation, id = eventId(), threadRootId?: string): Envelope {
    return {
      ctx: {
        serviceUrl: this.serviceUrl,
        tenantId: this.tenantId,
        bot: { id: `28:${this.d.botAppId}`, name: this.d.botName },
        id,
      },
      conversation,
      teamAadGroupId: this.d.directory.teamAadGroupId,
      from: this.user(user),
      ...(threadRootId ? { threadRootId } : {}),
    };
  }

  private async invokeVia(
    via: ViaSequence,
    user: string,
    conversationId: string,
    name: string,
    value: unknown,
    replyToId?: string,
  ): Promise<InvokeResult> {
    const c = this.reachable(user, conversationId);
    const id = eventId();
    this.senders.set(id, this.user(user).key);
    const threadRootId = c.kind === 'channel' ? (threadOf(conversationId) ?? replyToId) : undefined;
    const r = await this.post(invokeActivity(this.envelope(user, c, id, threadRootId), name, value, replyToId), via);
    return { status: r.status, body: r.body };
  }

  /** Posts to the endpoint `via` names next, else the next one in turn. */
  private async post(
    activity: Activity,
    via: ViaSequence = () => undefined,
  ): Promise<{ status: number; body: unknown }> {
    const endpoint = this.router.pick(via());
    const token = signChannelToken(this.d.channelAuth, this.d.botAppId, this.serviceUrl);
    const id = String(activity.id);
    const request = httpRequest(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
      ca: this.d.caPem,
    });
    this.inFlight.set(id, request);
    try {
      const r = await request;
      return { status: r.status, body: r.body };
    } finally {
      this.inFlight.delete(id);
    }
  }

  private record(event: SignInEvent): void {
    this.events.push(event);
    const waiter = this.signInWaiters.find((w) => w.user === event.user);
    if (waiter) {
      this.signInWaiters = this.signInWaiters.filter((w) => w !== waiter);
      this.signInCursor.set(event.user, this.events.length);
      waiter.resolve(event);
    }
  }

  /** Reacts to an OAuthCard the bot sent, after the connector call that carried it has been answered. */
  private watch(sent: BotSent): void {
    const attachments = (sent.activity?.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>;
    const oauth = attachments.find((a) => a.contentType === OAUTH_CARD);
    if (!oauth || (sent.kind !== 'send' && sent.kind !== 'reply')) return;
    const c = this.d.directory.conversation(sent.conversationId);
    const replyTo = typeof sent.activity?.replyToId === 'string' ? sent.activity.replyToId : undefined;
    const user =
      (replyTo && this.senders.get(replyTo)) ||
      (c?.kind === 'personal' ? this.user(c.memberIds[0] as string).key : undefined);
    if (!user || !c) return;
    const conversationId = String((sent.activity?.conversation as { id?: string } | undefined)?.id ?? c.id);
    // The client acts on the card once it is shown, after the turn that sent it has ended (its state saved).
    const turn = (replyTo && this.inFlight.get(replyTo)) || Promise.resolve();
    const task = turn
      .then(
        () => new Promise<void>((resolve) => setImmediate(resolve)),
        () => new Promise<void>((resolve) => setImmediate(resolve)),
      )
      .then(() =>
        this.signInOnCard(
          user,
          conversationId,
          oauth.content as LoginRequest,
          (replyTo && this.viaOf.get(replyTo)) || viaSequence(undefined),
        ),
      )
      .catch((err: unknown) => this.d.onError(err))
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
  }

  private async signInOnCard(
    user: string,
    conversationId: string,
    card: LoginRequest,
    via: ViaSequence,
  ): Promise<void> {
    const b = this.behaviour(user);
    const ter = card.tokenExchangeResource;
    // Teams does not do bot SSO in channels: there the card only offers its sign-in button.
    const inChannel = this.d.directory.conversation(conversationId)?.kind === 'channel';
    if (b.sso && ter?.uri && !inChannel) {
      if (ter.uri !== this.d.appIdUri) {
        // Teams cannot get a token for a resource other than the manifest's webApplicationInfo.resource; the user
        // sees nothing, the bot gets signin/failure.
        const r = await this.invokeVia(via, user, conversationId, 'signin/failure', {
          code: 'resourcematchfailed',
          message: 'Resource match failed',
        });
        this.record({ user: this.user(user).key, conversationId, kind: 'sso-failure', status: r.status });
        return;
      }
      const token = this.d.ssoToken(this.user(user), ter.uri);
      const r = await this.invokeVia(via, user, conversationId, 'signin/tokenExchange', {
        id: ter.id,
        connectionName: card.connectionName,
        token,
      });
      this.record({ user: this.user(user).key, conversationId, kind: 'sso', status: r.status });
      if (r.status >= 200 && r.status < 300) return;
    }
    const link = card.buttons?.find((x) => x.type === 'signin')?.value;
    if (!b.completesSignIn || !link) return;
    const code = await this.completeSignIn(user, link);
    const r = await this.invokeVia(via, user, conversationId, 'signin/verifyState', { state: code });
    this.record({ user: this.user(user).key, conversationId, kind: 'magic-code', status: r.status });
  }

  /** Follows the sign-in link as the user's browser: picks the user's account and reads the magic code. */
  private async completeSignIn(user: string, link: string): Promise<string> {
    const u = this.user(user);
    const pageAnswer = await httpRequest(link, { method: 'GET', ca: this.d.caPem });
    if (pageAnswer.status !== 200) throw new Error(`local-cloud: the sign-in page answered ${pageAnswer.status}`);
    const href = [...pageAnswer.text.matchAll(/href="([^"]+)"/g)]
      .map((m) => (m[1] as string).replace(/&amp;/g, '&'))
      .find((h) => h.includes(`user=${encodeURIComponent(u.upn)}`));
    if (!href) throw new Error(`local-cloud: the sign-in page does not offer ${u.upn}`);
    const done = await httpRequest(new URL(href, link).toString(), { method: 'GET', ca: this.d.caPem });
    const code = magicCodeOf(done.text);
    if (done.status !== 200 || !code) throw new Error(`local-cloud: sign-in did not complete (${done.status})`);
    return code;
  }

  private async actionWithSignIn(
    user: string,
    conversationId: string,
    messageId: string,
    value: Record<string, unknown>,
    manual: boolean,
    via: ViaSequence,
  ): Promise<InvokeResult> {
    const key = this.user(user).key;
    let r = await this.invokeVia(via, user, conversationId, 'adaptiveCard/action', value, messageId);
    const login = loginRequestOf(r.body);
    if (!login) return r;
    const b = this.behaviour(user);
    const ter = login.tokenExchangeResource;
    if (b.sso && ter?.uri === this.d.appIdUri) {
      const token = this.d.ssoToken(this.user(user), ter.uri);
      r = await this.invokeVia(
        via,
        user,
        conversationId,
        'adaptiveCard/action',
        { ...value, authentication: { id: ter.id, connectionName: login.connectionName, token } },
        messageId,
      );
      this.record({ user: key, conversationId, kind: 'action-sso', status: statusOf(r) });
      if (statusOf(r) !== 412 && !loginRequestOf(r.body)) return r;
    }
    const link = login.buttons?.find((x) => x.type === 'signin')?.value;
    // An automatic refresh never opens a sign-in window: the user has to click.
    if (!manual || !b.completesSignIn || !link) return r;
    const code = await this.completeSignIn(user, link);
    r = await this.invokeVia(via, user, conversationId, 'adaptiveCard/action', { ...value, state: code }, messageId);
    this.record({ user: key, conversationId, kind: 'action-magic-code', status: statusOf(r) });
    return r;
  }

  /** A card in an Action.Execute answer replaces the message's card (what every viewer then sees). */
  private applyCard(conversationId: string, messageId: string, r: InvokeResult): void {
    const body = r.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
    if (r.status !== 200 || body?.statusCode !== 200 || body.type !== ADAPTIVE_CARD) return;
    const c = this.requireConversation(conversationId);
    const current = this.d.log.activity(c.id, messageId);
    if (!current) return;
    this.d.log.replace(c.id, messageId, {
      ...current,
      attachments: [{ contentType: ADAPTIVE_CARD, content: body.value }],
    });
  }
}

function threadOf(conversationId: string): string | undefined {
  return /;messageid=(.+)$/.exec(conversationId)?.[1];
}

function statusOf(r: InvokeResult): number {
  const body = r.body as { statusCode?: unknown } | undefined;
  return typeof body?.statusCode === 'number' ? body.statusCode : r.status;
}

function loginRequestOf(body: unknown): LoginRequest | undefined {
  const b = body as { statusCode?: unknown; type?: unknown; value?: unknown } | undefined;
  return b?.statusCode === 401 && b.type === 'application/vnd.microsoft.activity.loginRequest'
    ? (b.value as LoginRequest)
    : undefined;
}

function adaptiveCardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const list = (activity?.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>;
  const card = list.find((a) => a.contentType === ADAPTIVE_CARD)?.content;
  return typeof card === 'object' && card !== null ? (card as Record<string, unknown>) : undefined;
}
