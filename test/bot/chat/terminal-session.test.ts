/**
 * The in-process path (TerminalSession → InProcessAdapter → the same teams-ai Application as Teams) against the
 * real Graph emulator, as each kind of demo user: admin Megan, owner Bob, plain user Ana, guest Pat.
 */
import { strict as assert } from 'node:assert';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { TerminalSession, type ShownMessage } from '../../../bot/chat/terminal-session';
import { LocalTokenSource } from '../../../bot/teams/user-tokens';
import { createLogger } from '../../../bot/log';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { openStore } from '../../../bot/store/open-store';
import type { Store } from '../../../bot/store';

type Who = 'megan' | 'bob' | 'ana' | 'pat';
const SG101 = DEMO_GROUPS.securityGroup101;
const LEGAL = DEMO_GROUPS.legal;

const joined = (shown: ShownMessage[]): string => shown.map((m) => m.text).join('\n---\n');

describe('bot/chat/terminal-session (in-process, real emulator)', function () {
  this.timeout(60_000);
  let emu: TestEmulator;
  let store: Store;
  const tokens = new Map<string, string>();
  const logLines: string[] = [];

  /** A session as `groupbot chat` opens one when the data directory's store cannot open: PGlite in memory. */
  const session = (who: Who): TerminalSession => {
    const u = DEMO_USERS[who];
    return new TerminalSession(
      { id: u.id, upn: u.upn, displayName: u.displayName },
      { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem },
      new LocalTokenSource((id) => tokens.get(id)),
      createLogger('warn', (l) => logLines.push(l)),
      () => undefined,
      { store },
    );
  };
  const memberIds = async (groupId: string): Promise<string[]> => {
    const client = await emu.clientFor(DEMO_USERS.megan.upn);
    const page = (await client.api(`/groups/${groupId}/members`).select('id').top(999).get()) as {
      value: { id: string }[];
    };
    return page.value.map((m) => m.id);
  };
  /** Clicks the latest card's button whose title matches. */
  const click = async (s: TerminalSession, title: RegExp): Promise<ShownMessage[]> => {
    const action = s.currentActions()?.actions.find((a) => title.test(a.title));
    assert.ok(
      action,
      `no button ${title} on the latest card: ${JSON.stringify(s.currentActions()?.actions.map((a) => a.title))}`,
    );
    return s.click(action.number);
  };

  before(async function () {
    this.timeout(180_000); // an in-memory store opens first (PGlite, slow on a loaded machine)
    emu = await startTestEmulator();
    store = await openStore({ memory: true });
    for (const who of ['megan', 'bob', 'ana', 'pat'] as const)
      tokens.set(DEMO_USERS[who].id, await emu.token(DEMO_USERS[who].upn));
  });
  after(async () => {
    await store?.close();
    await emu?.stop();
    await closeGraphConnections();
  });

  describe('every user', () => {
    for (const who of ['megan', 'bob', 'ana', 'pat'] as const) {
      it(`"help" → the welcome card with numbered examples (${who})`, async () => {
        const shown = await session(who).say('help');
        assert.equal(shown.length, 1);
        assert.match(shown[0]?.text ?? '', /I manage Microsoft 365 and security groups/);
        const titles = shown[0]?.actions.map((a) => a.title) ?? [];
        assert.ok(titles.includes('who owns SecurityGroup101'), titles.join(', '));
        assert.deepEqual(
          shown[0]?.actions.map((a) => a.number),
          titles.map((_t, i) => i + 1),
        );
      });
    }

    it('out-of-domain text gets the closest things the bot can do as buttons, and help (never silence)', async () => {
      for (const text of ["what's the weather in Lisbon", 'tell me a joke', '¿dónde está la biblioteca?']) {
        const shown = await session('ana').say(text);
        const out = joined(shown);
        assert.match(out, /not sure what you meant/, text);
        assert.match(out, /Did you mean/, text);
        assert.ok((shown[0]?.actions.length ?? 0) >= 3, 'suggestion buttons are offered');
        assert.ok(
          shown[0]?.actions.some((a) => a.title === 'Show everything I can do'),
          'and a way to help',
        );
      }
    });

    it('text over 10,000 characters is refused politely, and 10,000 exactly is read', async () => {
      const long = await session('megan').say('x'.repeat(10_001));
      assert.match(joined(long), /10,001 characters long; I read at most 10,000/);
      const atLimit = await session('megan').say('x'.repeat(10_000));
      assert.doesNotMatch(joined(atLimit), /characters long/);
    });

    it('a welcome example button sends its text as if typed', async () => {
      const s = session('megan');
      await s.say('help');
      const shown = await click(s, /^who owns SecurityGroup101$/);
      assert.match(joined(shown), /Bob Kelly/);
    });
  });

  describe('plain user Ana', () => {
    it('"add me to SecurityGroup101", where she is already a member through Design Team: nothing to request', async () => {
      const s = session('ana');
      const said = await s.say('add me to SecurityGroup101');
      assert.match(joined(said), /already a member of 'SecurityGroup101' \(through 'Design Team'\)/);
      assert.ok(!(await memberIds(SG101.id)).includes(DEMO_USERS.ana.id), 'no direct membership was written');
    });

    it('"add me to Finance Readers", which she may not change: the owners are asked with a request card; nothing changes', async () => {
      const s = session('ana');
      const offer = await s.say('add me to Finance Readers');
      assert.match(joined(offer), /Ask to join Finance Readers/);
      const submit = s.currentActions()?.actions.find((a) => a.title === 'Submit request');
      assert.ok(submit, 'the card has Submit request');
      assert.equal(submit.verb, 'requestSubmit');
      assert.ok(!(await memberIds(DEMO_GROUPS.financeReaders.id)).includes(DEMO_USERS.ana.id));
    });

    it('can read what any member may read: "who owns SecurityGroup101"', async () => {
      assert.match(joined(await session('ana').say('who owns SecurityGroup101')), /Bob Kelly/);
    });
  });

  describe('owner Bob', () => {
    it('adds Ana Silva to the group he owns (SecurityGroup101)', async () => {
      const s = session('bob');
      await s.say('add ana@contoso.com to SecurityGroup101');
      const done = await click(s, /^Add$/);
      assert.match(joined(done), /Ana Silva \(ana@contoso\.com\) \| Added/);
      assert.ok((await memberIds(SG101.id)).includes(DEMO_USERS.ana.id));
    });

    it('cannot remove members of a group he does not own (Finance Readers)', async () => {
      const s = session('bob');
      await s.say('remove Pradeep from Finance Readers');
      const refused = await click(s, /^Remove$/);
      assert.match(joined(refused), /can't|cannot|permission/i);
      assert.ok((await memberIds(DEMO_GROUPS.financeReaders.id)).includes(DEMO_USERS.pradeep.id));
    });
  });

  describe('guest Pat', () => {
    for (const text of ['who is in Marketing', 'add me to Marketing', 'which groups is Ana in']) {
      it(`"${text}" is refused with a sentence that says why (guests cannot look up the directory)`, async () => {
        const out = joined(await session('pat').say(text));
        assert.match(
          out,
          /You don't have permission to look up people and groups in this directory \(guests often can't\)/,
        );
      });
    }

    it('cannot create a group: the form shows, the creation is refused, nothing is created', async () => {
      const s = session('pat');
      await s.say('create a security group called Pat Club');
      const summary = await click(s, /^Create group$/);
      assert.match(joined(summary), /Create the security group 'Pat Club'/);
      const refused = await click(s, /^Create$/);
      assert.match(joined(refused), /can't|cannot|permission|not allowed/i);
      const client = await emu.clientFor(DEMO_USERS.megan.upn);
      const found = (await client.api('/groups').filter("displayName eq 'Pat Club'").get()) as { value: unknown[] };
      assert.equal(found.value.length, 0);
    });
  });

  describe('admin Megan', () => {
    it('"add O\'Brien to Legal" resolves Liam O\'Brien (quote escaped in OData) and adds him', async () => {
      assert.ok(!(await memberIds(LEGAL.id)).includes(DEMO_USERS.liam.id));
      const s = session('megan');
      const ask = await s.say("add O'Brien to Legal");
      assert.match(joined(ask), /Add Liam O'Brien to 'Legal'/);
      const done = await click(s, /^Add$/);
      assert.match(joined(done), /Liam O'Brien \(liam\.obrien@contoso\.com\) \| Added/);
      assert.ok((await memberIds(LEGAL.id)).includes(DEMO_USERS.liam.id));
    });

    it('a confirmation runs once and its outcome card offers Undo (a second click is covered in member-add)', async () => {
      const s = session('megan');
      await s.say('add Diego to Legal');
      const first = await click(s, /^Add$/);
      assert.match(joined(first), /Diego Siciliani \(diego@contoso\.com\) \| Added/);
      assert.deepEqual(
        s.currentActions()?.actions.map((a) => a.title),
        ['Undo'],
        'the outcome card replaces the confirmation: its one button is Undo',
      );
      assert.ok((await memberIds(LEGAL.id)).includes(DEMO_USERS.diego.id));
    });

    it('a user unknown to the local directory is asked to sign in, not crashed', async () => {
      const stranger = new TerminalSession(
        { id: '00000000-0000-4000-8000-000000000001', upn: 'nobody@contoso.com', displayName: 'Nobody' },
        { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem },
        new LocalTokenSource(() => undefined),
        createLogger('warn', (l) => logLines.push(l)),
        () => undefined,
        { store },
      );
      assert.match(joined(await stranger.say('who owns Legal')), /Please sign in first/);
    });
  });

  describe('with a store', () => {
    it("has one background part whose tokens fall back to an owner's when the one preferred is gone", async () => {
      const store = await openStore({ memory: true });
      try {
        const ana = DEMO_USERS.ana;
        const s = new TerminalSession(
          { id: ana.id, upn: ana.upn, displayName: ana.displayName },
          { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem },
          new LocalTokenSource((id) => tokens.get(id)),
          createLogger('warn', (l) => logLines.push(l)),
          () => undefined,
          { store, tokenForUser: async (id) => tokens.get(id) },
        );
        assert.ok(s.background, 'built with the store and a token source');
        const found = await s.background.tokens.forGroup(SG101.id, ['00000000-0000-4000-8000-00000000dead'], {
          readers: [ana.id],
        });
        assert.equal(found?.userId, DEMO_USERS.bob.id.toLowerCase(), 'Bob owns SecurityGroup101');
      } finally {
        await store.close();
      }
    });

    it('has no background part without a token source for users outside their turn', () => {
      assert.equal(session('ana').background, undefined);
    });
  });

  describe('afterwards', () => {
    it('no turn failed and no token reached the log', () => {
      assert.ok(!logLines.some((l) => l.includes('turn.error')), logLines.join('\n'));
      for (const token of tokens.values()) assert.ok(!logLines.some((l) => l.includes(token)));
    });
  });
});
