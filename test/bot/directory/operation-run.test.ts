/**
 * bot/directory writes against the Graph emulator, whose base URL (https://localhost:<port>) is not Graph's: every
 * absolute reference the bot sends (`@odata.id`, `@odata.bind`) must be built from the configured base URL.
 */
import { strict as assert } from 'node:assert';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator';
import { closeGraphConnections, createGraphClient } from '../../../bot/directory/graph-client';
import { GraphSession } from '../../../bot/directory/graph-session';
import { runOperations } from '../../../bot/directory/operation-run';
import { writeMembership } from '../../../bot/directory/members-bulk-write';
import { createGroup, deleteGroup } from '../../../bot/directory/groups-write';
import { getGroup, listRelation } from '../../../bot/directory/groups-read';
import { useTestEmulator } from '../../support/emulator';

const ANA = DEMO_USERS.ana.id;
const DIEGO = DEMO_USERS.diego.id;
const SECURITY = DEMO_GROUPS.securityGroup101.id;

/** A real session that also keeps every body it POSTs (the $batch envelopes included). */
class BodyKeepingSession extends GraphSession {
  readonly posted: unknown[] = [];
  override async post<T>(path: string, body: unknown, ctx = {}): Promise<T> {
    this.posted.push(body);
    return super.post<T>(path, body, ctx);
  }
}

describe('bot/directory writes use the configured Graph base URL (emulator)', function () {
  this.timeout(60_000);
  const emu = useTestEmulator();
  let session: BodyKeepingSession;

  before(async () => {
    const token = await emu.token('megan@contoso.com');
    session = new BodyKeepingSession(
      createGraphClient({ baseUrl: emu.baseUrl, caPem: emu.emulator.caPem }, async () => token),
      { baseUrl: emu.baseUrl },
    );
  });
  after(async () => {
    await closeGraphConnections();
  });

  const memberIds = async (groupId: string): Promise<string[]> =>
    (await listRelation(session, groupId, 'members')).items.map((m) => m.id);

  it('adds a member by an @odata.id on the emulator, not on graph.microsoft.com', async () => {
    const [r] = await runOperations(session, [{ kind: 'addMember', groupId: SECURITY, principalId: ANA }]);
    assert.equal(r?.status, 204, r?.error?.message);
    assert.deepEqual(session.posted.at(-1), { '@odata.id': `${emu.baseUrl}/v1.0/directoryObjects/${ANA}` });
    assert.ok((await memberIds(SECURITY)).includes(ANA));
    const [back] = await runOperations(session, [{ kind: 'removeMember', groupId: SECURITY, principalId: ANA }]);
    assert.equal(back?.status, 204);
    assert.ok(!(await memberIds(SECURITY)).includes(ANA));
  });

  it('builds every $batch step of a bulk add from the same base URL', async () => {
    session.posted.length = 0;
    const group = await getGroup(session, SECURITY);
    const out = await writeMembership(session, group, 'members', 'add', [
      { id: ANA, displayName: 'Ana Silva', type: 'user' },
      { id: DIEGO, displayName: 'Diego Siciliani', type: 'user' },
    ]);
    assert.deepEqual(
      out.map((o) => o.result),
      ['added', 'added'],
    );
    const steps = (session.posted[0] as { requests: { body?: Record<string, string[]> }[] }).requests;
    assert.deepEqual(
      steps.map((s) => s.body?.['members@odata.bind']),
      [[ANA, DIEGO].map((id) => `${emu.baseUrl}/v1.0/directoryObjects/${id}`)],
    );
    const undone = await runOperations(
      session,
      [ANA, DIEGO].map((id) => ({ kind: 'removeMember' as const, groupId: SECURITY, principalId: id })),
    );
    assert.deepEqual(
      undone.map((r) => r.status),
      [204, 204],
    );
  });

  it("binds a new group's members with users on the emulator", async () => {
    session.posted.length = 0;
    const g = await createGroup(session, {
      displayName: 'Base URL Check',
      mailNickname: 'baseurlcheck',
      kind: 'security',
      memberIds: [ANA],
    });
    assert.deepEqual((session.posted[0] as Record<string, unknown>)['members@odata.bind'], [
      `${emu.baseUrl}/v1.0/users/${ANA}`,
    ]);
    assert.deepEqual(await memberIds(g.id), [ANA]);
    await deleteGroup(session, g.id);
  });

  it('reports a refused operation with its mapped error, and the others still run', async () => {
    const out = await runOperations(session, [
      { kind: 'removeMember', groupId: SECURITY, principalId: ANA },
      { kind: 'updateGroup', groupId: SECURITY, set: { description: 'changed by a test' } },
    ]);
    assert.equal(out[0]?.error?.kind, 'notPresent');
    assert.equal(out[1]?.status, 204);
  });
});
