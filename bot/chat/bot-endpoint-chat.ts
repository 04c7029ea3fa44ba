/**
 * The terminal chat as a 1:1 chat with the bot `npm start` runs (`groupbot chat --as ana@contoso.com` while the stack
 * is up on the same DATA_DIR): what the user types is posted to that bot's local endpoint (read from
 * `<DATA_DIR>/local-runtime.json`, with its secret), so the turn uses that process's store (requests, approvals,
 * journal, digests), which one process alone may open. The bot answers through this chat's own connector, a small
 * HTTP server on 127.0.0.1 under TERMINAL_CONNECTOR_PATH, which shows each message and card update as it arrives.
 * Talks only to loopback.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actionPayload, renderCardText, type RenderedAction, type RenderedInput } from '../../cards';
import { TERMINAL_CONNECTOR_PATH } from '../teams/activity-guard';
import type { ShownMessage, TerminalUser } from './terminal-session';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MAX_BODY = 4 * 1024 * 1024;

/** The running bot refused or could not be reached. The message says what happened. */
export class BotEndpointChatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotEndpointChatError';
  }
}

interface Posted {
  id?: string;
  type?: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

function readJson(req: IncomingMessage): Promise<Posted> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('activity too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Posted);
      } catch (err) {
        reject(err as Error);
      }
    });
    req.on('error', reject);
  });
}

export class BotEndpointChat {
  private latest: { messageId: string; actions: RenderedAction[]; inputs: RenderedInput[] } | undefined;
  /** Messages that arrived during the current say/click (shown by its caller); outside one they go to onShow. */
  private collecting: ShownMessage[] | undefined;

  private constructor(
    private readonly endpoint: string,
    private readonly user: TerminalUser,
    private readonly server: Server,
    private readonly serviceUrl: string,
    private readonly onShow: (shown: ShownMessage[]) => void,
  ) {}

  /** The conversation id of this user's terminal 1:1 chat (stable, so the bot keeps one 1:1 chat per user). */
  get conversationId(): string {
    return `terminal-${this.user.id}`;
  }

  /**
   * Starts this chat's connector on 127.0.0.1 and returns the chat with the bot at `endpoint` (the local
   * `/api/messages/<secret>` URL). `onShow` gets what the bot sends outside a turn (notices, card updates).
   * @throws BotEndpointChatError when the connector cannot listen.
   */
  static async open(
    endpoint: string,
    user: TerminalUser,
    onShow: (shown: ShownMessage[]) => void,
  ): Promise<BotEndpointChat> {
    const path = `${TERMINAL_CONNECTOR_PATH}${randomBytes(12).toString('base64url')}`;
    // The server exists before the chat it serves; requests only arrive once the chat is returned.
    const holder: { chat?: BotEndpointChat } = {};
    const server = createServer((req, res) => {
      void holder.chat?.onConnector(path, req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) =>
        reject(new BotEndpointChatError(`The chat's connector could not listen: ${err.message}`)),
      );
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const chat = new BotEndpointChat(endpoint, user, server, `http://127.0.0.1:${port}${path}`, onShow);
    holder.chat = chat;
    return chat;
  }

  /** The bot's calls to this chat's connector: send, reply and update. Everything else is 404. Never throws. */
  private async onConnector(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rest = url.pathname.startsWith(`${path}/`) ? url.pathname.slice(path.length) : '';
    const m = /^\/v3\/conversations\/[^/]+\/activities(?:\/([^/]+))?$/.exec(rest);
    const answer = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!m || (req.method !== 'POST' && req.method !== 'PUT')) {
      answer(404, {
        error: { code: 'NotFound', message: `The terminal chat has no ${req.method} ${rest || url.pathname}.` },
      });
      return;
    }
    try {
      const activity = await readJson(req);
      const updated = req.method === 'PUT';
      const id = updated ? decodeURIComponent(m[1] ?? '') : randomUUID();
      const shown = this.show({ ...activity, id }, updated);
      if (this.collecting) this.collecting.push(...shown);
      else if (shown.length) this.onShow(shown);
      answer(200, { id });
    } catch (err) {
      answer(400, { error: { code: 'BadRequest', message: (err as Error).message } });
    }
  }

