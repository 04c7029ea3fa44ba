/**
 * Issue 25, point 1, the owner without the app, with the optional install configured (TEAMS_APP_CATALOG_ID, the
 * local cloud's Graph tokens carrying the delegated TeamsAppInstallation.ReadWriteForUser): when Joni asks to join
 * Design Team, whose owner Lidia has not installed groupbot, groupbot installs it for Lidia through Graph with Joni's
 * own token; the local Teams sends Lidia's installationUpdate, and the card reaches her in a new 1:1 chat. Its own
 * stack (the shared one runs without the setting).
 */
import { strict as assert } from 'node:assert';
import { closeGraphConnections, createGraphClient } from '../../bot/directory/graph-client';
import { GROUPBOT_CATALOG_APP_ID } from '../../graph-emulator';
import { DEMO_GROUPS, DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { startProductionStack, type ProductionStack } from './support/production-stack';
import { submitDataOf, textOf } from './support/sent-activity';
import { awaitSent, lastSeq } from './support/wait-sent';

describe('production mode: groupbot installs itself for an approver without it (TEAMS_APP_CATALOG_ID)', function () {
  this.timeout(90_000);
  let stack: ProductionStack | undefined;

  before(async function () {
    this.timeout(180_000);
    stack = await startProductionStack({ instances: 1, env: { TEAMS_APP_CATALOG_ID: GROUPBOT_CATALOG_APP_ID } });
  });
  after(async function () {
    this.timeout(60_000);
    await stack?.stop();
    await closeGraphConnections();
  });

  it("Joni's request installs groupbot for Lidia through Graph, and Lidia gets the card in her new 1:1 chat", async () => {
    const s = stack as ProductionStack;
    const { teams } = s.cloud;
    assert.equal(teams.isInstalled('lidia'), false, 'Lidia (owner of Design Team) has not installed groupbot');
    await teams.install('joni');
    const joniChat = teams.personalConversation('joni').id;
    await teams.sendMessage('joni', joniChat, 'my groups');
    assert.equal((await teams.nextSignIn('joni', { timeoutMs: 15_000 })).status, 200, 'Joni signs in with SSO');

    const since = lastSeq(teams);
    await teams.sendMessage('joni', joniChat, `I need access to ${DEMO_GROUPS.designTeam.displayName}`);
    const ask = await awaitSent(
      teams,
      joniChat,
      since,
      (x) => /Ask to join/i.test(textOf(x)),
      'the "Ask to join" card',
    );
    const submitted = await teams.executeAction('joni', joniChat, ask.activityId, {
      verb: 'requestSubmit',
      data: { ...submitDataOf(ask.activity), justification: 'For the quarterly review' },
    });
    assert.equal(submitted.status, 200, s.tail());

    const card = await awaitSent(
      teams,
      teams.personalConversation('lidia').id,
      since,
      (x) =>
        x.kind !== 'update' &&
        new RegExp(`${DEMO_USERS.joni.displayName}.*asks to join 'Design Team'`).test(textOf(x).replace(/\s+/g, ' ')),
      "the card in Lidia's new 1:1 chat",
      30_000,
    );
    assert.ok((card.activity?.attachments as unknown[] | undefined)?.length, 'the approval card itself');
    assert.equal(teams.isInstalled('lidia'), true, 'Teams has the app for Lidia now');

    // Graph lists the install Joni's token made.
    const megan = createGraphClient({ baseUrl: s.emulator.baseUrl, caPem: s.emulator.caPem }, () =>
      s.emulator.issueToken(DEMO_USERS.megan.upn, { scopes: ['TeamsAppInstallation.ReadForUser'] }),
    );
    const body = (await megan.api(`/users/${DEMO_USERS.lidia.id}/teamwork/installedApps`).expand('teamsApp').get()) as {
      value: { teamsApp: { id: string } }[];
    };
    assert.deepEqual(
      body.value.map((i) => i.teamsApp.id),
      [GROUPBOT_CATALOG_APP_ID],
    );
  });
});
