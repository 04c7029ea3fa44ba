/**
 * The Teams side of access requests in-process: the real store (PGlite in memory), the real Graph emulator (demo
 * tenant), real command contexts per user, and a recording messenger instead of a channel. Checks filing and
 * merging, where the approval card goes, the server-side authority check, exactly-once approval, every copy
 * updated, the requester told, deny/cancel, and the sweeper's expiry, reminders and retry of a stuck approval.
 */
import { strict as assert } from 'node:assert';
import type { TurnContext, Activity } from 'botbuilder';
import { openStore, type Store } from '../../../bot/store';
import { createLogger } from '../../../bot/log';
import { RequestCoordinator } from '../../../bot/teams/request-coordinator';
import { parseCardAction } from '../../../cards/card-action-parse';
import { click, submit, decide } from './request-clicks';
import type { RequestPoster, PostedMessage } from '../../../bot/teams/request-messenger';
import { sweepRequests } from '../../../bot/teams/request-sweeper';
import type { RequestSettings } from '../../../bot/requests/request-settings';
import type { CommandContext } from '../../../bot/commands/context';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startHarness, type Harness } from '../commands/command-harness';

interface Sent {
  kind: 'post' | 'update';
  conversationId: string;
  activityId: string;
  activity?: Partial<Activity>;
  card?: Record<string, unknown>;
}

class RecordingPoster implements RequestPoster {
  sent: Sent[] = [];
  personal = new Map<string, string>();
  private n = 0;
  async post(conversationId: string, activity: Partial<Activity>): Promise<PostedMessage | undefined> {
    const activityId = `m${++this.n}`;
    this.sent.push({ kind: 'post', conversationId, activityId, activity });
    return { conversationId, activityId };
  }
  async updateCard(conversationId: string, activityId: string, card: unknown): Promise<boolean> {
    this.sent.push({ kind: 'update', conversationId, activityId, card: card as Record<string, unknown> });
    return true;
  }
  async personalConversationOf(userId: string): Promise<string | undefined> {
    return this.personal.get(userId);
  }
  text(s: Sent): string {
    return JSON.stringify(s.activity ?? s.card ?? {});
  }
}

const SETTINGS: RequestSettings = {
  sweepSeconds: 0,
  remindHours: 48,
  expiryDays: 14,
  leaseSeconds: 120,
  membershipNoticeDays: 3,
  timeZone: 'UTC',
};
const FINANCE = DEMO_GROUPS.financeReaders;
const GROUP_CHAT = 'group-chat-1';

/** A fake turn: only the fields the coordinator reads (conversation, the clicked card's id). */
function turn(replyToId?: string): TurnContext {
  return {
    activity: { conversation: { id: GROUP_CHAT, conversationType: 'groupChat' }, ...(replyToId ? { replyToId } : {}) },
  } as unknown as TurnContext;
}

