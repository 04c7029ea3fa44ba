/**
 * Delta queries on groups (docs/graph-behaviour.md, Delta) through the Graph JS client: initial round with paging,
 * `$select` kept by the tokens, `members@delta` with `@removed`, soft-deleted and purged groups,
 * `$deltatoken=latest`, the long form of the path, tokens surviving a restart, and bad tokens or options.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { rejectsWithGraphError } from '../graph-assert';

type Obj = Record<string, unknown>;
interface DeltaPage {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  value: Obj[];
}
const U = DEMO_USERS;
const G = DEMO_GROUPS;
const ref = (id: string): Obj => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

/** Follows nextLinks to the end of a round; returns every item and the deltaLink. */
async function round(
  client: Client,
  first: string,
  pageSize?: number,
): Promise<{ pages: DeltaPage[]; items: Obj[]; deltaLink: string }> {
  const pages: DeltaPage[] = [];
  let url: string | undefined = first;
  while (url) {
    const req = client.api(url);
    if (pageSize) req.header('Prefer', `odata.maxpagesize=${pageSize}`);
    const page = (await req.get()) as DeltaPage;
    pages.push(page);
    url = page['@odata.nextLink'];
    if (!url) assert.ok(page['@odata.deltaLink'], 'the last page carries a deltaLink');
    assert.ok(pages.length < 100, 'the round ends');
  }
  return { pages, items: pages.flatMap((p) => p.value), deltaLink: pages.at(-1)?.['@odata.deltaLink'] as string };
}

