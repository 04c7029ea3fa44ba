/**
 * The request workflow without botbuilder or Graph: the real store (PGlite in memory), a recording messenger and
 * an in-memory directory as its ports (the boundaries a channel and Graph would play), and a movable clock.
 */
import { strict as assert } from 'node:assert';
import { openStore, type Store } from '../../../bot/store';
import { createLogger } from '../../../bot/log';
import { RequestWorkflow, type RequestActor } from '../../../bot/requests/request-workflow';
import type {
  DirectoryPerson,
  OutboundMessage,
  RequestDirectory,
  RequestMessengerPort,
  TurnPlace,
} from '../../../bot/requests/request-ports';
import type { MemberAddResult } from '../../../bot/requests/member-change';
import type { AdaptiveCard } from '../../../cards';
import { sweep } from '../../../bot/requests/request-sweep';

interface Sent {
  kind: 'post' | 'update';
  conversationId: string;
  activityId: string;
  message?: OutboundMessage;
  card?: AdaptiveCard;
  duringTurn: boolean;
}

/** A recording messenger (stands in for the chat channel). */
class FakeMessenger implements RequestMessengerPort {
  sent: Sent[] = [];
  personal = new Map<string, string>();
  private n = 0;
  async post(conversationId: string, message: OutboundMessage, place?: TurnPlace) {
    const activityId = `m${++this.n}`;
    this.sent.push({ kind: 'post', conversationId, activityId, message, duringTurn: place?.turn !== undefined });
    return { conversationId, activityId };
  }
  async updateCard(conversationId: string, activityId: string, card: AdaptiveCard, place?: TurnPlace) {
    this.sent.push({ kind: 'update', conversationId, activityId, card, duringTurn: place?.turn !== undefined });
    return true;
  }
  async personalConversationOf(userId: string) {
    return this.personal.get(userId);
  }
  async mentionIds(_place: TurnPlace, ids: readonly string[]) {
    return Object.fromEntries(ids.map((id) => [id, `29:${id}`]));
  }
  text(s: Sent): string {
    return JSON.stringify(s.message ?? s.card ?? {});
  }
}

const PEOPLE: Record<string, DirectoryPerson> = {
  ana: { id: 'ana', displayName: 'Ana Silva', userPrincipalName: 'ana@contoso.com', department: 'Marketing' },
  olga: { id: 'olga', displayName: 'Olga Owner', userPrincipalName: 'olga@contoso.com' },
  grace: { id: 'grace', displayName: 'Grace Taylor', userPrincipalName: 'grace@contoso.com' },
  pat: { id: 'pat', displayName: 'Pat Partner', userPrincipalName: 'pat@fabrikam.com', userType: 'Guest' },
};
const GROUPS: Record<string, { name: string; owners: string[]; members: Set<string> }> = {
  finance: { name: 'Finance Readers', owners: ['olga'], members: new Set(['olga']) },
  orphan: { name: 'Orphan Group', owners: [], members: new Set() },
};
const ADMINS = ['grace'];

/** An in-memory directory as user `me` (stands in for Graph). `addDelayMs` slows the add down. */
function directoryAs(me: string, opts: { addDelayMs?: number; readDelayMs?: number } = {}): RequestDirectory {
  const person = PEOPLE[me] as DirectoryPerson;
  const group = (id: string) => {
    const g = GROUPS[id];
    if (!g) throw Object.assign(new Error('no such group'), { kind: 'notFound' });
    return g;
  };
  return {
    me: async () => {
      if (opts.readDelayMs) await new Promise((r) => setTimeout(r, opts.readDelayMs));
      return person;
    },
    group: async (id) => ({ id, displayName: group(id).name }),
    owners: async (id) => {
      if (person.userType === 'Guest') throw Object.assign(new Error('Insufficient privileges'), { kind: 'forbidden' });
      return group(id).owners.map((o) => ({ id: o, name: (PEOPLE[o] as DirectoryPerson).displayName }));
    },
    mayDecide: async (id, userId) => {
      if (person.userType === 'Guest') throw Object.assign(new Error('Insufficient privileges'), { kind: 'forbidden' });
      return group(id).owners.includes(userId) || ADMINS.includes(me);
    },
    holdsDecidingRole: async () => ADMINS.includes(me),
    groupsAdministrators: async () => ADMINS.map((a) => ({ id: a, name: (PEOPLE[a] as DirectoryPerson).displayName })),
    teammates: async () => undefined,
    addMember: async (id, userId): Promise<MemberAddResult> => {
      if (opts.addDelayMs) await new Promise((r) => setTimeout(r, opts.addDelayMs));
      const g = group(id);
      if (g.members.has(userId)) return { outcome: 'already-member' };
      g.members.add(userId);
      return { outcome: 'added' };
    },
    removeMember: async (id, userId, grantedBy) =>
      group(id).members.delete(userId) ? { outcome: 'removed', tokenOf: grantedBy } : { outcome: 'not-member' },
  };
}

