/**
 * Two bot instances on one PostgreSQL: each has its own store connection pool and its own RequestCoordinator (as
 * two processes would), over the same schema and the same Graph emulator. A request filed through one is
 * approved through the other; simultaneous approvals through both add the member once and agree on one decision;
 * an approval whose instance died after the decision is completed by the other instance's sweeper.
 */
import { strict as assert } from 'node:assert';
import type { TurnContext, Activity } from 'botbuilder';
import { openStore, type Store } from '../../../bot/store';
import { createLogger } from '../../../bot/log';
import { RequestCoordinator } from '../../../bot/teams/request-coordinator';
import { submit, decide } from './request-clicks';
import type { RequestPoster, PostedMessage } from '../../../bot/teams/request-messenger';
import { sweepRequests } from '../../../bot/teams/request-sweeper';
import type { CommandContext } from '../../../bot/commands/context';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startHarness, type Harness } from '../commands/command-harness';
import { dropSchemas, testDatabaseUrl, uniqueSchemaName } from '../../support/postgres';

const FINANCE = DEMO_GROUPS.financeReaders;
const quiet = createLogger('error', () => undefined);

class Poster implements RequestPoster {
  posts: { conversationId: string; text: string }[] = [];
  updates: { activityId: string; text: string }[] = [];
  private n = 0;
  constructor(private readonly name: string) {}
  async post(conversationId: string, activity: Partial<Activity>): Promise<PostedMessage> {
    this.posts.push({ conversationId, text: JSON.stringify(activity) });
    return { conversationId, activityId: `${this.name}-${++this.n}` };
  }
  async updateCard(_c: string, activityId: string, card: unknown): Promise<boolean> {
    this.updates.push({ activityId, text: JSON.stringify(card) });
    return true;
  }
  async personalConversationOf(): Promise<string | undefined> {
    return undefined;
  }
}

function turn(replyToId: string): TurnContext {
  return { activity: { conversation: { id: 'chat' }, replyToId } } as unknown as TurnContext;
}

describe('bot/teams requests on two instances (one PostgreSQL)', function () {
  this.timeout(60000);
  let harness: Harness;
  let databaseUrl: string;
  const schemas: string[] = [];
  let stores: Store[] = [];
  let posters: Poster[] = [];
  let bots: RequestCoordinator[] = [];
  let now: Date;
  const ctx: Record<string, CommandContext> = {};

  before(async function () {
    this.timeout(600000);
    databaseUrl = await testDatabaseUrl();
    harness = await startHarness();
    for (const who of ['ana', 'olga', 'megan'] as const) ctx[who] = await harness.ctx(DEMO_USERS[who].upn);
  });
  after(async () => {
    await harness?.stop();
    await dropSchemas(databaseUrl, schemas);
  });
  beforeEach(async () => {
    const schema = uniqueSchemaName('requests');
    schemas.push(schema);
    stores = [await openStore({ databaseUrl, schema }), await openStore({ databaseUrl, schema })];
    posters = [new Poster('a'), new Poster('b')];
    now = new Date('2026-11-26T10:00:00Z');
    bots = stores.map(
      (store, i) =>
        new RequestCoordinator({
          store,
          messenger: posters[i] as Poster,
          graph: { baseUrl: harness.emulator.baseUrl, caPem: harness.emulator.caPem },
          log: quiet,
          settings: {
            sweepSeconds: 0,
            remindHours: 48,
            expiryDays: 14,
            leaseSeconds: 120,
            membershipNoticeDays: 3,
            timeZone: 'UTC',
          },
          clock: () => now,
          tokenForUser: async (userId) => {
            const user = Object.values(DEMO_USERS).find((u) => u.id === userId);
            return user ? harness.emulator.issueToken(user.upn) : undefined;
          },
        }),
    );
  });
  afterEach(async () => {
    for (const s of stores) await s.close();
    const members = await (ctx.megan as CommandContext).graph.get<{ value: { id: string }[] }>(
      `/groups/${FINANCE.id}/members?$select=id`,
    );
    if (members.value.some((m) => m.id === DEMO_USERS.ana.id)) {
      await (ctx.megan as CommandContext).graph.delete(`/groups/${FINANCE.id}/members/${DEMO_USERS.ana.id}/$ref`);
    }
  });

  async function anaMemberships(): Promise<number> {
    const members = await (ctx.megan as CommandContext).graph.get<{ value: { id: string }[] }>(
      `/groups/${FINANCE.id}/members?$select=id`,
    );
    return members.value.filter((m) => m.id === DEMO_USERS.ana.id).length;
  }

  async function fileOnA(): Promise<string> {
    await submit(bots[0] as RequestCoordinator, ctx.ana as CommandContext, turn('ask'), FINANCE.id, 'Quarterly review');
    const [r] = await (stores[1] as Store).requests.listByRequester(DEMO_USERS.ana.id);
    assert.ok(r, 'instance B sees the request filed on instance A');
    return r.id;
  }

  it('files on instance A and approves on instance B, updating the copies A recorded', async () => {
    const id = await fileOnA();
    const out = await decide(bots[1] as RequestCoordinator, ctx.olga as CommandContext, turn('a-1'), 'approve', id);
    assert.match(JSON.stringify(out[0]?.card), /Approved by Olga Owner/);
    assert.equal(await anaMemberships(), 1);
    assert.ok(
      (posters[1] as Poster).updates.some((u) => u.activityId === 'ask' && /Approved by Olga Owner/.test(u.text)),
      'B updated the requester copy A recorded',
    );
  });

  it("two owners' clicks on two instances at the same moment add once and show one decision", async () => {
    const id = await fileOnA();
    const results = await Promise.all([
      decide(bots[0] as RequestCoordinator, ctx.olga as CommandContext, turn('a-1'), 'approve', id),
      decide(bots[1] as RequestCoordinator, ctx.megan as CommandContext, turn('a-1'), 'deny', id, 'no'),
    ]);
    const r = await (stores[0] as Store).requests.get(id);
    assert.ok(r && (r.state === 'approved' || r.state === 'denied'), `one decision stands (${r?.state})`);
    const headline = r.state === 'approved' ? /Approved by Olga Owner/ : /Denied by Megan Bowen/;
    for (const out of results)
      assert.match(
        JSON.stringify(out.find((x) => x.card)?.card),
        headline,
        'both clickers see the decision that stands',
      );
    assert.equal(await anaMemberships(), r.state === 'approved' ? 1 : 0);
  });

  it("an approval whose instance died after deciding is completed by the other instance's sweeper", async () => {
    const id = await fileOnA();
    // Instance A decided (pending → approving, lease taken) and died before its Graph add.
    await (stores[0] as Store).requests.transition({
      id,
      from: ['pending'],
      to: 'approving',
      at: now,
      decidedBy: { id: DEMO_USERS.olga.id, name: 'Olga Owner' },
      claimUntil: new Date(now.getTime() + 120_000),
      countAttempt: true,
    });
    await (stores[0] as Store).close();
    stores = [stores[1] as Store];
    now = new Date(now.getTime() + 121_000);
    const report = await sweepRequests(bots[1] as RequestCoordinator, quiet);
    assert.equal(report.completed, 1);
    assert.equal(await anaMemberships(), 1);
    const r = await (stores[0] as Store).requests.get(id);
    assert.equal(r?.state, 'approved');
    assert.ok(r?.outcomeNotifiedAt, 'the outcome was announced by the surviving instance');
    assert.ok((posters[1] as Poster).posts.some((p) => /Olga Owner approved your request/.test(p.text)));
  });
});
