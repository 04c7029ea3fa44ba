/**
 * The hygiene scan against the emulator's demo tenant, with a few groups made untidy first: a security group
 * a Global Administrator created without owners (members Ana, Bob, the disabled Raul and the guest Pat), and an
 * empty one. Administrators see the whole tenant; an owner sees the groups they own.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { scanHygiene, firstAdds } from '../../../bot/hygiene/hygiene-scan';
import type { HygieneReport, HygieneSectionKey } from '../../../bot/hygiene/hygiene-report';
import type { CommandContext } from '../../../bot/commands/context';
import type { JournalSink } from '../../../bot/journal/journal-sink';
import type { JournalEntry } from '../../../bot/store/types';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

const section = (r: HygieneReport, key: HygieneSectionKey) => {
  const s = r.sections.find((x) => x.key === key);
  assert.ok(s, `section ${key}`);
  return s;
};

/** A journal that knows only `member.add` entries: user id → when added. */
function journalOf(groupId: string, adds: Record<string, string>): Pick<JournalSink, 'history'> {
  const entries = Object.entries(adds).map(
    ([userId, at], i) =>
      ({
        id: `j${i}`,
        seq: i + 1,
        at: new Date(at),
        action: 'member.add',
        result: 'succeeded',
        group: { id: groupId, name: 'g' },
        target: { id: userId, name: userId },
      }) as unknown as JournalEntry,
  );
  return { history: async (id) => ({ entries: id === groupId ? [...entries].reverse() : [] }) };
}

