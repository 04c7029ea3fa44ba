import { strict as assert } from 'node:assert';
import { Client } from '@microsoft/microsoft-graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import type { CommandContext } from '../../../bot/commands/context';
import { COMMANDS, continuePending, runIntent, substitute } from '../../../bot/commands/dispatch';
import { INTENT_NAMES } from '../../../bot/language/intent';
import { applyFormValues } from '../../../bot/commands/group-create';
import { nextLinkOf } from '../../../bot/commands/paging';
import { compactSnapshot, readSnapshot } from '../../../bot/commands/snapshot';
import { sharedTestServices, type TestServices } from '../../support/bot-services';

let services: TestServices;
before(async function () {
  this.timeout(120_000); // PGlite initdb in WebAssembly, on a loaded machine
  services = await sharedTestServices();
});

const ANA = '17da675f-27c5-4df3-8e3d-7b27d437674d';
const BOB = '5857c451-a528-4bcc-bdab-3ab6d7402e69';

/** A context whose Graph client fails every call: these tests must decide before any Graph traffic. */
function offlineCtx(actorId: string, pending: MemoryPendingStore): CommandContext & { calls: number } {
  const state = { calls: 0 };
  const client = Client.initWithMiddleware({
    middleware: {
      execute: async () => {
        state.calls++;
        throw new Error('no Graph in this test');
      },
      setNext: () => undefined,
    },
  } as never);
  return Object.assign(
    services.context(
      { id: actorId, displayName: 'Test' },
      new GraphSession(client, { baseUrl: 'https://graph.invalid' }, async () => undefined),
      { pending },
    ),
    {
      get calls() {
        return state.calls;
      },
    },
  );
}

