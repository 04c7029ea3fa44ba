/**
 * A TurnDriver for a bot that takes unsigned activities (local mode, the echo bot, the in-memory runtime) and
 * replies to a tiny connector on 127.0.0.1 (test/bot/teams/reply-connector.ts) named as the serviceUrl.
 */
import { DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { activityText, type CapturedActivity, type ReplyConnector } from '../../test/bot/teams/reply-connector';
import type { TurnDriver } from './turn-driver';
import { withTimeout } from './turn-stats';

/** The tenant of every benchmark activity (the in-memory bot keeps this tenant's group names cached). */
export const BENCH_TENANT = 'bench';

export interface ConnectorVariant {
  name: string;
  /** `http://127.0.0.1:P/api/messages` */
  endpoint: string;
  /** What the first reply's text must match. */
  expect: RegExp;
  target?: number;
}

/** One bot under test, with its own conversation id on the shared connector. */
export class ConnectorDriver implements TurnDriver {
  readonly times: number[] = [];
  readonly name: string;
  readonly target: number | undefined;
  private pending: ((c: CapturedActivity) => void) | undefined;
  private n = 0;
  private readonly conversationId: string;

  constructor(
    private readonly connector: ReplyConnector,
    private readonly variant: ConnectorVariant,
    private readonly utterance: string,
    index: number,
  ) {
    this.name = variant.name;
    this.target = variant.target;
    this.conversationId = `bench-${index}`;
  }

  /** To be called by the connector for every captured activity (the ones for other conversations are ignored). */
  onCapture(c: CapturedActivity): void {
    if (c.conversationId === this.conversationId && this.pending) this.pending(c);
  }

  /** See TurnDriver.turn. */
  async turn(record: boolean): Promise<void> {
    const i = this.n++;
    const activity = {
      type: 'message',
      id: `m-${i}`,
      channelId: 'msteams',
      serviceUrl: this.connector.serviceUrl,
      text: this.utterance,
      textFormat: 'plain',
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: BENCH_TENANT },
      from: { id: '29:bench-user', name: DEMO_USERS.megan.displayName, aadObjectId: DEMO_USERS.megan.id },
      recipient: { id: '28:bench-bot', name: 'bot' },
      timestamp: new Date().toISOString(),
      locale: 'en-US',
    };
    const t0 = process.hrtime.bigint();
    const reply = new Promise<CapturedActivity>((resolve) => {
      this.pending = resolve;
    });
    const res = await fetch(this.variant.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const answer = Buffer.from(await res.arrayBuffer()).toString('utf8');
    if (res.status !== 200)
      throw new Error(`${this.name}: POST /api/messages answered ${res.status}: ${answer.slice(0, 200)}`);
    const captured = await withTimeout(reply, 15_000, `${this.name}: no reply within 15 s`);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    this.pending = undefined;
    if (i === 0 && !this.variant.expect.test(activityText(captured.activity))) {
      throw new Error(`${this.name}: unexpected reply: ${activityText(captured.activity).slice(0, 200)}`);
    }
    if (record) this.times.push(ms);
  }
}