const actor = (who: string, opts: { addDelayMs?: number; readDelayMs?: number } = {}): RequestActor => ({
  id: who,
  directory: directoryAs(who, opts),
});
const SETTINGS = {
  sweepSeconds: 0,
  remindHours: 48,
  expiryDays: 14,
  leaseSeconds: 120,
  membershipNoticeDays: 3,
  timeZone: 'UTC',
  answerWithinMs: 200,
  escalateHours: 72,
};
const GROUP_CHAT: TurnPlace = { conversationId: 'group-chat', shared: true, turn: {} };
const clickIn = (activityId: string, who: string, name = (PEOPLE[who] as DirectoryPerson).displayName): TurnPlace => ({
  ...GROUP_CHAT,
  clickedActivityId: activityId,
  from: { id: `29:${who}`, name },
});

describe('bot/requests/request-workflow (ports only, no botbuilder)', function () {
  this.timeout(30000);
  let store: Store;
  let messenger: FakeMessenger;
  let now: Date;
  let workflow: RequestWorkflow;
  const log = createLogger('error', () => undefined);

  beforeEach(async function () {
    this.timeout(120000);
    store = await openStore({ memory: true });
    messenger = new FakeMessenger();
    now = new Date('2026-11-26T10:00:00Z');
    GROUPS.finance = { name: 'Finance Readers', owners: ['olga'], members: new Set(['olga']) };
    workflow = new RequestWorkflow({
      store,
      messenger,
      log,
      clock: () => now,
      settings: SETTINGS,
      directoryFor: async (userId) => (PEOPLE[userId] ? directoryAs(userId) : undefined),
    });
  });
  afterEach(async () => {
    await store.close();
  });

  async function file(groupId = 'finance'): Promise<string> {
    const out = await workflow.submit(actor('ana'), clickIn('ask-1', 'ana'), {
      groupId,
      justification: 'Quarterly review',
      blocked: null,
    });
    assert.ok(out[0]?.card, out[0]?.text);
    const [r] = await store.requests.listByRequester('ana');
    return (r as { id: string }).id;
  }

  it('answers a slow approval at once with "adding…", then updates every copy proactively', async () => {
    const id = await file();
    const answer = await workflow.decide(actor('olga', { addDelayMs: 800 }), clickIn('m1', 'olga'), 'approve', id);
    assert.match(JSON.stringify(answer[0]?.card), /Approved by Olga Owner, adding…/);
    assert.equal((await store.requests.get(id))?.state, 'approving', 'answered before the add finished');
    for (let i = 0; i < 50 && (await store.requests.get(id))?.outcomeNotifiedAt == null; i++)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal((await store.requests.get(id))?.state, 'approved');
    const copies = await store.requestCards.listForRequest(id);
    for (const c of copies) {
      const update = messenger.sent.find(
        (s) =>
          s.kind === 'update' &&
          s.activityId === c.activityId &&
          /Approved by Olga Owner, /.test(messenger.text(s)) &&
          !/adding/.test(messenger.text(s)),
      );
      assert.ok(update, `copy ${c.activityId} updated to the outcome`);
      assert.equal(
        update.duringTurn,
        false,
        'after the answer, updates go out proactively (never through the ended turn)',
      );
    }
    assert.ok(GROUPS.finance?.members.has('ana'));
  });

  it('answers a second click while the add runs from the stored state (another instance too), waiting for nothing', async () => {
    const id = await file();
    const first = await workflow.decide(actor('olga', { addDelayMs: 800 }), clickIn('m1', 'olga'), 'approve', id);
    assert.match(JSON.stringify(first[0]?.card), /Approved by Olga Owner, adding…/);
    // A second instance over the same store: it has never seen the first click.
    const other = new RequestWorkflow({
      store,
      messenger,
      log,
      clock: () => now,
      settings: SETTINGS,
      directoryFor: async (userId) => (PEOPLE[userId] ? directoryAs(userId) : undefined),
    });
    for (const wf of [workflow, other]) {
      const again = await wf.decide(actor('olga'), clickIn('m1', 'olga'), 'approve', id);
      assert.equal((await store.requests.get(id))?.state, 'approving', 'answered while the add still runs');
      assert.equal(again.length, 1);
      assert.equal(again[0]?.text, 'Approved by Olga Owner at Thu 26 Nov 2026, 10:00 UTC; adding Ana Silva…');
      const card = JSON.stringify(again[0]?.card);
      assert.match(card, /Approved by Olga Owner, adding…/, 'the card as it stands, without buttons');
      assert.doesNotMatch(card, /approvalApprove/);
      assert.match(card, /"userIds":\["29:olga"\]/, "the clicker's view refreshes to what stands when seen again");
    }
    for (let i = 0; i < 50 && (await store.requests.get(id))?.outcomeNotifiedAt == null; i++)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal((await store.requests.get(id))?.state, 'approved');
    assert.ok(
      messenger.sent.some(
        (s) => s.kind === 'update' && s.activityId === 'm1' && /Approved by Olga Owner, Thu/.test(messenger.text(s)),
      ),
      'the outcome reaches the clicked copy through the proactive update',
    );
    assert.equal([...(GROUPS.finance?.members ?? [])].filter((m) => m === 'ana').length, 1, 'added once');
  });

  it('answers a slow filing at once, then shows the request in place of the form and asks the owners', async () => {
    const answer = await workflow.submit(actor('ana', { readDelayMs: 600 }), clickIn('ask-1', 'ana'), {
      groupId: 'finance',
      justification: 'Quarterly review',
      blocked: null,
    });
    assert.match(answer[0]?.text ?? '', /Sending your request/, 'answered before the filing finished');
    assert.equal(
      (await store.requests.listByRequester('ana')).length,
      0,
      'nothing filed yet when the click was answered',
    );
    for (let i = 0; i < 60 && !messenger.sent.some((s) => s.kind === 'update' && s.activityId === 'ask-1'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const form = messenger.sent.find((s) => s.kind === 'update' && s.activityId === 'ask-1');
    assert.match(messenger.text(form as Sent), /Waiting for a decision from Olga Owner/);
    assert.equal(form?.duringTurn, false);
    assert.ok(
      messenger.sent.some((s) => s.kind === 'post' && /asks to join 'Finance Readers'/.test(messenger.text(s))),
    );
  });

  it("takes the approver's name from the directory, not from what the chat says", async () => {
    const id = await file();
    const out = await workflow.decide(actor('olga'), clickIn('m1', 'olga', 'Mallory the Boss'), 'approve', id);
    assert.match(JSON.stringify(out[0]?.card), /Approved by Olga Owner/);
    assert.doesNotMatch(JSON.stringify(messenger.sent), /Mallory/);
    assert.equal((await store.requests.get(id))?.decidedByName, 'Olga Owner');
  });

  it('tells a guest who clicks Approve, privately, that only owners or administrators decide', async () => {
    const id = await file();
    const before = messenger.sent.length;
    const out = await workflow.decide(actor('pat'), clickIn('m1', 'pat'), 'approve', id);
    assert.equal(out.length, 1);
    assert.match(out[0]?.text ?? '', /^Only an owner of "Finance Readers/);
    assert.doesNotMatch(out[0]?.text ?? '', /Shall I ask/);
    assert.equal(out[0]?.keepCard, true, 'the shared card stays as everyone sees it');
    assert.equal(out[0]?.card, undefined);
    assert.deepEqual(messenger.sent.slice(before), [], 'nothing is posted to the chat or changed on any copy');
    assert.equal((await store.requests.get(id))?.state, 'pending');
  });

  it('asks the Groups Administrators when the group has no owner, and says so', async () => {
    const out = await workflow.submit(actor('ana'), clickIn('ask-1', 'ana'), {
      groupId: 'orphan',
      justification: 'x',
      blocked: null,
    });
    assert.match(
      out[0]?.text ?? '',
      /no other owner, so I sent your request to the Groups Administrators \(Grace Taylor\)/,
    );
    const card = messenger.sent.find((s) => s.kind === 'post' && /asks to join 'Orphan Group'/.test(messenger.text(s)));
    assert.deepEqual(card?.message?.mention, [{ id: '29:grace', name: 'Grace Taylor' }]);
  });

  it('escalates unanswered requests once, with the history, and reminders never duplicate a card', async () => {
    messenger.personal.set('olga', 'olga-dm');
    const id = await file();
    const cardsInDm = () =>
      messenger.sent.filter((s) => s.kind === 'post' && s.conversationId === 'olga-dm' && s.message?.card).length;
    assert.equal(cardsInDm(), 1);
    now = new Date(now.getTime() + 49 * 3_600_000);
    const first = await sweep(workflow, {
      log,
      removeMember: workflow.removeMember,
      escalateHours: 72,
      clock: () => now,
    });
    assert.equal(first.reminded, 1);
    assert.equal(cardsInDm(), 1, "the reminder updated Olga's card instead of posting another");
    assert.equal(first.escalated, 0, 'not before the escalation time');
    now = new Date(now.getTime() + 24 * 3_600_000);
    const second = await sweep(workflow, {
      log,
      removeMember: workflow.removeMember,
      escalateHours: 72,
      clock: () => now,
    });
    assert.equal(second.escalated, 1);
    const escalation = messenger.sent.find(
      (s) => s.kind === 'post' && /ask the Groups Administrators too/.test(messenger.text(s)),
    );
    assert.match(messenger.text(escalation as Sent), /asked Olga Owner .*reminded Olga Owner/);
    assert.ok(
      messenger.sent.some(
        (s) =>
          s.kind === 'post' &&
          /also sent your request to the Groups Administrators \(Grace Taylor\)/.test(messenger.text(s)),
      ),
      'the requester is told where it is',
    );
    const third = await sweep(workflow, {
      log,
      removeMember: workflow.removeMember,
      escalateHours: 72,
      clock: () => now,
    });
    assert.equal(third.escalated, 0, 'escalated once');
    const out = await workflow.decide(actor('grace'), clickIn('m1', 'grace'), 'approve', id);
    assert.match(JSON.stringify(out[0]?.card), /Approved by Grace Taylor/);
  });

  describe("asked in the requester's 1:1 chat", () => {
    const PERSONAL: TurnPlace = { conversationId: 'ana-1to1', shared: false, turn: {} };

    it('never posts the approval card there; names the owners it could not reach', async () => {
      const out = await workflow.submit(actor('ana'), PERSONAL, {
        groupId: 'finance',
        justification: 'Audit',
        blocked: null,
      });
      const approvalPosts = messenger.sent.filter(
        (s) => s.conversationId === 'ana-1to1' && /Approve/.test(messenger.text(s)),
      );
      assert.deepEqual(approvalPosts, [], "no Approve button in the requester's own chat");
      assert.match(out[0]?.text ?? '', /Olga Owner has not chatted with me yet/);
      assert.match(out[0]?.text ?? '', /pending approvals/);
    });

    it('sends the card to an owner who has a 1:1 chat, and adds no note', async () => {
      messenger.personal.set('olga', 'olga-1to1');
      const out = await workflow.submit(actor('ana'), PERSONAL, {
        groupId: 'finance',
        justification: 'Audit',
        blocked: null,
      });
      assert.ok(messenger.sent.some((s) => s.conversationId === 'olga-1to1' && /Approve/.test(messenger.text(s))));
      assert.doesNotMatch(out[0]?.text ?? '', /not chatted/);
    });

    it('a later reminder reaches the owner once they have a 1:1 chat', async () => {
      await workflow.submit(actor('ana'), PERSONAL, { groupId: 'finance', justification: 'Audit', blocked: null });
      messenger.personal.set('olga', 'olga-1to1');
      now = new Date(now.getTime() + 49 * 3600_000);
      const report = await sweep(workflow, { log, removeMember: workflow.removeMember, clock: () => now });
      assert.equal(report.reminded, 1);
      assert.ok(messenger.sent.some((s) => s.conversationId === 'olga-1to1' && /Approve/.test(messenger.text(s))));
      assert.ok(!messenger.sent.some((s) => s.conversationId === 'ana-1to1' && /Approve/.test(messenger.text(s))));
    });
  });
});
