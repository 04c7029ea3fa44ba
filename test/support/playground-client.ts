/**
 * A browser-less driver for the Agents Playground's own HTTP + WebSocket API (the one its UI uses): send text as
 * the current user, @mention the bot in the group chat, invoke Action.Execute and Action.Submit as any member,
 * and wait for the bot's replies pushed over the WebSocket. Every message and card update the bot pushes, and
 * every card an Action.Execute answers with, is recorded in card-scan-collector's `shownByBot` (the e2e root hook
 * fails the run when one shows an object id or Graph's error wording).
 */
import WebSocket from 'ws';
import { ADAPTIVE_CARD, shownByBot } from './card-scan-collector';

export interface PlaygroundPerson {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName: string;
}

export interface PlaygroundTestConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundPerson;
  users: PlaygroundPerson[];
  personalChatId: string;
  groupChatId: string;
  /** General channel (= team id) first, then the extra channel if any. */
  teamChannelIds: string[];
}

export interface PlaygroundAttachment {
  contentType: string;
  content: Record<string, unknown>;
}

export interface PlaygroundMessage {
  messageId: string;
  from: { id: string };
  text?: string;
  textFormat?: string;
  attachments: PlaygroundAttachment[];
  [key: string]: unknown;
}

/** One push of the conversation stream. */
export interface PlaygroundPush {
  action: 'createMessage' | 'updateMessage' | 'typing' | string;
  conversationId: string;
  message: PlaygroundMessage;
  /** Order of arrival, from 0. */
  seq: number;
}

export interface WaitOptions {
  /** Default 10 s. */
  timeoutMs?: number;
  /** Which pushes count. Default createMessage and updateMessage (not typing). */
  actions?: readonly string[];
  /** An extra filter, e.g. on text or card content. */
  where?: (push: PlaygroundPush) => boolean;
}

/** No matching bot push arrived in time; says what did arrive. */
export class PlaygroundWaitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaygroundWaitError';
  }
}

/** An HTTP call to the Playground failed. */
export class PlaygroundHttpError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly body: string,
  ) {
    super(`Agents Playground ${path} answered ${status}: ${body.slice(0, 300)}`);
    this.name = 'PlaygroundHttpError';
  }
}

interface RawConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundPerson;
  users: PlaygroundPerson[];
  personalChat: { id: string };
  groupChats: { id: string }[];
  teams: { id: string; channels: { id: string }[] }[];
}

interface Waiter {
  conversationId: string;
  options: WaitOptions;
  resolve(p: PlaygroundPush): void;
}

/** Summarises a push for error messages: its text, or the first TextBlocks of its card. */
export function describePush(push: PlaygroundPush): string {
  const card = push.message.attachments[0]?.content;
  const body = (card?.body as { text?: string }[] | undefined) ?? [];
  const text =
    push.message.text ??
    body
      .map((b) => b.text)
      .filter(Boolean)
      .slice(0, 2)
      .join(' | ');
  return `${push.action} ${push.message.messageId}${card ? ' [card]' : ''}: ${String(text).slice(0, 120)}`;
}

/** All text of a push: message text plus every string found in its attachments. Never throws. */
export function pushText(push: PlaygroundPush): string {
  const parts: string[] = [push.message.text ?? ''];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(push.message.attachments);
  return parts.join('\n');
}

export class PlaygroundClient {
  private readonly pushes: PlaygroundPush[] = [];
  private readonly cursors = new Map<string, number>();
  private waiters: Waiter[] = [];
  private closed = false;
  /** How many buffered pushes were dropped on connect. */
  drained = 0;
  /** When the stream opened (ms epoch); messages stamped earlier were buffered for a previous client. */
  private openedAt = Number.POSITIVE_INFINITY;

  private constructor(
    readonly baseUrl: string,
    readonly config: PlaygroundTestConfig,
    private readonly ws: WebSocket,
  ) {
    ws.on('message', (data: WebSocket.RawData) => this.onPush(data));
  }

