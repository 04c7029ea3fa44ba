/** PATCH /groups/{id} under concurrency: validation runs on the group as stored under the write lock. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import { useTestEmulator } from '../../support/emulator';
import { GLOBAL_ADMINISTRATOR } from '../../../graph-emulator/directory/directory-roles';
import { loadRuleEngine } from '../../../graph-emulator/directory/rule-engine';
import type { Caller, EmuResponse, HandlerContext, Services } from '../../../graph-emulator/http/request-context';
import { updateGroup } from '../../../graph-emulator/routes/group-update';
import { demoTenantMutations, tenantMeta } from '../../../graph-emulator/seed/demo-seed';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { openDatabase } from '../../../graph-emulator/store/database-open';
import { DirectoryStore } from '../../../graph-emulator/store/directory-store';
import { DriveStore } from '../../../graph-emulator/drive/drive-store';

type Obj = Record<string, unknown>;

describe('graph-emulator PATCH /groups/{id} concurrency', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let megan: Client;

  before(async () => {
    megan = await emu.clientFor('megan@contoso.com');
  });

  it('a PATCH racing a DELETE either lands before it or gets 404; the delete is never undone', async () => {
    const g = (await megan.api('/groups').post({
      displayName: 'Race delete',
      mailEnabled: false,
      mailNickname: 'racedelete',
      securityEnabled: true,
    })) as Obj;
    const results = await Promise.allSettled([
      megan.api(`/groups/${g.id as string}`).delete(),
      megan.api(`/groups/${g.id as string}`).patch({ description: 'late' }),
    ]);
    assert.equal(results[0].status, 'fulfilled');
    const deleted = (await megan.api(`/directory/deletedItems/${g.id as string}`).get()) as Obj;
    assert.equal(typeof deleted.deletedDateTime, 'string');
    if (results[1].status === 'rejected') assert.equal((results[1].reason as { statusCode: number }).statusCode, 404);
    else assert.equal(deleted.description, 'late');
  });
});

describe('graph-emulator updateGroup while the write lock is held', function () {
  this.timeout(60_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-emu-race-'));
  let store: DirectoryStore;
  let close: () => Promise<void>;

  before(async () => {
    const db = await openDatabase(dataDir);
    close = () => db.close();
    store = await DirectoryStore.load(db);
    await store.write((tx) => {
      for (const m of [...tenantMeta('demo'), ...demoTenantMutations()]) tx.stage(m);
    });
  });
  after(async () => {
    await close?.();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function patch(body: Obj): Promise<EmuResponse> {
    const caller: Caller = {
      user: store.users.get(DEMO_USERS.megan.id) as Caller['user'],
      scopes: new Set(['Group.ReadWrite.All']),
      roles: new Set([GLOBAL_ADMINISTRATOR]),
    };
    const services: Services = {
      store,
      tenant: {
        tenantId: 't',
        displayName: 'Contoso',
        domain: 'contoso.com',
        initialDomain: 'contoso.onmicrosoft.com',
      },
      rules: loadRuleEngine(),
      drives: new DriveStore(path.join(os.tmpdir(), 'groupbot-unused-drives'), () => undefined),
      baseUrl: 'https://localhost',
      dispatch: () => Promise.reject(new Error('not used')),
    };
    const ctx: HandlerContext = {
      req: {
        method: 'PATCH',
        path: `/groups/${DEMO_GROUPS.legal.id}`,
        query: new URLSearchParams(),
        headers: {},
        bodyText: JSON.stringify(body),
      },
      caller,
      params: { id: DEMO_GROUPS.legal.id },
      services,
    };
    return Promise.resolve(updateGroup(ctx));
  }

  it('two PATCHes of different properties queued behind another write both survive', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const holding = store.write(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    );
    await running;
    const first = patch({ description: 'changed by the first PATCH' });
    const second = patch({ displayName: 'Legal (renamed by the second PATCH)' });
    release();
    await holding;
    assert.deepEqual(
      (await Promise.all([first, second])).map((r) => r.status),
      [204, 204],
    );
    const g = store.groups.get(DEMO_GROUPS.legal.id);
    assert.equal(g?.description, 'changed by the first PATCH');
    assert.equal(g?.displayName, 'Legal (renamed by the second PATCH)');
  });
});
