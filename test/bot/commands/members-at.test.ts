/**
 * "was Bob in Marketing at …?" (membersAt with users) and "who joined / who left Marketing" (showHistory with
 * change), against the real Graph emulator and a PGlite store: changes made outside groupbot are recorded by the
 * poller, changes made through groupbot by the journal.
 */
import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { createLogger } from '../../../bot/log';
import { openStore, type Store } from '../../../bot/store';
import { pollDue, type PollerDeps } from '../../../bot/history/history-poller';
import { HistoryService } from '../../../bot/history/history-service';
import { JournalService } from '../../../bot/journal/journal-service';
import { MemoryPendingStore } from '../../../bot/commands/pending-memory';
import type { CommandContext } from '../../../bot/commands/context';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { personAt } from '../../../bot/commands/members-at';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { allText, buttonData } from './command-harness';
import { openTestServices } from '../../support/bot-services';

const U = DEMO_USERS;
const G = DEMO_GROUPS;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('bot/commands/members-at and history-show change', function () {
  this.timeout(120_000);

  it('personAt: member, owner, or not, per person', () => {
    const state = { members: ['a', 'b'], owners: ['b'] };
    const people = [
      { id: 'a', name: 'Ana' },
      { id: 'b', name: 'Bob' },
      { id: 'c', name: 'Cy' },
    ];
    assert.equal(
      personAt(people, state, 'G', 'noon'),
      "Yes: Ana was a member of 'G' at noon.\nYes: Bob was a member and an owner of 'G' at noon.\nNo: Cy was not in 'G' at noon.",
    );
  });

  describe('emulator and store', () => {
    let emu: TestEmulator;
    let store: Store;
    let megan: CommandContext;
    let deps: PollerDeps;
    let grace: Client;
    before(async () => {
      emu = await startTestEmulator();
      store = await openStore({ memory: true });
      grace = await emu.clientFor('grace@contoso.com');
      const token = await emu.token('megan@contoso.com');
      const log = createLogger('error');
      const upnOf = new Map(Object.values(DEMO_USERS).map((u) => [u.id, u.upn]));
      deps = {
        store,
        graph: { baseUrl: emu.baseUrl, caPem: emu.emulator.caPem },
        log,
        everySeconds: 1,
        tokenForUser: async (id) => (upnOf.has(id) ? emu.token(upnOf.get(id) as string) : undefined),
      };
      const services = await openTestServices({ graph: deps.graph, log, store });
      megan = services.context(
        { id: U.megan.id, displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com' },
        new GraphSession(
          createGraphClient({ baseUrl: emu.baseUrl, caPem: emu.emulator.caPem }, async () => token),
          { baseUrl: emu.baseUrl },
          async () => undefined,
        ),
        {
          pending: new MemoryPendingStore(),
          journal: new JournalService(store.journal, store.keyValue),
          history: new HistoryService(store, log, 1),
        },
      );
    });
    after(async () => {
      await closeGraphConnections();
      await store?.close();
      await emu?.stop();
    });

    it('one person at a time, and who joined or left (journal and outside changes)', async () => {
      await runIntent({ intent: 'watchGroup', groups: ['Marketing'] }, megan);
      await pause(50);
      const beforeBob = new Date();
      await pause(20);
      await grace.api(`/groups/${G.marketing.id}/members/$ref`).post({
        '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${U.bob.id}`,
      });
      const ask = await runIntent(
        { intent: 'removeMembers', users: ['François Dubois'], groups: ['Marketing'] },
        megan,
      );
      const yes = ask.replies.map((r) => buttonData(r, 'confirm')).find(Boolean);
      await continuePending(yes?.['pendingId'] as string, { confirmed: true }, megan);
      await pause(1100);
      await pollDue(deps);

      const then = await runIntent(
        {
          intent: 'membersAt',
          groups: ['Marketing'],
          users: ['Bob Kelly', 'Ana Silva'],
          when: beforeBob.toISOString(),
        },
        megan,
      );
      assert.match(allText(then), /No: Bob Kelly was not in 'Marketing' at /);
      assert.match(allText(then), /Yes: Ana Silva was a member of 'Marketing' at /);
      const now = await runIntent({ intent: 'membersAt', groups: ['Marketing'], users: ['Bob'], when: 'now' }, megan);
      assert.match(allText(now), /Yes: Bob Kelly was a member of 'Marketing'/);

      const joined = allText(await runIntent({ intent: 'showHistory', groups: ['Marketing'], change: 'added' }, megan));
      assert.match(joined, /who joined/);
      assert.match(joined, /Bob Kelly joined the members/);
      assert.doesNotMatch(joined, /François/);
      const left = allText(await runIntent({ intent: 'showHistory', groups: ['Marketing'], change: 'removed' }, megan));
      assert.match(left, /Removed François Dubois from Marketing/);
      assert.doesNotMatch(left, /Bob Kelly/);
    });
  });
});
