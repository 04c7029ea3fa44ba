import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { renderCardText, actionPayload, type RenderedAction, type RenderedInput } from '../../cards';
import { InProcessAdapter, type TurnOutput } from './in-process-adapter';
import { createBotApp } from '../teams/bot-app';
import type { UserTokenSource } from '../teams/user-tokens';
import type { GraphEndpoint } from '../directory/graph-client';
import type { Logger } from '../log';
import { MemoryPendingStore } from '../commands/pending-memory';
import { loadConfig } from '../config';
import type { Store } from '../store';
import { createBotServices, type BotServiceSettings } from '../teams/bot-services';
import type { BackgroundParts } from '../teams/background-wiring';

export interface TerminalUser {
  id: string;
  upn: string;
  displayName: string;
}

/** One rendered bot message: its text (card rendered as text) and the numbered actions it offers. */
export interface ShownMessage {
  id: string;
  text: string;
  actions: RenderedAction[];
  inputs: RenderedInput[];
  updated: boolean;
}

/**
 * A chat with the same Application the Teams endpoint runs, in this process: the user's lines become message
 * activities, a number picks a card button (Action.Execute invoke or Action.Submit message) of the latest card.
 * No Teams types leak out: callers get plain text and numbered actions.
 */
export class TerminalSession {
  private readonly adapter: InProcessAdapter;
  /**
   * The session's one background part (with `store` and `tokenForUser`): another owner's or an administrator's
   * token when the one preferred is gone, failure counts, notices shown here. Shared by the requests layer, the
   * digest and the caller's history poller, as bot/runtime.ts shares its own.
   */
  readonly background: BackgroundParts | undefined;
  private readonly app: Application<TurnState>;
  private lastActions: { messageId: string; actions: RenderedAction[]; inputs: RenderedInput[] } | undefined;

  /**
   * The session has what `npm start` has: access requests and approvals, their lists, the journal (history and
   * Undo), digests and exports, kept in `store` (the data directory's, or PGlite in memory when that cannot open).
   */
  constructor(
    private readonly user: TerminalUser,
    graph: GraphEndpoint,
    tokens: UserTokenSource,
    log: Logger,
    onProactive: (shown: ShownMessage[]) => void,
    opts: {
      store: Store;
      tokenForUser?: (userId: string) => Promise<string | undefined>;
      /** The settings from bot/config.ts (default: those of an unset environment). */
      settings?: BotServiceSettings;
    },
  ) {
    this.adapter = new InProcessAdapter((out) => onProactive(this.show(out)));
    const settings = opts.settings ?? loadConfig({});
    const services = createBotServices({
      store: opts.store,
      graph,
      log,
      // The terminal sweeps nothing on its own: requests are swept by the bot of `npm start` when one runs.
      settings: { ...settings, requests: { ...settings.requests, sweepSeconds: 0 } },
      adapter: {
        continueConversationAsync: (_appId, ref, logic) => this.adapter.continueConversation(ref, logic),
      },
      botAppId: '',
      tokenForUser: opts.tokenForUser,
      pending: new MemoryPendingStore(),
    });
    this.background = services.background;
    this.app = createBotApp({
      ...services.ports,
      ...services.hooks,
      storage: new MemoryStorage(),
      tokens,
    });
  }

  private base(): Partial<Activity> {
    return {
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1/terminal',
      from: { id: `terminal:${this.user.id}`, name: this.user.displayName, aadObjectId: this.user.id },
      recipient: { id: 'groupbot', name: 'groupbot' },
      conversation: { id: `terminal:${this.user.id}`, conversationType: 'personal', isGroup: false, name: 'terminal' },
    };
  }

  /** Sends a typed line; resolves to what the bot showed. */
  async say(text: string): Promise<ShownMessage[]> {
    return this.show(
      await this.adapter.runTurn({ ...this.base(), type: ActivityTypes.Message, text }, (ctx) =>
        this.app.run(ctx).then(() => undefined),
      ),
    );
  }

  /** The actions of the latest card, numbered as shown, and its inputs. */
  currentActions(): { actions: RenderedAction[]; inputs: RenderedInput[] } | undefined {
    return this.lastActions;
  }

  /**
   * Clicks button `n` of the latest card, with input values; inputs not given keep the card's prefilled value,
   * as a Teams client sends them. Resolves to what the bot showed. Throws when the card has no button `n`.
   */
  async click(n: number, inputs: Record<string, string> = {}): Promise<ShownMessage[]> {
    const last = this.lastActions;
    const action = last?.actions.find((a) => a.number === n);
    if (!last || !action) throw new Error(`There is no button ${n} on the latest card.`);
    const prefilled: Record<string, string> = {};
    for (const input of last.inputs) if (input.value !== undefined) prefilled[input.id] = input.value;
    const data = actionPayload(action, { ...prefilled, ...inputs });
    if (action.type === 'Action.Execute') {
      const out = await this.adapter.runTurn(
        {
          ...this.base(),
          type: ActivityTypes.Invoke,
          name: 'adaptiveCard/action',
          replyToId: last.messageId,
          value: { action: { type: 'Action.Execute', verb: action.verb, data } },
        },
        (ctx) => this.app.run(ctx).then(() => undefined),
      );
      const body = out.invokeResponse?.body as { type?: string; value?: unknown } | undefined;
      if (body?.type === 'application/vnd.microsoft.card.adaptive' && body.value) {
        out.updated.unshift({
          id: last.messageId,
          type: 'message',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }],
        });
      } else if (body?.type === 'application/vnd.microsoft.activity.message' && typeof body.value === 'string') {
        // A message response leaves the card as it is: show it as a note, not as the card's new content.
        out.sent.unshift({ id: `${last.messageId}:answer`, type: 'message', text: body.value });
      }
      return this.show(out);
    }
    const msteams = (data as { msteams?: { type?: string; value?: string } }).msteams;
    if (msteams?.type === 'imBack' && typeof msteams.value === 'string') return this.say(msteams.value);
    return this.show(
      await this.adapter.runTurn(
        { ...this.base(), type: ActivityTypes.Message, replyToId: last.messageId, value: data },
        (ctx) => this.app.run(ctx).then(() => undefined),
      ),
    );
  }

  private show(out: TurnOutput): ShownMessage[] {
    const shown: ShownMessage[] = [];
    const add = (a: Partial<Activity>, updated: boolean) => {
      const card = a.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
      if (card) {
        const r = renderCardText(card);
        shown.push({ id: a.id ?? '', text: r.text, actions: r.actions, inputs: r.inputs, updated });
        if (r.actions.length) this.lastActions = { messageId: a.id ?? '', actions: r.actions, inputs: r.inputs };
      } else if (a.text) {
        shown.push({ id: a.id ?? '', text: a.text, actions: [], inputs: [], updated });
      }
    };
    for (const a of out.updated) add(a, true);
    for (const a of out.sent) add(a, false);
    return shown;
  }
}
