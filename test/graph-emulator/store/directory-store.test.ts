/**
 * DirectoryStore: writes grouped by writeTogether (one commit, each write failing alone), the set of active
 * dynamic groups and the consumed-units counters kept on every write, all checked in memory and after a reload
 * from PGlite.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createEffectHook } from '../../../graph-emulator/directory/derived-effects';
import { buildGroup } from '../../../graph-emulator/directory/object-factory';
import { loadRuleEngine } from '../../../graph-emulator/directory/rule-engine';
import { demoTenantMutations, tenantMeta } from '../../../graph-emulator/seed/demo-seed';
import { DEMO_DOMAIN, DEMO_GROUPS, DEMO_INITIAL_DOMAIN, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { openDatabase } from '../../../graph-emulator/store/database-open';
import { DirectoryStore } from '../../../graph-emulator/store/directory-store';

const U = DEMO_USERS;
const G = DEMO_GROUPS;

describe('graph-emulator DirectoryStore', function () {
  this.timeout(60_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-store-'));
  let db: PGlite;
  let store: DirectoryStore;

  async function open(): Promise<DirectoryStore> {
    db = await openDatabase(dataDir);
    store = await DirectoryStore.load(db);
    store.setEffectHook(createEffectHook(loadRuleEngine()));
    return store;
  }

  async function reload(): Promise<DirectoryStore> {
    await db.close();
    return open();
  }

  before(async () => {
    await open();
    await store.write((tx) => {
      for (const m of [...tenantMeta('demo'), ...demoTenantMutations()]) tx.stage(m);
    });
  });
  after(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writeTogether commits the writes that succeeded in one go; a failing write leaves no trace', async () => {
    const gid = G.financeReaders.id;
    const seqBefore = store.changeSeq;
    const outcomes = await store.writeTogether(async () =>
      Promise.allSettled([
        store.write((tx) => tx.stage({ op: 'link', rel: 'member', src: gid, dst: U.liam.id })),
        store.write((tx) => {
          tx.stage({ op: 'link', rel: 'member', src: gid, dst: U.jose.id });
          throw new Error('step refused');
        }),
        store.write((tx) => tx.stage({ op: 'link', rel: 'member', src: gid, dst: U.ngoc.id })),
      ]),
    );
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(store.changeSeq, seqBefore + 2, 'one change per committed link');
    const reloaded = await reload();
    const members = new Set(reloaded.membersOf(gid));
    assert.ok(members.has(U.liam.id) && members.has(U.ngoc.id), 'the successful writes are on disk');
    assert.equal(members.has(U.jose.id), false, 'the failed write left nothing');
    assert.equal(reloaded.changeSeq, seqBefore + 2);
  });

  it('writeTogether rolls back every write when the commit fails', async () => {
    const gid = G.financeReaders.id;
    const seqBefore = store.changeSeq;
    await assert.rejects(
      store.writeTogether(async () => {
        await store.write((tx) => tx.stage({ op: 'link', rel: 'member', src: gid, dst: U.zoe.id }));
        // PostgreSQL text cannot hold NUL: the shared commit fails after both writes were staged.
        await store.write((tx) => tx.stage({ op: 'setMeta', key: 'bad', value: 'a\u0000b' }));
      }),
    );
    assert.equal(store.members.get(gid)?.has(U.zoe.id) ?? false, false, 'memory rolled back');
    assert.equal(store.meta.has('bad'), false);
    assert.equal(store.changeSeq, seqBefore);
    const reloaded = await reload();
    assert.equal(reloaded.members.get(gid)?.has(U.zoe.id) ?? false, false, 'nothing reached the disk');
    // The store still takes writes afterwards.
    await reloaded.write((tx) => tx.stage({ op: 'link', rel: 'member', src: gid, dst: U.zoe.id }));
    assert.ok(reloaded.members.get(gid)?.has(U.zoe.id));
  });

  it('keeps the set of active dynamic groups on create, pause, resume and delete (and after a reload)', async () => {
    const seeded = new Set(store.activeDynamicGroups().map((g) => g.id));
    assert.ok(seeded.has(G.marketingDepartment.id) && seeded.has(G.seattleEmployees.id));
    const id = '0d1e2f30-4a5b-4c6d-8e7f-90a1b2c3d4e5';
    const init = {
      id,
      displayName: 'Dynamic probe',
      mailNickname: 'dynamicprobe',
      kind: 'security' as const,
      dynamic: true,
      membershipRule: 'user.city -eq "Paris"',
      domain: DEMO_DOMAIN,
      initialDomain: DEMO_INITIAL_DOMAIN,
    };
    await store.write((tx) => tx.stage({ op: 'putGroup', group: buildGroup(init) }));
    assert.ok(store.activeDynamic.has(id));
    assert.deepEqual(store.membersOf(id), [U.francois.id], 'evaluated on create');
    await store.write((tx) => tx.stage({ op: 'putGroup', group: buildGroup({ ...init, ruleState: 'Paused' }) }));
    assert.equal(store.activeDynamic.has(id), false, 'Paused is not active');
    await store.write((tx) => tx.stage({ op: 'putGroup', group: buildGroup({ ...init, ruleState: 'On' }) }));
    assert.ok((await reload()).activeDynamic.has(id), 'rebuilt on load');
    await store.write((tx) =>
      tx.stage({ op: 'putGroup', group: { ...buildGroup(init), deletedDateTime: '2024-05-01T00:00:00Z' } }),
    );
    assert.equal(store.activeDynamic.has(id), false, 'soft-deleted is not active');
    await assert.rejects(
      store.write((tx) => {
        tx.stage({ op: 'putGroup', group: buildGroup(init) });
        throw new Error('aborted');
      }),
    );
    assert.equal(store.activeDynamic.has(id), false, 'a rolled-back restore leaves it inactive');
  });

  it('counts consumed units per SKU on every user write, as a scan would', async () => {
    const scan = (skuId: string) =>
      [...store.users.values()].filter((u) => u.assignedLicenses.some((l) => l.skuId === skuId)).length;
    const skuIds = [...store.skus.values()].map((s) => s.skuId);
    for (const skuId of skuIds) assert.equal(store.consumedUnits(skuId), scan(skuId));
    const sku = skuIds[0] as string;
    const before = store.consumedUnits(sku);
    const liam = store.users.get(U.liam.id);
    assert.ok(liam);
    await store.write((tx) =>
      tx.stage({
        op: 'putUser',
        user: {
          ...liam,
          assignedLicenses: [
            { skuId: sku, disabledPlans: [] },
            { skuId: sku, disabledPlans: [] },
          ],
        },
      }),
    );
    assert.equal(store.consumedUnits(sku), before + 1, 'a user holding a SKU twice consumes one unit');
    await store.write((tx) => tx.stage({ op: 'putUser', user: liam }));
    assert.equal(store.consumedUnits(sku), before);
    for (const skuId of skuIds) assert.equal(store.consumedUnits(skuId), scan(skuId));
  });
});