  private show(a: Posted, updated: boolean): ShownMessage[] {
    const card = a.attachments?.find((x) => x.contentType === CARD)?.content;
    if (card) {
      const r = renderCardText(card);
      if (r.actions.length) this.latest = { messageId: a.id ?? '', actions: r.actions, inputs: r.inputs };
      return [{ id: a.id ?? '', text: r.text, actions: r.actions, inputs: r.inputs, updated }];
    }
    if (a.type && a.type !== 'message') return [];
    return a.text ? [{ id: a.id ?? '', text: a.text, actions: [], inputs: [], updated }] : [];
  }

  private base(): Record<string, unknown> {
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.serviceUrl,
      from: { id: `terminal-${this.user.id}`, name: this.user.displayName, aadObjectId: this.user.id },
      recipient: { id: 'groupbot', name: 'groupbot' },
      conversation: { id: this.conversationId, conversationType: 'personal', isGroup: false },
    };
  }

  /** Posts one activity to the bot and resolves to its HTTP answer's body (the invoke response for an invoke). */
  private async post(activity: Record<string, unknown>): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
    } catch (err) {
      throw new BotEndpointChatError(
        `The bot of \`npm start\` does not answer (${(err as Error).message}). Is \`npm start\` still running?`,
      );
    }
    const text = await res.text();
    if (!res.ok && res.status !== 501)
      throw new BotEndpointChatError(`The bot of \`npm start\` answered ${res.status}: ${text.slice(0, 200)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** Runs one turn, collecting what the bot sent during it. */
  private async turn(activity: Record<string, unknown>): Promise<{ shown: ShownMessage[]; body: unknown }> {
    const shown: ShownMessage[] = [];
    this.collecting = shown;
    try {
      const body = await this.post(activity);
      return { shown, body };
    } finally {
      this.collecting = undefined;
    }
  }

  /**
   * Says `text` to the bot in this user's 1:1 chat; resolves to what the bot answered in that turn.
   * @throws BotEndpointChatError when the bot refuses or cannot be reached.
   */
  async say(text: string): Promise<ShownMessage[]> {
    return (await this.turn({ ...this.base(), type: 'message', text, textFormat: 'plain' })).shown;
  }

  /** The buttons and inputs of the latest card the bot showed here. */
  currentActions(): { actions: RenderedAction[]; inputs: RenderedInput[] } | undefined {
    return this.latest;
  }

  /**
   * Presses button `n` of the latest card, with input values; inputs not given keep the card's prefilled value.
   * Resolves to what the bot showed (the card that replaced the clicked one first).
   * @throws BotEndpointChatError when there is no such button, or the bot refuses or cannot be reached.
   */
  async click(n: number, inputs: Record<string, string> = {}): Promise<ShownMessage[]> {
    const last = this.latest;
    const action = last?.actions.find((a) => a.number === n);
    if (!last || !action) throw new BotEndpointChatError(`There is no button ${n} on the latest card.`);
    const prefilled: Record<string, string> = {};
    for (const input of last.inputs) if (input.value !== undefined) prefilled[input.id] = input.value;
    const data = actionPayload(action, { ...prefilled, ...inputs });
    if (action.type !== 'Action.Execute') {
      const msteams = (data as { msteams?: { type?: string; value?: string } }).msteams;
      if (msteams?.type === 'imBack' && typeof msteams.value === 'string') return this.say(msteams.value);
      return (await this.turn({ ...this.base(), type: 'message', replyToId: last.messageId, value: data })).shown;
    }
    const { shown, body } = await this.turn({
      ...this.base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: last.messageId,
      value: { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data } },
    });
    const answer = (body ?? {}) as { type?: string; value?: unknown };
    const replaced =
      answer.type === CARD && answer.value
        ? this.show({ id: last.messageId, attachments: [{ contentType: CARD, content: answer.value }] }, true)
        : typeof answer.value === 'string'
          ? [{ id: last.messageId, text: answer.value, actions: [], inputs: [], updated: true }]
          : [];
    return [...replaced, ...shown];
  }

  /** Stops this chat's connector. Never throws. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