describe('bot/teams/request-coordinator', function () {
  this.timeout(30000);
  let harness: Harness;
  let store: Store;
  let poster: RecordingPoster;
  let now: Date;
  let coordinator: RequestCoordinator;
  const ctx: Record<string, CommandContext> = {};

  before(async () => {
    harness = await startHarness();
    for (const who of ['ana', 'olga', 'lee', 'grace', 'megan'] as const)
      ctx[who] = await harness.ctx(DEMO_USERS[who].upn);
  });
  after(async () => {
    await harness?.stop();
  });
  beforeEach(async function () {
    // A fresh in-memory store each time: slow on a loaded machine (PGlite starts its WASM Postgres).
    this.timeout(120_000);
    store = await openStore({ memory: true });
    poster = new RecordingPoster();
    now = new Date('2026-11-26T10:00:00Z');
    coordinator = new RequestCoordinator({
      store,
      messenger: poster,
      graph: { baseUrl: harness.emulator.baseUrl, caPem: harness.emulator.caPem },
      log: createLogger('error', () => undefined),
      settings: SETTINGS,
      clock: () => now,
      tokenForUser: async (userId) => {
        const user = Object.values(DEMO_USERS).find((u) => u.id === userId);
        return user ? harness.emulator.issueToken(user.upn) : undefined;
      },
    });
  });
  afterEach(async () => {
    await store.close();
    if ((await memberIds(FINANCE.id)).includes(DEMO_USERS.ana.id)) {
      await (ctx.megan as CommandContext).graph.delete(`/groups/${FINANCE.id}/members/${DEMO_USERS.ana.id}/$ref`);
    }
  });

  async function memberIds(groupId: string): Promise<string[]> {
    const body = await (ctx.megan as CommandContext).graph.get<{ value: { id: string }[] }>(
      `/groups/${groupId}/members?$select=id&$top=999`,
    );
    return body.value.map((m) => m.id);
  }

  async function fileAsAna(groupId: string = FINANCE.id, replyToId = 'ask-1'): Promise<string> {
    const out = await submit(coordinator, ctx.ana as CommandContext, turn(replyToId), groupId, 'Quarterly review');
    assert.match(out[0]?.text ?? '', /I sent your request/);
    const mine = await store.requests.listByRequester(DEMO_USERS.ana.id);
    return (mine[0] as { id: string }).id;
  }

  it('files the request, posts the approval card in the chat mentioning Olga, and records both copies', async () => {
    const id = await fileAsAna();
    const posts = poster.sent.filter((s) => s.kind === 'post');
    assert.equal(posts.length, 1);
    const card = JSON.stringify(posts[0]?.activity);
    assert.match(card, /<at>Olga Owner<\/at>/);
    assert.doesNotMatch(card, /Quarterly review/, "the group chat's copy leaves Ana's justification out");
    assert.match(card, /The reason is shown only to the requester and to the people who can decide/);
    assert.match(card, /Marketing/, 'department of the requester');
    assert.match(card, /approvalApprove/);
    const copies = await store.requestCards.listForRequest(id);
    assert.deepEqual(copies.map((c) => [c.role, c.activityId]).sort(), [
      ['approver', 'm1'],
      ['requester', 'ask-1'],
    ]);
  });

  it('shows the justification in the group chat only to the requester and the deciders (per-user refresh)', async () => {
    const id = await fileAsAna();
    const shared = JSON.stringify(poster.sent.find((s) => s.kind === 'post')?.activity);
    // This turn has no connector to ask for chat ids (MRIs), and Teams ignores Entra ids in refresh.userIds: the
    // card lists nobody rather than Entra ids (the local-cloud test shows MRIs there).
    assert.doesNotMatch(shared, /"userIds":\[[^\]]*[0-9a-f]{8}-[0-9a-f]{4}-/);
    const refresh = { verb: 'requestRefresh' as const, requestId: id };
    const view = async (who: 'olga' | 'megan' | 'lee' | 'ana'): Promise<string> =>
      JSON.stringify(await click(coordinator, ctx[who] as CommandContext, turn('m1'), refresh));
    assert.match(await view('olga'), /Quarterly review/, 'the owner sees why');
    assert.match(await view('megan'), /Quarterly review/, 'an administrator who may decide sees why');
    assert.match(await view('ana'), /Quarterly review/, 'the requester sees her own reason');
    const lee = await view('lee');
    assert.doesNotMatch(lee, /Quarterly review/, 'anyone else in the chat does not');
    assert.match(lee, /The reason is shown only to the requester/);
    assert.match(lee, /Waiting for Olga Owner/, 'a viewer who may not decide sees whom it waits for');
    assert.doesNotMatch(lee, /approvalApprove|approvalDeny|requestCancel/, 'and no buttons');
    assert.equal((await store.requests.get(id))?.state, 'pending');
  });

  it("sends the card to an owner's 1:1 chat when the bot knows it", async () => {
    poster.personal.set(DEMO_USERS.olga.id, 'olga-dm');
    await fileAsAna();
    const posts = poster.sent.filter((s) => s.kind === 'post');
    assert.deepEqual(
      posts.map((p) => p.conversationId),
      ['olga-dm'],
    );
    assert.doesNotMatch(JSON.stringify(posts[0]?.activity), /<at>/);
  });

  it('merges a second identical request and says so, without asking the owners again', async () => {
    const id = await fileAsAna();
    const again = await submit(coordinator, ctx.ana as CommandContext, turn('ask-2'), FINANCE.id, 'Again');
    assert.match(again[0]?.text ?? '', /merged this into your open request/);
    assert.equal(poster.sent.filter((s) => s.kind === 'post').length, 1);
    assert.equal((await store.requests.get(id))?.mergedCount, 1);
  });

  it("refuses an already-member, and refuses a non-owner's approve without changing anything", async () => {
    const member = await submit(coordinator, ctx.ana as CommandContext, turn('x'), DEMO_GROUPS.marketing.id, 'x');
    assert.match(member[0]?.text ?? '', /already a member/);
    const id = await fileAsAna();
    const byLee = await decide(coordinator, ctx.lee as CommandContext, turn('m1'), 'approve', id);
    assert.match(byLee.map((r) => r.text).join(' '), /Only an owner of "Finance Readers"/);
    assert.equal(byLee.length, 1);
    assert.equal(byLee[0]?.keepCard, true, 'the shared card stays as everyone sees it, buttons and all');
    assert.equal(byLee[0]?.card, undefined);
    assert.equal((await store.requests.get(id))?.state, 'pending');
    assert.ok(!(await memberIds(FINANCE.id)).includes(DEMO_USERS.ana.id));
  });

  it('answers a crafted request payload with one message and changes nothing (routed in bot/commands)', async () => {
    const id = await fileAsAna();
    const forged = parseCardAction({ verb: 'approvalApprove', requestId: id, approvedBy: DEMO_USERS.olga.id });
    assert.deepEqual(forged, { ok: false, error: 'The field "approvedBy" is not part of this button.' });
    // The same click without the crafted field: the handler checks again who clicked.
    const clean = parseCardAction({ verb: 'approvalApprove', requestId: id });
    assert.ok(clean.ok && clean.action.verb === 'approvalApprove');
    const byLee = await click(coordinator, ctx.lee as CommandContext, turn('m1'), clean.action);
    assert.deepEqual(
      byLee.map((r) => r.text),
      ['Only an owner of "Finance Readers" or a Groups or Global Administrator can decide this request.'],
    );
    assert.equal(parseCardAction({ verb: 'approvalApprove', requestId: id, state: 'approved' }).ok, false);
    const unknown = parseCardAction({ verb: 'approvalApprove', requestId: 'no-such-request' });
    assert.ok(unknown.ok && unknown.action.verb === 'approvalApprove');
    const out = await click(coordinator, ctx.olga as CommandContext, turn('m1'), unknown.action);
    assert.deepEqual(
      out.map((r) => r.text),
      ['This request no longer exists.'],
    );
    assert.equal((await store.requests.get(id))?.state, 'pending');
  });

  it('approves once for two simultaneous clicks, updates every copy and tells the requester', async () => {
    const id = await fileAsAna();
    const [a, b] = await Promise.all([
      decide(coordinator, ctx.olga as CommandContext, turn('m1'), 'approve', id),
      decide(coordinator, ctx.olga as CommandContext, turn('m1'), 'approve', id),
    ]);
    const texts = [...(a ?? []), ...(b ?? [])].map((r) => JSON.stringify(r.card ?? r.text)).join(' ');
    assert.match(texts, /Approved by Olga Owner/);
    // Nothing waits in this process for the winner: the losing click is answered from the stored state at once
    // ("Approved by Olga Owner at …; adding Ana Silva…", or the outcome when the add has ended), and the outcome
    // reaches the clicked copy through the proactive update every copy gets.
    for (const out of [a, b]) assert.match(out?.[0]?.text ?? '', /Approved by Olga Owner/);
    assert.ok(
      poster.sent.some(
        (u) => u.kind === 'update' && u.activityId === 'm1' && /Approved by Olga Owner, /.test(JSON.stringify(u.card)),
      ),
      'the clicked copy shows the outcome by a proactive update',
    );
    assert.equal((await memberIds(FINANCE.id)).filter((m) => m === DEMO_USERS.ana.id).length, 1);
    const r = await store.requests.get(id);
    assert.equal(r?.state, 'approved');
    assert.ok(r?.outcomeNotifiedAt, 'announced');
    const updates = poster.sent.filter((s) => s.kind === 'update');
    assert.ok(
      updates.some((u) => u.activityId === 'ask-1' && /Approved by Olga Owner/.test(JSON.stringify(u.card))),
      "the requester's copy is updated",
    );
    const told = poster.sent.filter((s) => s.kind === 'post' && /approved your request/.test(poster.text(s)));
    assert.equal(told.length, 1, 'the requester is told once');
    assert.match(poster.text(told[0] as Sent), /<at>Ana Silva<\/at>/);
  });

  it('lets a Groups Administrator (Grace) decide, and sends the deny reason to the requester', async () => {
    const id = await fileAsAna();
    const out = await decide(
      coordinator,
      ctx.grace as CommandContext,
      turn('m1'),
      'deny',
      id,
      'Use the finance share instead',
    );
    assert.match(JSON.stringify(out[0]?.card), /Denied by Grace Taylor/);
    assert.match(JSON.stringify(out[0]?.card), /Use the finance share instead/);
    const told = poster.sent.find((s) => s.kind === 'post' && /denied your request/.test(poster.text(s)));
    assert.match(poster.text(told as Sent), /Use the finance share instead/);
    assert.ok(!(await memberIds(FINANCE.id)).includes(DEMO_USERS.ana.id));
  });

  it('lets only the requester cancel, and then refuses a late approve with the final card', async () => {
    const id = await fileAsAna();
    const byOlga = await click(coordinator, ctx.olga as CommandContext, turn('m1'), {
      verb: 'requestCancel',
      requestId: id,
    });
    assert.match(byOlga.map((r) => r.text).join(' '), /Only Ana Silva, who asked, can cancel/);
    const out = await click(coordinator, ctx.ana as CommandContext, turn('ask-1'), {
      verb: 'requestCancel',
      requestId: id,
    });
    assert.match(JSON.stringify(out[0]?.card), /Cancelled by Ana Silva/);
    const late = await decide(coordinator, ctx.olga as CommandContext, turn('m1'), 'approve', id);
    assert.match(late[0]?.text ?? '', /cancelled by Ana Silva/);
    assert.match(JSON.stringify(late[0]?.card), /Cancelled by Ana Silva/);
    // The sentence heads the card Olga gets back, and no copy the bot posted or updated for others carries it.
    const body = (late[0]?.card as { body?: { text?: string }[] } | undefined)?.body ?? [];
    assert.match(body[0]?.text ?? '', /^This request was cancelled by Ana Silva at /);
    assert.ok(poster.sent.length > 0);
    assert.ok(!poster.sent.some((s) => /This request was cancelled/.test(JSON.stringify(s))));
  });

  it('sweeper: reminds the owners, then expires the request and tells the requester', async () => {
    const id = await fileAsAna();
    now = new Date(now.getTime() + 49 * 3_600_000);
    const first = await sweepRequests(
      coordinator,
      createLogger('error', () => undefined),
    );
    assert.equal(first.reminded, 1);
    assert.ok(
      poster.sent.some((s) => s.kind === 'post' && /Reminder: Ana Silva is still waiting/.test(poster.text(s))),
    );
    now = new Date(now.getTime() + 14 * 86_400_000);
    const second = await sweepRequests(
      coordinator,
      createLogger('error', () => undefined),
    );
    assert.equal(second.expired, 1);
    assert.equal((await store.requests.get(id))?.state, 'expired');
    assert.ok(poster.sent.some((s) => s.kind === 'post' && /expired without a decision/.test(poster.text(s))));
    const copies = await store.requestCards.listForRequest(id);
    for (const c of copies) {
      assert.ok(
        poster.sent.some(
          (s) => s.kind === 'update' && s.activityId === c.activityId && /Expired/.test(JSON.stringify(s.card)),
        ),
        `copy ${c.activityId} updated`,
      );
    }
  });

  it("sweeper: completes an approval whose process died before the Graph add, with the approver's token", async () => {
    const id = await fileAsAna();
    // What a crash leaves behind: approving, lease still held, no add made.
    await store.requests.transition({
      id,
      from: ['pending'],
      to: 'approving',
      at: now,
      decidedBy: { id: DEMO_USERS.olga.id, name: 'Olga Owner' },
      claimUntil: new Date(now.getTime() + 120_000),
      countAttempt: true,
    });
    assert.equal(
      (
        await sweepRequests(
          coordinator,
          createLogger('error', () => undefined),
        )
      ).retried,
      0,
      'not before the lease ran out',
    );
    now = new Date(now.getTime() + 121_000);
    const report = await sweepRequests(
      coordinator,
      createLogger('error', () => undefined),
    );
    assert.equal(report.completed, 1);
    assert.equal((await store.requests.get(id))?.state, 'approved');
    assert.ok((await memberIds(FINANCE.id)).includes(DEMO_USERS.ana.id));
    assert.ok(poster.sent.some((s) => s.kind === 'post' && /Olga Owner approved your request/.test(poster.text(s))));
  });

  it('lists "my requests" and an owner\'s "pending approvals"', async () => {
    await fileAsAna();
    const mine = await coordinator.port(ctx.ana as CommandContext).listMine();
    assert.match(JSON.stringify(mine[0]?.card), /Finance Readers/);
    assert.match(JSON.stringify(mine[0]?.card), /requestCancel/);
    const olga = await coordinator.port(ctx.olga as CommandContext).listPending();
    assert.match(olga[0]?.text ?? '', /1 request waits/);
    const lee = await coordinator.port(ctx.lee as CommandContext).listPending({ omitWhenEmpty: true });
    assert.deepEqual(lee, []);
  });
});
