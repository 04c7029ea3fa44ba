/**
 * The terminal chat as a member of the running Agents Playground's group chat (`groupbot chat --as ana@contoso.com
 * --group` while `npm start` runs): what the user types reaches the very bot the browser talks to (same runtime,
 * same store), as that demo user; every bot message in the group chat is shown, and a number presses a button of the
 * latest card as that user. Talks only to the Playground's own loopback HTTP and WebSocket API.
 */
import { WebSocket } from 'undici';
import { actionPayload, renderCardText, type RenderedAction, type RenderedInput } from '../../cards';
import type { ShownMessage } from './terminal-session';
import { isUnreachable, playgroundStoppedText, StackStoppedError } from './stack-stopped';

/** A Playground person (the Playground's spelling of userPrincipleName). */
interface PlaygroundPerson {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipleName: string;
}

interface PlaygroundSetup {
  bot: { id: string; name: string };
  currentUser: PlaygroundPerson;
  users: PlaygroundPerson[];
  groupChats: { id: string }[];
}

/** The Playground cannot be used as asked (not running, unknown user). The message says what to do. */
export class PlaygroundChatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaygroundChatError';
  }
}

interface PushedMessage {
  messageId: string;
  from?: { id?: string };
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

export class PlaygroundChat {
  private latest: { messageId: string; actions: RenderedAction[]; inputs: RenderedInput[] } | undefined;
  private ws: WebSocket | undefined;
  private readonly shownText = new Map<string, string>();
  private closing = false;
  /** Called once when the Playground closes the stream (the stack stopped), with the sentence to show. */
  onStopped: ((message: string) => void) | undefined;

  private constructor(
    private readonly baseUrl: string,
    private readonly setup: PlaygroundSetup,
    /** The person this terminal acts as. */
    readonly person: PlaygroundPerson,
    private readonly onShow: (shown: ShownMessage[]) => void,
  ) {}

  /** The group chat's id. */
  get conversationId(): string {
    return (this.setup.groupChats[0] as { id: string }).id;
  }