describe('graph-emulator GET /groups/delta', function () {
  this.timeout(90_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-delta-'));
  let emu: TestEmulator;
  let megan: Client;

  before(async () => {
    emu = await startTestEmulator({ dataDir });
    megan = await emu.clientFor('megan@contoso.com');
  });
  after(async () => {
    await closeGraphConnections();
    await emu?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('initial round: every live group over several pages, $select kept in the nextLinks, members@delta', async () => {
    const all = (await megan.api('/groups').select('id').top(999).get()) as { value: Obj[] };
    const r = await round(megan, '/groups/delta?$select=displayName,members', 5);
    assert.ok(r.pages.length > 2);
    for (const p of r.pages) assert.match(p['@odata.context'], /\/v1\.0\/\$metadata#groups\(displayName,members\)$/);
    for (const p of r.pages.slice(0, -1))
      assert.match(
        p['@odata.nextLink'] as string,
        /^https:\/\/localhost:\d+\/v1\.0\/groups\/delta\?\$skiptoken=[\w.-]+$/,
      );
    assert.match(r.deltaLink, /^https:\/\/localhost:\d+\/v1\.0\/groups\/delta\?\$deltatoken=[\w.-]+$/);
    assert.deepEqual(r.items.map((g) => g.id).sort(), all.value.map((g) => g.id).sort());
    assert.ok(
      !r.items.some((g) => g.id === G.oldProjectPhoenix.id),
      'soft-deleted groups are not in the initial round',
    );
    for (const g of r.items)
      assert.deepEqual(
        Object.keys(g)
          .filter((k) => k !== 'members@delta')
          .sort(),
        ['displayName', 'id'],
      );
    const design = r.items.find((g) => g.id === G.designTeam.id) as Obj;
    assert.deepEqual((design['members@delta'] as Obj[]).map((m) => m.id).sort(), [U.ana.id, U.lidia.id].sort());
    assert.equal((design['members@delta'] as Obj[])[0]?.['@odata.type'], '#microsoft.graph.user');
    const sg101 = r.items.find((g) => g.id === G.securityGroup101.id) as Obj;
    assert.ok(
      (sg101['members@delta'] as Obj[]).some(
        (m) => m.id === G.designTeam.id && m['@odata.type'] === '#microsoft.graph.group',
      ),
    );
  });

  it('next round: new, changed, soft-deleted and purged groups, membership adds and removals', async () => {
    const start = await round(megan, '/groups/delta?$select=displayName,description,members');
    const created = (await megan.api('/groups').post({
      displayName: 'Delta new',
      mailEnabled: false,
      mailNickname: 'deltanew',
      securityEnabled: true,
      'members@odata.bind': [`https://graph.microsoft.com/v1.0/directoryObjects/${U.bob.id}`],
    })) as Obj;
    await megan.api(`/groups/${G.legal.id}`).patch({ description: 'Legal, changed' });
    await megan.api(`/groups/${G.designTeam.id}/members/$ref`).post(ref(U.zoe.id));
    await megan.api(`/groups/${G.designTeam.id}/members/${U.lidia.id}/$ref`).delete();
    const doomed = (await megan.api('/groups').post({
      displayName: 'Delta doomed',
      mailEnabled: false,
      mailNickname: 'deltadoomed',
      securityEnabled: true,
    })) as Obj;
    const purged = (await megan.api('/groups').post({
      displayName: 'Delta purged',
      mailEnabled: false,
      mailNickname: 'deltapurged',
      securityEnabled: true,
    })) as Obj;
    const r0 = await round(megan, start.deltaLink);
    assert.ok(r0.items.some((g) => g.id === doomed.id) && r0.items.some((g) => g.id === purged.id));
    await megan.api(`/groups/${doomed.id as string}`).delete();
    await megan.api(`/groups/${purged.id as string}`).delete();
    await megan.api(`/directory/deletedItems/${purged.id as string}`).delete();

    const r = await round(megan, start.deltaLink);
    for (const p of r.pages)
      assert.match(p['@odata.context'], /#groups\(displayName,description,members\)$/, 'the deltaLink kept $select');
    const byId = new Map(r.items.map((g) => [g.id as string, g]));
    const neu = byId.get(created.id as string) as Obj;
    assert.equal(neu.displayName, 'Delta new');
    assert.deepEqual(neu['members@delta'], [{ '@odata.type': '#microsoft.graph.user', id: U.bob.id }]);
    assert.equal(byId.get(G.legal.id)?.description, 'Legal, changed');
    const design = byId.get(G.designTeam.id) as Obj;
    assert.deepEqual(design['members@delta'], [
      { '@odata.type': '#microsoft.graph.user', id: U.zoe.id },
      { '@odata.type': '#microsoft.graph.user', id: U.lidia.id, '@removed': { reason: 'deleted' } },
    ]);
    assert.deepEqual(byId.get(doomed.id as string), { id: doomed.id, '@removed': { reason: 'changed' } });
    assert.deepEqual(byId.get(purged.id as string), { id: purged.id, '@removed': { reason: 'deleted' } });
    assert.ok(!byId.has(G.outlookGroup101.id), 'unchanged groups are left out');

    const again = await round(megan, r.deltaLink);
    assert.deepEqual(again.items, [], 'nothing changed since the last deltaLink');
  });

  it('membership-only changes are left out without members in $select; the long form works; $deltatoken=latest', async () => {
    const latest = (await megan.api('/groups/microsoft.graph.delta?$deltatoken=latest').get()) as DeltaPage;
    assert.deepEqual(latest.value, []);
    assert.match(latest['@odata.deltaLink'] as string, /\/v1\.0\/groups\/microsoft\.graph\.delta\?\$deltatoken=/);
    await megan.api(`/groups/${G.sales.id}/members/$ref`).post(ref(U.megan.id));
    await megan.api(`/groups/${G.financeReaders.id}`).patch({ description: 'Finance, changed' });
    const r = await round(megan, latest['@odata.deltaLink'] as string);
    assert.deepEqual(
      r.items.map((g) => g.id),
      [G.financeReaders.id],
    );
    assert.equal(r.items[0]?.description, 'Finance, changed');
    assert.equal(r.items[0]?.['@odata.type'], undefined);
    assert.ok('mailNickname' in (r.items[0] as Obj), 'no $select: the default shape');
  });

  it('a deltaLink taken before a restart still works after it', async () => {
    const latest = (await megan.api('/groups/delta?$deltatoken=latest&$select=displayName,members').get()) as DeltaPage;
    const token = new URL(latest['@odata.deltaLink'] as string).searchParams.get('$deltatoken') as string;
    await megan.api(`/groups/${G.researchAndDevelopment.id}`).patch({ displayName: 'R&D' });
    await emu.stop();
    emu = await startTestEmulator({ dataDir });
    megan = await emu.clientFor('megan@contoso.com');
    const r = await round(megan, `/groups/delta?$deltatoken=${token}`);
    assert.deepEqual(r.items, [{ id: G.researchAndDevelopment.id, displayName: 'R&D' }]);
  });

  it('400 for an edited token, unsupported options and guests get 403', async () => {
    const latest = (await megan.api('/groups/delta?$deltatoken=latest').get()) as DeltaPage;
    const token = new URL(latest['@odata.deltaLink'] as string).searchParams.get('$deltatoken') as string;
    const edited = `${token.slice(0, 3)}${token[3] === 'A' ? 'B' : 'A'}${token.slice(4)}`;
    await rejectsWithGraphError(
      megan.api(`/groups/delta?$deltatoken=${edited}`).get(),
      400,
      'Request_BadRequest',
      /delta token is invalid/,
    );
    await rejectsWithGraphError(megan.api('/groups/delta?$skiptoken=garbage').get(), 400, 'Directory_ExpiredPageToken');
    await rejectsWithGraphError(
      megan.api('/groups/delta').filter("displayName eq 'Sales'").get(),
      400,
      'Request_UnsupportedQuery',
    );
    await rejectsWithGraphError(megan.api('/groups/delta?$select=nope').get(), 400, 'Request_BadRequest');
    const pat = await emu.clientFor(U.pat.upn);
    await rejectsWithGraphError(pat.api('/groups/delta').get(), 403, 'Authorization_RequestDenied');
  });
});
