import {
  BotAdapter,
  TurnContext,
  ActivityTypes,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';

/** What one turn produced: new messages, updates to earlier messages, and the invoke response if any. */
export interface TurnOutput {
  sent: Partial<Activity>[];
  updated: Partial<Activity>[];
  invokeResponse?: { status: number; body?: unknown };
}

/**
 * A Bot Framework adapter that runs turns in this process: the terminal chat uses it to talk to the very
 * same Application as Teams does, without HTTP. Outgoing activities are collected per turn (and passed to
 * `onProactive` for messages sent outside a turn, such as progress updates or notifications).
 */
export class InProcessAdapter extends BotAdapter {
  private current: TurnOutput | undefined;

  constructor(private readonly onProactive: (out: TurnOutput) => void = () => undefined) {
    super();
  }

  /** Runs one incoming activity through `logic`; resolves to everything the bot answered. */
  async runTurn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<TurnOutput> {
    const out: TurnOutput = { sent: [], updated: [] };
    this.current = out;
    try {
      const full = { id: randomUUID(), timestamp: new Date(), ...activity } as Activity;
      await this.runMiddleware(new TurnContext(this, full), logic);
    } finally {
      this.current = undefined;
    }
    return out;
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const target = this.current ?? { sent: [], updated: [] };
    const responses: ResourceResponse[] = [];
    for (const a of activities) {
      if (a.type === ActivityTypes.InvokeResponse) {
        target.invokeResponse = (a.value as TurnOutput['invokeResponse']) ?? { status: 200 };
        responses.push({ id: '' });
        continue;
      }
      if (a.type === 'delay' || a.type === ActivityTypes.Typing) {
        responses.push({ id: '' });
        continue;
      }
      const id = a.id ?? randomUUID();
      target.sent.push({ ...a, id });
      responses.push({ id });
    }
    if (!this.current) this.onProactive(target);
    return responses;
  }

  async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const target = this.current ?? { sent: [], updated: [] };
    target.updated.push(activity);
    if (!this.current) this.onProactive(target);
    return { id: activity.id ?? '' };
  }

  async deleteActivity(): Promise<void> {
    // Nothing is persisted by this adapter; deleting a message is a no-op here.
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
  }
}
