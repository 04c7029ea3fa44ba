/**
 * Production mode: groupbot installed for someone through Microsoft Graph (with a delegated token carrying
 * TeamsAppInstallation.ReadWriteForUser, docs/approver-reach.md) reaches `groupbot serve` the way a Teams install
 * does: the local Teams marks the user installed and sends installationUpdate (add) and conversationUpdate, the bot
 * answers with its welcome in the user's new 1:1 chat, and the user can then talk to it there.
 */
import { strict as assert } from 'node:assert';
import { closeGraphConnections, createGraphClient } from '../../bot/directory/graph-client';
import { GraphSession } from '../../bot/directory/graph-session';
import { installAppForUser } from '../../bot/directory/teams-app-install';
import { DEFAULT_SCOPES, GROUPBOT_CATALOG_APP_ID } from '../../graph-emulator';
import { DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { sharedProductionStack, type ProductionStack } from './support/production-stack';
import { textOf } from './support/sent-activity';
import { awaitSent, lastSeq } from './support/wait-sent';

describe('production mode: groupbot installed for a user through Graph', function () {
  this.timeout(60_000);
  let stack: ProductionStack;

  before(async function () {
    this.timeout(180_000);
    stack = await sharedProductionStack();
  });
  after(async () => closeGraphConnections());

  it('a Graph install by Ana for a user without the app gives that user the welcome in a new 1:1 chat', async () => {
    const { teams } = stack.cloud;
    // Nestor, whom no other test on this shared stack uses: the 'help' below signs him in, and the sign-in tests need
    // their users never signed in.
    const user = teams.user('nestor');
    assert.equal(teams.isInstalled(user.aadObjectId), false, 'Nestor has no groupbot yet');
    const chat = teams.personalConversation(user.aadObjectId);
    const since = lastSeq(teams);
    const token = await stack.emulator.issueToken(DEMO_USERS.ana.upn, {
      scopes: [...DEFAULT_SCOPES, 'TeamsAppInstallation.ReadWriteForUser'],
    });
    const graph = { baseUrl: stack.emulator.baseUrl, caPem: stack.emulator.caPem };
    const ana = new GraphSession(
      createGraphClient(graph, async () => token),
      graph,
    );

    assert.equal(await installAppForUser(ana, user.aadObjectId, GROUPBOT_CATALOG_APP_ID), 'installed');

    const welcome = await awaitSent(
      teams,
      chat.id,
      since,
      (s) => /I'm groupbot/.test(textOf(s)),
      "groupbot's welcome after the Graph install",
    );
    assert.ok(welcome.seq > since);
    assert.equal(teams.isInstalled(user.aadObjectId), true);
    const answered = await teams.sendMessage(user.aadObjectId, chat.id, 'help');
    assert.equal(answered.status, 200, 'Teams delivers the user’s message now that the app is installed');
    assert.equal(await installAppForUser(ana, user.aadObjectId, GROUPBOT_CATALOG_APP_ID), 'already-installed');
  });
});
