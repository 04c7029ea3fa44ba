/**
 * BackgroundTokens against the real Graph emulator (demo tenant: Finance Readers is owned by Olga; Megan and Alex
 * are Global Administrators, Grace a Groups Administrator) and the real store (PGlite in memory). Tokens come as
 * local mode makes them (minted with the emulator's key); the token service's cache is played by `signedIn`:
 * only those users have a cached token, some with a short lifetime.
 */
import { strict as assert } from 'node:assert';
import { openStore, type Store } from '../../../bot/store';
import { createLogger } from '../../../bot/log';
import { BackgroundTokens, tokenExpiry } from '../../../bot/teams/background-tokens';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startHarness, type Harness } from '../commands/command-harness';

type Who = keyof typeof DEMO_USERS;
const FINANCE = DEMO_GROUPS.financeReaders.id;
const id = (who: Who): string => DEMO_USERS[who].id.toLowerCase();

describe('bot/teams/background-tokens', function () {
  this.timeout(30000);
  let harness: Harness;
  let store: Store;
  let signedIn: Map<string, number>;
  let lookups: string[];
  let logLines: string[];
  const issued: string[] = [];

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.stop();
  });
  beforeEach(async () => {
    store = await openStore({ memory: true });
    signedIn = new Map();
    lookups = [];
    logLines = [];
  });
  afterEach(async () => {
    await store.close();
  });

  function signIn(who: Who, lifetimeSeconds = 3600): void {
    signedIn.set(id(who), lifetimeSeconds);
  }

  function tokens(opts: { readersOf?: (groupId: string) => Promise<string[]> } = {}): BackgroundTokens {
    return new BackgroundTokens({
      tokenForUser: async (objectId) => {
        lookups.push(objectId);
        const user = Object.values(DEMO_USERS).find((u) => u.id.toLowerCase() === objectId.toLowerCase());
        const lifetime = signedIn.get(objectId.toLowerCase());
        if (!user || lifetime === undefined) return undefined;
        const token = await harness.emulator.issueToken(user.upn, { lifetimeSeconds: lifetime });
        issued.push(token);
        return token;
      },
      graph: { baseUrl: harness.emulator.baseUrl, caPem: harness.emulator.caPem },
      kv: store.keyValue,
      log: createLogger('debug', (line) => logLines.push(line)),
      ...opts,
    });
  }

  function assertNoTokenLogged(): void {
    for (const t of issued) assert.ok(!logLines.some((l) => l.includes(t)), 'a token reached the log');
  }

  it("uses a preferred user's token first, without reading the directory", async () => {
    signIn('lee');
    signIn('olga');
    const found = await tokens().forGroup(FINANCE, [DEMO_USERS.lee.id]);
    assert.equal(found?.userId, id('lee'));
    assert.equal(tokenExpiry(found?.token ?? '') !== undefined, true, 'a real minted token');
    assert.deepEqual(lookups, [DEMO_USERS.lee.id]);
  });

  it("falls back to another owner, read from Graph with a reader's token", async () => {
    signIn('bob'); // not an owner: can only read
    signIn('olga');
    const found = await tokens({ readersOf: async () => [id('bob')] }).forGroup(FINANCE, [DEMO_USERS.lee.id]);
    assert.equal(found?.userId, id('olga'));
    assert.ok(logLines.some((l) => l.includes('background.tokens.using') && l.includes('"via":"owner"')));
    assertNoTokenLogged();
  });

  it('falls back to an administrator when no owner has a token', async () => {
    signIn('bob');
    signIn('grace');
    const found = await tokens({ readersOf: async () => [id('bob')] }).forGroup(FINANCE, [DEMO_USERS.lee.id]);
    assert.equal(found?.userId, id('grace'), 'Grace is a Groups Administrator');
    assert.ok(lookups.includes(id('olga')), 'the owner was tried first');
    assert.ok(logLines.some((l) => l.includes('"via":"administrator"')));
  });

  it('skips a token that is about to expire', async () => {
    signIn('bob');
    signIn('olga', 30); // expires within the two minutes a job needs
    signIn('grace');
    const found = await tokens({ readersOf: async () => [id('bob')] }).forGroup(FINANCE, [DEMO_USERS.olga.id]);
    assert.equal(found?.userId, id('grace'));
    assert.ok(logLines.some((l) => l.includes('background.tokens.expired') && l.includes(id('olga'))));
    assertNoTokenLogged();
  });

  it('resolves to undefined when nobody who may do the work has a token', async () => {
    signIn('bob');
    const found = await tokens({ readersOf: async () => [id('bob')] }).forGroup(FINANCE, [DEMO_USERS.lee.id]);
    assert.equal(found, undefined);
    assert.ok(logLines.some((l) => l.includes('background.tokens.none')));
    assert.ok(lookups.includes(id('olga')) && lookups.includes(id('grace')), 'owners and administrators were tried');
  });

  it('remembers owners and administrators, so they are tried when nobody can read the directory', async () => {
    signIn('bob');
    await tokens({ readersOf: async () => [id('bob')] }).forGroup(FINANCE, [DEMO_USERS.lee.id]);
    signedIn.delete(id('bob'));
    signIn('olga');
    const found = await tokens().forGroup(FINANCE, [DEMO_USERS.lee.id]);
    assert.equal(found?.userId, id('olga'));
    assert.deepEqual(
      (await tokens().knownOwners(FINANCE)).map((o) => o.name),
      [DEMO_USERS.olga.displayName],
    );
  });

  it('never hands out a skipped user, but lets them read', async () => {
    signIn('olga');
    signIn('grace');
    const found = await tokens().forGroup(FINANCE, [DEMO_USERS.olga.id], { skip: [DEMO_USERS.olga.id] });
    assert.equal(found?.userId, id('grace'));
  });

  it('never throws: a failing token source and store mean undefined', async () => {
    const broken = new BackgroundTokens({
      tokenForUser: async () => {
        throw new Error('token service down');
      },
      graph: { baseUrl: harness.emulator.baseUrl, caPem: harness.emulator.caPem },
      kv: {
        getUnexpired: async () => {
          throw new Error('database down');
        },
        putExpiring: async () => {
          throw new Error('database down');
        },
      },
      log: createLogger('debug', (line) => logLines.push(line)),
    });
    assert.equal(await broken.forGroup(FINANCE, [DEMO_USERS.lee.id]), undefined);
    assert.ok(logLines.some((l) => l.includes('token service down')));
  });
});
