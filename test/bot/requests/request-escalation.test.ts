/**
 * Escalation against the Graph emulator: the workflow's directory is the real requestDirectory over a Graph
 * session per user, so the Groups Administrators an unanswered request goes to are read from
 * directoryRoles(roleTemplateId='…')/members, as in production. The sessions carry the bot's scopes plus
 * RoleManagement.Read.Directory, the least scope the directoryrole-list-members page accepts.
 */
import { strict as assert } from 'node:assert';
import { GraphSession } from '../../../bot/directory/graph-session';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { requestDirectory } from '../../../bot/directory/request-directory';
import { createLogger } from '../../../bot/log';
import { openStore, type Store } from '../../../bot/store';
import { RequestWorkflow } from '../../../bot/requests/request-workflow';
import type {
  OutboundMessage,
  RequestDirectory,
  RequestMessengerPort,
  TurnPlace,
} from '../../../bot/requests/request-ports';
import { loadConfig } from '../../../bot/config';
import { sweep } from '../../../bot/requests/request-sweep';
import { DEFAULT_SCOPES } from '../../../graph-emulator';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { useTestEmulator } from '../../support/emulator';

const ROLE_READ = [...DEFAULT_SCOPES, 'RoleManagement.Read.Directory'];

/** Records what the workflow posts (stands in for the chat channel only). */
class RecordingMessenger implements RequestMessengerPort {
  readonly posts: { conversationId: string; message: OutboundMessage }[] = [];
  private n = 0;
  async post(conversationId: string, message: OutboundMessage) {
    this.posts.push({ conversationId, message });
    return { conversationId, activityId: `m${++this.n}` };
  }
  async updateCard() {
    return true;
  }
  async personalConversationOf(userId: string) {
    return `dm-${userId}`;
  }
  async mentionIds(_place: TurnPlace, ids: readonly string[]) {
    return Object.fromEntries(ids.map((id) => [id, id]));
  }
  texts(): string[] {
    return this.posts.map((p) => JSON.stringify(p.message));
  }
}

describe('bot/requests escalation to the Groups Administrators, against the emulator', function () {
  this.timeout(120_000);
  const emu = useTestEmulator();
  let store: Store;
  before(async function () {
    this.timeout(120_000);
    store = await openStore({ memory: true });
  });
  after(async () => {
    await store.close();
    await closeGraphConnections();
  });

  const directoryOf = async (userId: string): Promise<RequestDirectory | undefined> => {
    const user = Object.values(DEMO_USERS).find((u) => u.id === userId);
    if (!user) return undefined;
    return requestDirectory(
      new GraphSession(await emu.clientFor(user.upn, ROLE_READ), { baseUrl: emu.baseUrl }, async () => undefined),
    );
  };

  it("sends a request the owners left unanswered to Grace Taylor, the tenant's Groups Administrator", async () => {
    const settings = loadConfig({}).requests;
    const escalateHours = settings.escalateHours ?? 0;
    assert.ok(escalateHours > 0, 'escalation is on by default');
    let now = new Date();
    const messenger = new RecordingMessenger();
    const log = createLogger('error', () => undefined);
    const workflow = new RequestWorkflow({
      store,
      messenger,
      log,
      settings,
      clock: () => now,
      directoryFor: directoryOf,
    });
    const group = DEMO_GROUPS.financeReaders;
    const ana = DEMO_USERS.ana;
    assert.ok(
      !(group.members ?? []).includes('ana') && !(group.owners ?? []).includes('grace'),
      'Ana may ask; Grace is not already asked as an owner',
    );

    const place: TurnPlace = {
      conversationId: 'group-chat',
      shared: true,
      turn: {},
      clickedActivityId: 'ask-1',
      from: { id: ana.id, name: ana.displayName },
    };
    const filed = await workflow.submit(
      { id: ana.id, directory: (await directoryOf(ana.id)) as RequestDirectory },
      place,
      { groupId: group.id, justification: 'Quarterly review', blocked: null },
    );
    assert.ok(filed.length > 0);
    const [request] = await store.requests.listByRequester(ana.id);
    assert.ok(request, 'the request was filed');
    assert.ok(
      !messenger.texts().some((t) => t.includes(DEMO_USERS.grace.displayName)),
      'Grace is not asked while the owners may still answer',
    );

    now = new Date(now.getTime() + (escalateHours + 1) * 3_600_000);
    const report = await sweep(workflow, { log, removeMember: workflow.removeMember, escalateHours, clock: () => now });
    assert.equal(report.escalated, 1);
    const route = await workflow.notices.route(request.id);
    assert.ok(route?.escalatedAt, 'the route is marked escalated');
    assert.ok(
      route.owners.some((o) => o.id === DEMO_USERS.grace.id && o.name === DEMO_USERS.grace.displayName),
      JSON.stringify(route.owners),
    );
    assert.ok(
      messenger
        .texts()
        .some((t) =>
          t.includes(`also sent your request to the Groups Administrators (${DEMO_USERS.grace.displayName})`),
        ),
      'the requester is told who was asked',
    );
  });
});