  /**
   * Reads the config, opens the conversation stream and drops what the Playground had buffered for the
   * previous client (pushes are buffered while nobody listens and flushed to the next client): everything
   * received in the first `drainMs` (default 300), and any later message stamped before the stream opened.
   * @throws PlaygroundHttpError / Error when the Playground cannot be reached.
   */
  static async connect(baseUrl: string, opts: { drainMs?: number } = {}): Promise<PlaygroundClient> {
    const res = await fetch(`${baseUrl}/_internal/v1/testConfig`);
    const text = await res.text();
    if (!res.ok) throw new PlaygroundHttpError(res.status, '/_internal/v1/testConfig', text);
    const raw = (JSON.parse(text) as { config: RawConfig }).config;
    const config: PlaygroundTestConfig = {
      tenantId: raw.tenantId,
      bot: raw.bot,
      currentUser: raw.currentUser,
      users: raw.users,
      personalChatId: raw.personalChat.id,
      groupChatId: (raw.groupChats[0] as { id: string }).id,
      teamChannelIds: raw.teams.flatMap((t) => [t.id, ...t.channels.map((c) => c.id)]),
    };
    const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`;
    const ws = new WebSocket(wsUrl);
    // Listen before 'open': the Playground flushes its backlog right away.
    const client = new PlaygroundClient(baseUrl, config, ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    client.openedAt = Date.now();
    await new Promise((r) => setTimeout(r, opts.drainMs ?? 300));
    client.drained += client.pushes.length;
    client.pushes.length = 0;
    return client;
  }

  private onPush(data: WebSocket.RawData): void {
    let parsed: { action?: string; actionConversationId?: string; message?: PlaygroundMessage };
    try {
      parsed = JSON.parse(data.toString()) as typeof parsed;
    } catch (err) {
      process.stderr.write(`playground client: ignoring a non-JSON push (${(err as Error).message})\n`);
      return;
    }
    if (!parsed.action || !parsed.actionConversationId || !parsed.message) return;
    if (
      (parsed.action === 'createMessage' || parsed.action === 'updateMessage') &&
      parsed.message.from?.id === this.config.bot.id
    )
      shownByBot.recordMessage(
        `${parsed.action} ${parsed.message.messageId} in ${parsed.actionConversationId}`,
        parsed.message,
      );
    // A buffered push flushed late (after the drain window) is recognised by its server timestamp.
    const stamp = Number(parsed.message.timestamp);
    if (parsed.action === 'createMessage' && Number.isFinite(stamp) && stamp < this.openedAt - 50) {
      this.drained++;
      return;
    }
    const push: PlaygroundPush = {
      action: parsed.action,
      conversationId: parsed.actionConversationId,
      message: { ...parsed.message, attachments: parsed.message.attachments ?? [] },
      seq: this.pushes.length,
    };
    this.pushes.push(push);
    for (const waiter of [...this.waiters]) {
      if (this.matches(push, waiter.conversationId, waiter.options)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        this.cursors.set(waiter.conversationId, push.seq + 1);
        waiter.resolve(push);
        break;
      }
    }
  }

  private matches(push: PlaygroundPush, conversationId: string, options: WaitOptions): boolean {
    const actions = options.actions ?? ['createMessage', 'updateMessage'];
    return (
      push.conversationId === conversationId &&
      push.seq >= (this.cursors.get(conversationId) ?? 0) &&
      push.message.from?.id === this.config.bot.id &&
      actions.includes(push.action) &&
      (!options.where || options.where(push))
    );
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new PlaygroundHttpError(res.status, path, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The Playground user id of a configured user, by id, name, given name, UPN or aadObjectId. Throws Error if unknown. */
  userId(who: string): string {
    const people = [this.config.currentUser, ...this.config.users];
    const needle = who.toLowerCase();
    const person = people.find((p) =>
      [p.id, p.name, p.name.split(' ')[0], p.userPrincipleName, p.aadObjectId].some((v) => v?.toLowerCase() === needle),
    );
    if (!person) throw new Error(`no Playground user '${who}' (known: ${people.map((p) => p.name).join(', ')})`);
    return person.id;
  }

  /**
   * Sends text to the bot in the personal chat as the current user.
   * @throws PlaygroundHttpError on a non-2xx answer.
   */
  async sendPersonal(text: string): Promise<{ messageId: string }> {
    return this.post(`/_conversation/v1/conversations/${encodeURIComponent(this.config.personalChatId)}/messages`, {
      from: { id: this.config.currentUser.id },
      text,
      textFormat: 'plain',
    });
  }

  /**
   * Sends text in the group chat (or a team channel via `conversationId`), @mentioning the bot so it receives it.
   * The bot always receives it from the current user (the Playground's rule for text).
   * @throws PlaygroundHttpError on a non-2xx answer.
   */
  async sendGroup(
    text: string,
    opts: { conversationId?: string; mentionBot?: boolean } = {},
  ): Promise<{ messageId: string }> {
    const conversationId = opts.conversationId ?? this.config.groupChatId;
    const mention = `<at>${this.config.bot.name}</at>`;
    const mentionBot = opts.mentionBot ?? true;
    return this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: this.config.currentUser.id },
      text: mentionBot ? `${mention} ${text}` : text,
      textFormat: 'plain',
      ...(mentionBot
        ? { mentions: [{ mentioned: { id: this.config.bot.id, name: this.config.bot.name }, text: mention }] }
        : {}),
    });
  }

  /**
   * Clicks an Action.Execute as `as` (a user id, name, UPN or aadObjectId; default the current user). In the
   * personal chat only the current user may act. `data` must already contain any input values.
   * Resolves to the bot's invoke response body (e.g. `{type, value: card}`).
   * @throws PlaygroundHttpError on a non-2xx answer; Error for an unknown user.
   */
  async invokeExecute(args: {
    conversationId: string;
    replyToId: string;
    verb: string;
    data?: Record<string, unknown>;
    title?: string;
    as?: string;
  }): Promise<unknown> {
    const answer = await this.post<unknown>('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', title: args.title ?? args.verb, verb: args.verb, data: args.data ?? {} },
      },
      from: { id: args.as ? this.userId(args.as) : this.config.currentUser.id },
      conversation: { id: args.conversationId },
      replyToId: args.replyToId,
    });
    const body = answer as { type?: unknown; value?: unknown } | undefined;
    const card = body?.value as { type?: unknown } | undefined;
    if (card && typeof card === 'object' && (body?.type === ADAPTIVE_CARD || card.type === 'AdaptiveCard'))
      shownByBot.recordCard(`invoke answer to '${args.verb}' on ${args.replyToId} in ${args.conversationId}`, card);
    return answer;
  }

  /**
   * Clicks an Action.Submit as `as` (default the current user); the bot receives a message with `value`.
   * @throws PlaygroundHttpError on a non-2xx answer; Error for an unknown user.
   */
  async submit(args: {
    conversationId: string;
    replyToId: string;
    value: Record<string, unknown>;
    as?: string;
  }): Promise<void> {
    await this.post('/_conversation/v1/submit', {
      conversation: { id: args.conversationId },
      from: { id: args.as ? this.userId(args.as) : this.config.currentUser.id },
      replyToId: args.replyToId,
      value: args.value,
    });
  }

  /** Sends the installation events the UI sends on load (installationUpdate + conversationUpdate). */
  async install(conversationId = this.config.personalChatId): Promise<void> {
    await this.post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /**
   * Resolves to the next bot push in `conversationId` after the last one returned for that conversation
   * (pushes that arrived before the call count, so a reply is never missed).
   * @throws PlaygroundWaitError after the timeout, listing what the bot did push there.
   */
  waitForBot(conversationId: string, options: WaitOptions = {}): Promise<PlaygroundPush> {
    const ready = this.pushes.find((p) => this.matches(p, conversationId, options));
    if (ready) {
      this.cursors.set(conversationId, ready.seq + 1);
      return Promise.resolve(ready);
    }
    if (this.closed) return Promise.reject(new PlaygroundWaitError('the Playground client is closed'));
    const timeoutMs = options.timeoutMs ?? 10000;
    return new Promise<PlaygroundPush>((resolve, reject) => {
      const waiter: Waiter = {
        conversationId,
        options,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.pushes.filter((p) => p.conversationId === conversationId).map(describePush);
        reject(
          new PlaygroundWaitError(
            `no bot ${(options.actions ?? ['createMessage', 'updateMessage']).join('/')} in conversation ${conversationId} ` +
              `within ${timeoutMs} ms${options.where ? ' matching the filter' : ''}; bot pushes there so far: ` +
              (seen.length ? `\n  ${seen.join('\n  ')}` : 'none'),
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Every push seen since connecting, optionally for one conversation, in order of arrival. */
  messages(conversationId?: string): PlaygroundPush[] {
    return this.pushes.filter((p) => !conversationId || p.conversationId === conversationId);
  }

  /** Closes the WebSocket. Pending waits reject on their timeout. Never throws. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
