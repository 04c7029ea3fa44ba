/**
 * The delayed licence check end to end, with the emulator and a real embedded store: the confirmed assignment
 * schedules it in the store; after a restart (the store closed and opened again by a new instance) the sweep runs
 * it once even when two sweepers race, reads the group's members with licence errors with the assigner's token,
 * and tells the assigner in their conversation who got no licence and why. Without the assigner's token it uses
 * the fallback (another owner's or an administrator's token), or puts the check back and finally drops it.
 * The Teams channel is the one boundary played here: `post` records what would be sent.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startHarness, UPN, allText, buttonData, type Harness } from '../commands/command-harness';
import { runIntent, continuePending } from '../../../bot/commands/dispatch';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import { openStore, type Store } from '../../../bot/store';
import { LicenceCheckStore } from '../../../bot/licences/license-check-store';
import { sweepLicenceChecks, type LicenceCheckSweepDeps } from '../../../bot/licences/license-check-sweep';
import { createLogger } from '../../../bot/log';
import { DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';

const U = DEMO_USERS;

function confirmId(o: Outcome): string {
  for (const r of o.replies) {
    const d = buttonData(r, 'confirm');
    if (d && typeof d.pendingId === 'string') return d.pendingId;
  }
  throw new Error(`no confirm button in: ${allText(o)}`);
}

describe('bot/licences license-check sweep (emulator, store, restart)', function () {
  this.timeout(180_000);
  let h: Harness;
  let ctx: CommandContext;
  let dataDir: string;
  let store: Store;
  let posts: { conversationId: string; text: string }[];

  const session = (token: string) =>
    new GraphSession(
      createGraphClient({ baseUrl: h.emulator.baseUrl, caPem: h.emulator.caPem }, async () => token),
      {
        baseUrl: h.emulator.baseUrl,
      },
    );
  const deps = (
    checks: LicenceCheckStore,
    at: Date,
    over: Partial<LicenceCheckSweepDeps> = {},
  ): LicenceCheckSweepDeps => ({
    store: checks,
    tokenFor: async (userId) => (userId === U.megan.id ? h.emulator.issueToken(UPN.megan) : undefined),
    sessionFor: session,
    post: async (conversationId, text) => {
      posts.push({ conversationId, text });
      return true;
    },
    log: createLogger('error', () => undefined),
    clock: () => at,
    ...over,
  });

  async function assignWithCheck(groupName: string, license: string, checks: LicenceCheckStore, conv: string) {
    const here: CommandContext = { ...ctx, licenceChecks: checks, conversation: { id: conv, kind: 'personal' } };
    const ask = await runIntent({ intent: 'assignLicense', groups: [groupName], license }, here);
    return continuePending(confirmId(ask), { confirmed: true }, here);
  }

  async function createGroup(name: string, users: { id: string }[]): Promise<void> {
    await ctx.graph.post('/groups', {
      displayName: name,
      mailNickname: name.replace(/\W/g, '').toLowerCase(),
      mailEnabled: false,
      securityEnabled: true,
      'members@odata.bind': users.map((u) => ctx.graph.directoryObjectUrl(u.id)),
    });
  }

  before(async () => {
    h = await startHarness();
    ctx = await h.ctx(UPN.megan);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupbot-licence-check-'));
    store = await openStore({ dataDir });
    await createGroup('Licence Check Pilot', [U.adele, U.nestor, U.debra, U.christie, U.diego]);
    await createGroup('Licence Check Small', [U.lee, U.patti]);
    await createGroup('Licence Check Tokens', [U.miriam]);
  });
  beforeEach(() => {
    posts = [];
  });
  after(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await h.stop();
    await closeGraphConnections();
  });

  it('survives a restart, runs once across two racing sweepers, and tells the asker who got no licence and why', async () => {
    const first = new LicenceCheckStore(store.keyValue, { delaySeconds: 1 });
    const done = await assignWithCheck('Licence Check Pilot', 'EMS', first, 'conv-megan');
    assert.match(allText(done), /I'll check in a minute or so/);
    const assignedAt = new Date();
    // Not due yet: nothing is sent.
    assert.deepEqual(await sweepLicenceChecks(deps(first, assignedAt)), { due: 0, told: 0, postponed: 0, dropped: 0 });

    // The instance stops; a new one opens the same store.
    await store.close();
    store = await openStore({ dataDir });
    const later = new Date(assignedAt.getTime() + 5_000);
    const a = new LicenceCheckStore(store.keyValue, { delaySeconds: 1 });
    const b = new LicenceCheckStore(store.keyValue, { delaySeconds: 1 });
    const [ra, rb] = await Promise.all([sweepLicenceChecks(deps(a, later)), sweepLicenceChecks(deps(b, later))]);
    assert.equal(ra.told + rb.told, 1, 'exactly one sweeper tells');
    assert.equal(posts.length, 1);

    // The two members beyond EMS's 3 seats, as Graph lists them.
    const failing = (
      (await ctx.graph.get(
        `/groups/${await groupId('Licence Check Pilot')}/membersWithLicenseErrors?$select=displayName`,
      )) as { value: { displayName: string }[] }
    ).value
      .map((m) => m.displayName)
      .sort();
    assert.equal(failing.length, 2);
    assert.equal(posts[0]?.conversationId, 'conv-megan');
    assert.equal(
      posts[0]?.text,
      `2 people did not get Enterprise Mobility + Security E3 from 'Licence Check Pilot': not enough seats (CountViolation): ${failing.join(', ')}. Free or buy seats; Entra gives them the licence when it processes the group again.`,
    );
    assert.deepEqual(await a.all(later), [], 'the check is gone once told');
    assert.equal((await sweepLicenceChecks(deps(a, new Date(later.getTime() + 60_000)))).told, 0, 'never told twice');
  });

  it('says so when everyone got the licence', async () => {
    const checks = new LicenceCheckStore(store.keyValue, { delaySeconds: 1 });
    await assignWithCheck('Licence Check Small', 'SPE_E3', checks, 'conv-small');
    await sweepLicenceChecks(deps(checks, new Date(Date.now() + 5_000)));
    assert.deepEqual(posts, [
      {
        conversationId: 'conv-small',
        text: "Entra has processed Microsoft 365 E3 on 'Licence Check Small': no member reported a licence error.",
      },
    ]);
  });

  it("uses the fallback token when the asker's is gone; without one it retries later, then drops the check", async () => {
    const checks = new LicenceCheckStore(store.keyValue, { delaySeconds: 1 });
    await assignWithCheck('Licence Check Tokens', 'SPE_E3', checks, 'conv-tokens');
    const at = new Date(Date.now() + 5_000);
    const noToken = { tokenFor: async () => undefined };
    const r1 = await sweepLicenceChecks(deps(checks, at, { ...noToken, maxAttempts: 2, retrySeconds: 30 }));
    assert.deepEqual(r1, { due: 1, told: 0, postponed: 1, dropped: 0 });
    const [kept] = await checks.all(at);
    assert.equal(kept?.attempts, 1);
    assert.equal(kept?.dueAt, new Date(at.getTime() + 30_000).toISOString());
    assert.equal((await sweepLicenceChecks(deps(checks, at, noToken))).due, 0, 'not due again before its time');

    // The fallback (BackgroundTokens.forGroup in the bot) hands out an administrator's token.
    const asked: { groupId: string; preferred: readonly string[] }[] = [];
    const withFallback = await sweepLicenceChecks(
      deps(checks, new Date(at.getTime() + 31_000), {
        ...noToken,
        fallbackToken: async (groupId, preferred) => {
          asked.push({ groupId, preferred });
          return { userId: U.alex.id, token: await h.emulator.issueToken(U.alex.upn) };
        },
      }),
    );
    assert.equal(withFallback.told, 1);
    assert.deepEqual(asked, [{ groupId: await groupId('Licence Check Tokens'), preferred: [U.megan.id] }]);
    assert.match(posts[0]?.text ?? '', /no member reported a licence error/);

    // No token at all: after maxAttempts the check is dropped (logged), not retried forever.
    await assignWithCheck('Licence Check Tokens', 'E5', checks, 'conv-tokens');
    const t0 = new Date(Date.now() + 5_000);
    assert.equal(
      (await sweepLicenceChecks(deps(checks, t0, { ...noToken, maxAttempts: 2, retrySeconds: 1 }))).postponed,
      1,
    );
    const t1 = new Date(t0.getTime() + 2_000);
    assert.equal(
      (await sweepLicenceChecks(deps(checks, t1, { ...noToken, maxAttempts: 2, retrySeconds: 1 }))).dropped,
      1,
    );
    assert.deepEqual(await checks.all(t1), []);
  });

  async function groupId(name: string): Promise<string> {
    const page = (await ctx.graph.get(`/groups?$filter=displayName eq '${name}'&$select=id`)) as {
      value: { id: string }[];
    };
    return page.value[0]?.id ?? '';
  }
});