  /**
   * Joins the group chat of the Playground at `baseUrl` as `upn` (one of its configured people), and starts showing
   * the bot's messages there. Throws PlaygroundChatError when the Playground does not answer or `upn` is not one
   * of its people.
   */
  static async join(baseUrl: string, upn: string, onShow: (shown: ShownMessage[]) => void): Promise<PlaygroundChat> {
    let setup: PlaygroundSetup;
    try {
      const res = await fetch(`${baseUrl}/_internal/v1/testConfig`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setup = ((await res.json()) as { config: PlaygroundSetup }).config;
    } catch (err) {
      throw new PlaygroundChatError(
        `The Agents Playground at ${baseUrl} does not answer (${(err as Error).message}). Is \`npm start\` still running?`,
      );
    }
    const people = [setup.currentUser, ...setup.users];
    const person = people.find((p) => p.userPrincipleName.toLowerCase() === upn.toLowerCase());
    if (!person) {
      throw new PlaygroundChatError(
        `${upn} is not in the Playground's group chat; its people are ${people.map((p) => p.userPrincipleName).join(', ')}.`,
      );
    }
    if (!setup.groupChats[0]) throw new PlaygroundChatError('The Playground has no group chat.');
    const chat = new PlaygroundChat(baseUrl, setup, person, onShow);
    await chat.listen();
    return chat;
  }

  private async listen(): Promise<void> {
    const opened = Date.now();
    const ws = new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`);
    this.ws = ws;
    ws.addEventListener('message', (event) => {
      let push: { action?: string; actionConversationId?: string; message?: PushedMessage & { timestamp?: unknown } };
      try {
        push = JSON.parse(String(event.data)) as typeof push;
      } catch (err) {
        process.stderr.write(`(ignored a Playground push that is not JSON: ${(err as Error).message})\n`);
        return;
      }
      const m = push.message;
      if (!m || push.actionConversationId !== this.conversationId || m.from?.id !== this.setup.bot.id) return;
      // The Playground flushes what it buffered for an earlier client on connect: skip messages from before now.
      if (push.action === 'createMessage' && Number(m.timestamp) < opened - 1000) return;
      if (push.action === 'createMessage' || push.action === 'updateMessage')
        this.onShow(this.show(m, push.action === 'updateMessage'));
    });
    ws.addEventListener('close', () => {
      if (!this.closing) this.onStopped?.(this.stoppedText());
    });
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(), { once: true });
      ws.addEventListener('error', () => reject(new PlaygroundChatError('The Playground refused the chat stream.')), {
        once: true,
      });
    });
  }

  private show(m: PushedMessage, updated: boolean): ShownMessage[] {
    const card = m.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    const r = card ? renderCardText(card) : { text: m.text ?? '', actions: [], inputs: [] };
    const text = r.text.replace(/<at>(.*?)<\/at>/g, '@$1');
    // A click's answer and the update of the same copy for everyone show the same card: show it once.
    if (!text || (updated && this.shownText.get(m.messageId) === text)) return [];
    this.shownText.set(m.messageId, text);
    if (r.actions.length) this.latest = { messageId: m.messageId, actions: r.actions, inputs: r.inputs };
    return [{ id: m.messageId, text, actions: r.actions, inputs: r.inputs, updated }];
  }

  private stoppedText(): string {
    return playgroundStoppedText(this.baseUrl, this.person.userPrincipleName);
  }

  /** fetch on the Playground; a Playground that no longer answers at all is a StackStoppedError. */
  private async request(path: string, init?: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, init);
    } catch (err) {
      if (isUnreachable(err)) throw new StackStoppedError(this.stoppedText());
      throw err;
    }
  }

  private async post(path: string, body: unknown): Promise<string> {
    const res = await this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new PlaygroundChatError(`The Playground answered ${res.status} to ${path}: ${text.slice(0, 200)}`);
    return text;
  }

  /**
   * Says `text` in the group chat as this person: it appears in the chat, and the bot receives it from this person
   * (a Playground custom activity, as its own text box always sends as the current user). Bot answers arrive
   * through the stream. Throws PlaygroundChatError when the Playground refuses, StackStoppedError when it no longer
   * answers (`npm start` stopped).
   */
  async say(text: string): Promise<void> {
    const from = { id: this.person.id, name: this.person.name, aadObjectId: this.person.aadObjectId };
    // Shown in the chat for the others (not addressed to the bot, so the Playground does not forward it).
    await this.post(`/_conversation/v1/conversations/${encodeURIComponent(this.conversationId)}/messages`, {
      from: { id: this.person.id },
      text,
      textFormat: 'plain',
    }).catch((err: Error) => {
      if (err instanceof StackStoppedError) throw err;
      process.stderr.write(`(your line is not shown in the browser: ${err.message})\n`);
    });
    const template = await this.request(
      `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(this.conversationId)}`,
    );
    if (!template.ok)
      throw new PlaygroundChatError(`The Playground answered ${template.status} for an activity template.`);
    const activity = {
      ...((await template.json()) as Record<string, unknown>),
      type: 'message',
      text,
      textFormat: 'plain',
      from,
    };
    await this.post('/_internal/v1/customActivities', activity);
  }

  /** The buttons and inputs of the latest card the bot showed here. */
  currentActions(): { actions: RenderedAction[]; inputs: RenderedInput[] } | undefined {
    return this.latest;
  }

  /**
   * Presses button `n` of the latest card as this person (Action.Execute: the Playground's invoke), with input
   * values; inputs not given keep the card's prefilled value. Resolves to the card that replaced the clicked one
   * for this person. Throws PlaygroundChatError when there is no such button or the Playground refuses.
   */
  async click(n: number, inputs: Record<string, string> = {}): Promise<ShownMessage[]> {
    const last = this.latest;
    const action = last?.actions.find((a) => a.number === n);
    if (!last || !action) throw new PlaygroundChatError(`There is no button ${n} on the latest card.`);
    const prefilled: Record<string, string> = {};
    for (const input of last.inputs) if (input.value !== undefined) prefilled[input.id] = input.value;
    const data = actionPayload(action, { ...prefilled, ...inputs });
    if (action.type !== 'Action.Execute') {
      await this.post('/_conversation/v1/submit', {
        conversation: { id: this.conversationId },
        from: { id: this.person.id },
        replyToId: last.messageId,
        value: data,
      });
      return [];
    }
    const body = await this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data } },
      from: { id: this.person.id },
      conversation: { id: this.conversationId },
      replyToId: last.messageId,
    });
    const answer = (body ? JSON.parse(body) : {}) as { type?: string; value?: unknown };
    if (answer.type === 'application/vnd.microsoft.card.adaptive' && answer.value) {
      return this.show(
        {
          messageId: last.messageId,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.value }],
        },
        true,
      );
    }
    return typeof answer.value === 'string'
      ? [{ id: `${last.messageId}:answer`, text: answer.value, actions: [], inputs: [], updated: false }]
      : [];
  }

  /** Leaves the chat (closes the stream). Never throws. */
  close(): void {
    this.closing = true;
    this.ws?.close();
  }
}
