/**
 * The terminal as a Teams client of `groupbot cloud`: what the user types goes to the bot as a Teams message
 * from the chosen demo user through the local cloud, and everything the bot sends to that chat through the Bot
 * Connector is shown as text (cards rendered by the same renderer as `groupbot chat`), with the sign-ins the Teams
 * client performed (SSO token exchange, or sign-in page + magic code). A number presses a button of the latest card.
 */
import { actionPayload, renderCardText, type RenderedAction, type RenderedInput } from '../../cards';
import type { BotSent, TeamsClient } from '../../local-cloud';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';

interface Attachment {
  contentType?: string;
  content?: unknown;
}

/** Lines for one thing the bot sent, and the card's buttons when it has any. Pure. */
export function renderSent(sent: BotSent): { lines: string[]; actions: RenderedAction[]; inputs: RenderedInput[] } {
  if (sent.kind === 'delete') return { lines: ['(a message was deleted)'], actions: [], inputs: [] };
  const activity = sent.activity ?? {};
  const lines: string[] = [];
  let actions: RenderedAction[] = [];
  let inputs: RenderedInput[] = [];
  if (sent.kind === 'update') lines.push('(card updated)');
  if (typeof activity.text === 'string' && activity.text.trim()) lines.push(mentionsAsText(activity.text));
  for (const a of (Array.isArray(activity.attachments) ? activity.attachments : []) as Attachment[]) {
    if (a.contentType === ADAPTIVE_CARD) {
      const r = renderCardText(a.content);
      lines.push(mentionsAsText(r.text));
      if (r.actions.length) ({ actions, inputs } = r);
    } else if (a.contentType === OAUTH_CARD) {
      const card = (a.content ?? {}) as {
        text?: string;
        buttons?: { title?: string; type?: string; value?: string }[];
      };
      const link = card.buttons?.find((b) => b.type === 'signin')?.value;
      lines.push(`[sign-in card] ${card.text ?? 'Sign in'}${link ? `\n  sign-in link: ${link}` : ''}`);
    } else {
      lines.push(`[${a.contentType ?? 'attachment'}]`);
    }
  }
  return { lines: lines.length ? lines : ['(an empty message)'], actions, inputs };
}

function mentionsAsText(text: string): string {
  return text.replace(/<at>(.*?)<\/at>/g, '@$1');
}

/** How each sign-in step of the Teams client is told in the terminal. */
const SIGN_IN_WORDS: Record<string, string> = {
  sso: 'Teams exchanged your SSO token (signin/tokenExchange)',
  'magic-code': 'you signed in on the sign-in page; Teams sent the magic code (signin/verifyState)',
  'action-sso': 'Teams resent the card action with your SSO token',
  'action-magic-code': 'you signed in on the sign-in page; Teams resent the card action with the magic code',
  'sso-failure': "Teams could not use SSO (the card's resource is not the app's App ID URI) and sent signin/failure",
};

/** A chat between one demo user and the bot, in the user's 1:1 chat, through the local cloud's Teams client. */
export class CloudChat {
  private latest: { messageId: string; actions: RenderedAction[]; inputs: RenderedInput[] } | undefined;
  private seenSeq = 0;
  private seenSignIns: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly teams: TeamsClient,
    private readonly user: string,
    readonly conversationId: string,
    private readonly show: (lines: string[]) => void,
  ) {
    this.seenSeq = teams.sent().reduce((max, s) => Math.max(max, s.seq), 0);
    this.seenSignIns = teams.signIns().length;
  }

  /** Starts showing what the bot sends to the chat (polled every 100 ms). */
  start(): void {
    this.timer = setInterval(() => this.flush(), 100);
  }

  /** Stops showing. Never throws. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.flush();
  }

  /**
   * Resolves once the bot has answered and then been quiet for `quietMs`: waits up to `firstMs` for anything new,
   * and at most `maxMs` in all. Never rejects.
   */
  async settled(quietMs: number, firstMs: number, maxMs: number): Promise<void> {
    const start = Date.now();
    const before = this.seenSeq;
    let lastSeen = this.seenSeq;
    let quietSince = Date.now();
    for (;;) {
      const now = Date.now();
      if (now - start >= maxMs) return;
      if (this.seenSeq === before && now - start >= firstMs) return;
      if (this.seenSeq !== before && now - quietSince >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
      this.flush();
      if (this.seenSeq !== lastSeen) {
        lastSeen = this.seenSeq;
        quietSince = Date.now();
      }
    }
  }

  private flush(): void {
    for (const s of this.teams.sent(this.conversationId)) {
      if (s.seq <= this.seenSeq) continue;
      this.seenSeq = s.seq;
      const r = renderSent(s);
      if (r.actions.length) this.latest = { messageId: s.activityId, actions: r.actions, inputs: r.inputs };
      this.show(r.lines);
    }
    const events = this.teams.signIns();
    for (const e of events.slice(this.seenSignIns)) {
      const how = SIGN_IN_WORDS[e.kind] ?? `Teams performed a sign-in step (${e.kind})`;
      this.show([`(sign-in: ${how} → HTTP ${e.status})`]);
    }
    this.seenSignIns = events.length;
  }

  /** Sends a message. Throws when the bot cannot be reached or refuses it. */
  async say(text: string): Promise<void> {
    const { status } = await this.teams.sendMessage(this.user, this.conversationId, text);
    if (status >= 300) throw new Error(`the bot answered HTTP ${status}`);
  }

  /** The buttons and inputs of the latest card. */
  currentActions(): { actions: RenderedAction[]; inputs: RenderedInput[] } | undefined {
    return this.latest;
  }

  /**
   * Presses button `n` of the latest card with input values (inputs not given keep the card's prefilled value), as
   * Teams sends it: Action.Execute as an `adaptiveCard/action` invoke (signing in first when the bot asks), others
   * as a message. Throws when there is no such button or the bot cannot be reached.
   */
  async click(n: number, inputs: Record<string, string> = {}): Promise<void> {
    const last = this.latest;
    const action = last?.actions.find((a) => a.number === n);
    if (!last || !action) throw new Error(`There is no button ${n} on the latest card.`);
    const prefilled: Record<string, string> = {};
    for (const input of last.inputs) if (input.value !== undefined) prefilled[input.id] = input.value;
    const data = actionPayload(action, { ...prefilled, ...inputs });
    if (action.type === 'Action.Execute') {
      const r = await this.teams.executeAction(this.user, this.conversationId, last.messageId, {
        verb: action.verb ?? '',
        data,
      });
      this.flush();
      const body = r.body as { type?: string; value?: unknown } | undefined;
      if (body?.type === ADAPTIVE_CARD) {
        const shown = renderSent({
          kind: 'update',
          conversationId: this.conversationId,
          activityId: last.messageId,
          seq: 0,
          activity: { attachments: [{ contentType: ADAPTIVE_CARD, content: body.value }] },
        });
        if (shown.actions.length) this.latest = { messageId: last.messageId, ...shown };
        this.show(shown.lines);
      } else if (typeof body?.value === 'string') {
        this.show([body.value]);
      } else if (r.status !== 200) {
        this.show([`(the bot answered the click with HTTP ${r.status})`]);
      }
      return;
    }
    const msteams = (data as { msteams?: { type?: string; value?: string } }).msteams;
    if (msteams?.type === 'imBack' && typeof msteams.value === 'string') return this.say(msteams.value);
    await this.teams.sendMessage(this.user, this.conversationId, '', { value: data });
  }
}