describe('bot/commands/dispatch', () => {
  it('has one command per intent name', () => {
    assert.deepEqual(Object.keys(COMMANDS).sort(), [...INTENT_NAMES].sort());
  });

  it("asks again, without any Graph call, when a reading does not fit its intent's slot schema", async () => {
    const ctx = offlineCtx(ANA, new MemoryPendingStore());
    const out = await runIntent({ intent: 'listGroups', users: ['Ana'] }, ctx);
    assert.match(
      out.replies[0]?.text ?? '',
      /I think you asked me to list groups, but I could not make out one detail/,
    );
    assert.match(out.replies[0]?.text ?? '', /For example: "show all security groups"/);
    const empty = await runIntent({ intent: 'addMembers', users: [], groups: ['Sales'] }, ctx);
    assert.match(empty.replies[0]?.text ?? '', /Could you say it again\?/);
    assert.equal(ctx.calls, 0);
  });

  it("refuses to continue someone else's pending operation, and leaves it usable by its owner", async () => {
    const pending = new MemoryPendingStore();
    const op = await pending.put({
      actorId: ANA,
      intent: { intent: 'addMembers', users: [ANA], groups: ['x'] },
      kind: 'confirm',
      expiresAt: Date.now() + 60_000,
    });
    const other = offlineCtx(BOB, pending);
    const out = await continuePending(op.id, { confirmed: true }, other);
    assert.match(out.replies[0]?.text ?? '', /This card is for the person who asked: only they can use it/);
    assert.equal(out.replies[0]?.keepCard, true, 'the refusal leaves the card as others see it');
    assert.equal(other.calls, 0);
    assert.ok(await pending.get(op.id), 'still there for its owner');
  });

  it('rejects a candidate that was not offered, without calling Graph', async () => {
    const pending = new MemoryPendingStore();
    const op = await pending.put({
      actorId: ANA,
      intent: { intent: 'addMembers', users: ['Ana'], groups: ['Legal'] },
      kind: 'choice',
      slot: 'users',
      position: 0,
      candidateIds: [ANA],
      expiresAt: Date.now() + 60_000,
    });
    const ctx = offlineCtx(ANA, pending);
    const out = await continuePending(op.id, { candidateId: BOB }, ctx);
    assert.match(out.replies[0]?.text ?? '', /isn't one of the options/);
    assert.equal(ctx.calls, 0);
  });

  it('expired or unknown ids get a polite sentence', async () => {
    const pending = new MemoryPendingStore();
    const out = await continuePending('nope', { confirmed: true }, offlineCtx(ANA, pending));
    assert.match(out.replies[0]?.text ?? '', /expired or was already used/);
  });

  it('cancel uses the operation, so a later confirm does nothing and says it was cancelled', async () => {
    const pending = new MemoryPendingStore();
    const op = await pending.put({
      actorId: ANA,
      intent: { intent: 'deleteGroup', groups: [BOB] },
      kind: 'confirm',
      expiresAt: Date.now() + 60_000,
    });
    const ctx = offlineCtx(ANA, pending);
    assert.match((await continuePending(op.id, { confirmed: false }, ctx)).replies[0]?.text ?? '', /cancelled/);
    assert.match(
      (await continuePending(op.id, { confirmed: true }, ctx)).replies[0]?.text ?? '',
      /^Already cancelled at .*, so nothing was done\./,
    );
    assert.equal(ctx.calls, 0);
  });

  it('substitutes a chosen id at the slot position', () => {
    const intent = substitute(
      {
        id: 'p',
        actorId: ANA,
        kind: 'choice',
        intent: { intent: 'addMembers', users: ['x', 'Ana'], groups: ['g'] },
        slot: 'users',
        position: 1,
        candidateIds: [ANA],
        expiresAt: 0,
      },
      ANA,
    );
    assert.deepEqual(intent.users, ['x', ANA]);
    assert.deepEqual(intent.groups, ['g']);
  });
});

describe('bot/commands/group-create form values', () => {
  it('validates the form and keeps the nickname for the run', () => {
    const r = applyFormValues(
      { intent: 'createGroup' },
      {
        groupType: 'microsoft365',
        displayName: 'Finance Readers',
        mailNickname: 'FinanceReaders',
        owners: 'Ana, Bob',
        visibility: 'Private',
      },
    );
    assert.ok(r.ok);
    assert.deepEqual(r.ok && r.intent.owners, ['Ana', 'Bob']);
    assert.equal(r.ok && r.mailNickname, 'FinanceReaders');
  });

  it('refuses a bad nickname, a missing name and an unknown visibility', () => {
    assert.match(
      String(
        (
          applyFormValues({ intent: 'createGroup' }, { displayName: 'X', mailNickname: 'bad nick' }) as {
            error: string;
          }
        ).error,
      ),
      /cannot contain spaces/,
    );
    assert.match(
      String((applyFormValues({ intent: 'createGroup' }, { displayName: '  ' }) as { error: string }).error),
      /needs a name/,
    );
    assert.match(
      String(
        (applyFormValues({ intent: 'createGroup' }, { displayName: 'X', visibility: 'Secret' }) as { error: string })
          .error,
      ),
      /Visibility/,
    );
  });
});

describe('bot/commands/paging and snapshot', () => {
  const graph = new GraphSession(Client.init({ authProvider: (done) => done(null, 'unused') }), {
    baseUrl: 'https://localhost:1',
  });
  let base: CommandContext;
  before(() => {
    base = services.context({ id: ANA, displayName: 'A' }, graph, { pending: new MemoryPendingStore() });
  });
  const page = (next: string) => ({ kind: 'page' as const, next, offset: 0 });
  it("follows only https nextLinks on the session's own Graph v1.0", () => {
    assert.equal(
      nextLinkOf({ ...base, continuation: page('https://localhost:1/v1.0/groups?$skiptoken=x') }),
      'https://localhost:1/v1.0/groups?$skiptoken=x',
    );
    assert.equal(nextLinkOf({ ...base, continuation: page('http://evil.example/v1.0/groups') }), undefined);
    assert.equal(nextLinkOf({ ...base, continuation: page('https://evil.example/steal') }), undefined);
    assert.equal(
      nextLinkOf({ ...base, continuation: page('https://evil.example/v1.0/groups') }),
      undefined,
      'another host',
    );
    assert.equal(
      nextLinkOf({ ...base, continuation: page('https://localhost:1/beta/groups') }),
      undefined,
      'another version',
    );
    assert.equal(nextLinkOf(base), undefined);
  });

  it('round-trips a snapshot through a continuation and survives a damaged one', () => {
    const snapshot = compactSnapshot({
      users: { [ANA]: { id: ANA, displayName: 'Ana Silva', mail: 'ana@contoso.com', jobTitle: 'x' } },
      groups: {},
    });
    assert.equal(snapshot.users[ANA]?.jobTitle, undefined, 'only what later steps need is stored');
    assert.equal(readSnapshot(JSON.parse(JSON.stringify(snapshot))).users[ANA]?.displayName, 'Ana Silva');
    assert.deepEqual(readSnapshot('{not json'), { users: {}, groups: {} });
    assert.deepEqual(readSnapshot({ users: [1], groups: null }), { users: {}, groups: {} });
  });
});