describe('bot/hygiene scan (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  let megan: CommandContext;
  let orphanId = '';
  let emptyId = '';

  before(async () => {
    h = await startHarness();
    megan = await h.ctx(UPN.megan);
    const make = async (displayName: string, mailNickname: string): Promise<string> =>
      (
        await megan.graph.post<{ id: string }>('/groups', {
          displayName,
          mailNickname,
          mailEnabled: false,
          securityEnabled: true,
        })
      ).id;
    orphanId = await make('Orphan Squad', 'orphansquad');
    emptyId = await make('Empty Shell', 'emptyshell');
    for (const u of [DEMO_USERS.raul, DEMO_USERS.pat, DEMO_USERS.bob, DEMO_USERS.ana]) {
      await megan.graph.post(`/groups/${orphanId}/members/$ref`, { '@odata.id': megan.graph.directoryObjectUrl(u.id) });
    }
    // Megan owns no security group she created, so the empty one gets an owner to keep "ownerless" to one line.
    await megan.graph.post(`/groups/${emptyId}/owners/$ref`, {
      '@odata.id': megan.graph.directoryObjectUrl(DEMO_USERS.olga.id),
    });
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('shows an administrator every section of the tenant, in few round trips', async () => {
    // Members are counted 20 groups per $batch (no $expand, which Graph caps at 100 groups a page).
    const groups = Number(await megan.graph.get<unknown>('/groups/$count', { eventual: true }));
    await h.resetStats();
    const r = await scanHygiene({ session: megan.graph, now: new Date(), expiringDays: 30, maxLines: 8 });
    const trips = await h.requests();
    assert.equal(r.scope, 'tenant');
    assert.deepEqual(
      r.sections.map((s) => s.key),
      ['ownerless', 'expiring', 'empty', 'guests', 'disabled', 'licenceErrors'],
    );
    assert.ok(trips <= 9 + Math.ceil(groups / 20), `${trips} round trips for ${groups} groups`);

    const ownerless = section(r, 'ownerless');
    assert.deepEqual(
      ownerless.lines.map((l) => l.groupName),
      ['Orphan Squad', 'Vendor Portal Access'],
    );
    // Raul is disabled and Pat a guest: of Ana and Bob, Ana comes first by name (the journal knows neither).
    assert.deepEqual(ownerless.lines[0]?.fix, {
      kind: 'makeOwner',
      userId: DEMO_USERS.ana.id,
      userName: DEMO_USERS.ana.displayName,
    });

    const expiring = section(r, 'expiring');
    assert.deepEqual(
      expiring.lines.map((l) => l.groupName),
      ['OutlookGroup101', 'Marketing'],
      'soonest first; Project Falcon (80 days) is out',
    );
    assert.deepEqual(
      expiring.lines.map((l) => l.detail),
      ['expires in 5 days', 'expires in 20 days'],
    );
    assert.ok(expiring.lines.every((l) => l.fix?.kind === 'renew' && typeof l.at === 'string'));

    assert.deepEqual(
      section(r, 'empty').lines.map((l) => l.groupId),
      [emptyId],
    );
    const guests = section(r, 'guests');
    assert.deepEqual(
      guests.lines.map((l) => [l.groupName, l.detail]),
      [
        ['Orphan Squad', '1 guest: Pat Partner'],
        ['Vendor Portal Access', '1 guest: Pat Partner'],
      ],
    );

    const disabled = section(r, 'disabled');
    assert.deepEqual(
      disabled.lines.map((l) => l.groupName),
      ['Orphan Squad', 'Seattle Employees'],
    );
    assert.deepEqual(disabled.lines[0]?.fix, {
      kind: 'removeMember',
      userId: DEMO_USERS.raul.id,
      userName: 'Raul Razo',
    });
    assert.equal(disabled.lines[1]?.fix, undefined, 'a dynamic group keeps its members by rule: no Remove');
  });

  it('suggests the member the journal saw added first, before names', async () => {
    const journal = journalOf(orphanId, {
      [DEMO_USERS.bob.id]: '2026-01-02T00:00:00Z',
      [DEMO_USERS.raul.id]: '2025-01-01T00:00:00Z',
    });
    const r = await scanHygiene({ session: megan.graph, now: new Date(), expiringDays: 30, maxLines: 8, journal });
    const fix = section(r, 'ownerless').lines[0]?.fix;
    assert.ok(fix && fix.kind === 'makeOwner');
    assert.equal(
      fix.userId,
      DEMO_USERS.bob.id,
      'Bob was added first of the enabled member-type users (Raul is disabled)',
    );
  });

  it('caps each section at the configured number of lines and counts the rest', async () => {
    const r = await scanHygiene({ session: megan.graph, now: new Date(), expiringDays: 200, maxLines: 1 });
    const expiring = section(r, 'expiring');
    assert.equal(expiring.lines.length, 1);
    assert.equal(expiring.total, 4, 'OutlookGroup101, Marketing, Project Falcon and Sales within 200 days');
  });

  it('shows an owner only the groups they own, without the ownerless section', async () => {
    const olga = await h.ctx('olga@contoso.com');
    const r = await scanHygiene({ session: olga.graph, now: new Date(), expiringDays: 30, maxLines: 8 });
    assert.equal(r.scope, 'owned');
    assert.deepEqual(
      r.sections.map((s) => s.key),
      ['expiring', 'empty', 'guests', 'disabled', 'licenceErrors'],
    );
    assert.deepEqual(
      section(r, 'expiring').lines.map((l) => l.groupName),
      ['Marketing'],
      'not OutlookGroup101, which Olga does not own',
    );
    assert.deepEqual(
      section(r, 'empty').lines.map((l) => l.groupName),
      ['Empty Shell'],
    );
    assert.equal(section(r, 'guests').total, 0);
  });

  it('reads the earliest add per person from the journal, ignoring failures and other actions', async () => {
    const entries = [
      {
        action: 'member.add',
        result: 'succeeded',
        at: new Date('2026-03-01T00:00:00Z'),
        target: { id: 'A', name: 'a' },
      },
      {
        action: 'member.add',
        result: 'succeeded',
        at: new Date('2026-02-01T00:00:00Z'),
        target: { id: 'a', name: 'a' },
      },
      { action: 'member.add', result: 'failed', at: new Date('2025-01-01T00:00:00Z'), target: { id: 'b', name: 'b' } },
      {
        action: 'owner.add',
        result: 'succeeded',
        at: new Date('2025-01-01T00:00:00Z'),
        target: { id: 'c', name: 'c' },
      },
    ] as unknown as JournalEntry[];
    const adds = await firstAdds({ history: async () => ({ entries }) }, DEMO_GROUPS.marketing.id);
    assert.deepEqual([...adds.entries()], [['a', new Date('2026-02-01T00:00:00Z')]]);
  });
});
