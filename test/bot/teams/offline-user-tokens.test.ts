/**
 * Production tokens outside a turn: the address the bot remembers from a user's turns (real RequestMessenger on
 * the real store, PGlite in memory), botbuilder's real UserTokenClient (ConfigurationBotFrameworkAuthentication →
 * ParameterizedBotFrameworkAuthentication → UserTokenClientImpl → TokenApiClient), and a local STAND-IN for the
 * Bot Framework token service (test/support/token-service-stand-in.ts) as its OAuth endpoint.
 *
 * Outbound auth: the UserTokenClient signs its calls with the bot's app credentials. The only part replaced is
 * the Entra ID client-credentials request (MSAL) that would fetch the bot's own app token: the test's credentials
 * factory returns botbuilder AppCredentials whose refresh gives a fixed stand-in token, so nothing leaves
 * 127.0.0.1, and the stand-in checks that this token arrives as the bearer.
 */
import { strict as assert } from 'node:assert';
import type { TurnContext } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AppCredentials,
  AuthenticationConstants,
  ServiceClientCredentialsFactory,
  type AuthenticatorResult,
} from 'botframework-connector';
import { openStore, type Store } from '../../../bot/store';
import { createLogger } from '../../../bot/log';
import { RequestMessenger } from '../../../bot/teams/request-messenger';
import { offlineUserTokens, type TokenForUser } from '../../../bot/teams/offline-user-tokens';
import { USER_REFERENCE_KEY, userAddressOf } from '../../../bot/teams/user-address';
import { startTokenServiceStandIn, type TokenServiceStandIn } from '../../support/token-service-stand-in';
import { RequestCoordinator } from '../../../bot/teams/request-coordinator';
import { submit } from './request-clicks';
import type { PostedMessage, RequestPoster } from '../../../bot/teams/request-messenger';
import { sweepRequests } from '../../../bot/teams/request-sweeper';
import type { CommandContext } from '../../../bot/commands/context';
import { DEMO_GROUPS, DEMO_USERS } from '../../../graph-emulator/seed/demo-tenant';
import { startHarness, type Harness } from '../commands/command-harness';

const APP_ID = '00000000-0000-0000-0000-0000000000b7';
const BOT_APP_TOKEN = 'stand-in-bot-app-token-for-the-token-service';
const CONNECTION = 'graph-sso';
const OLGA = {
  objectId: '5A1C0F0E-2B7D-4D4B-9E55-0A0000000001',
  teamsId: '29:1olga-teams-user-id',
  name: 'Olga Owner',
};
const LEE = { objectId: '5a1c0f0e-2b7d-4d4b-9e55-0a0000000002', teamsId: '29:1lee-teams-user-id', name: 'Lee Granter' };
const OLGA_GRAPH_TOKEN = 'eyJhbGciOiJub25lIn0.eyJvaWQiOiJvbGdhIn0.olga-delegated-graph-token';

/** The bot's app token without Entra ID: botbuilder's AppCredentials with the MSAL refresh replaced. */
class StandInAppCredentials extends AppCredentials {
  protected async refreshToken(): Promise<AuthenticatorResult> {
    return { accessToken: BOT_APP_TOKEN, expiresOn: new Date(Date.now() + 3600_000) };
  }
}

/** Records what botbuilder asks credentials for (app id, audience, login endpoint). */
class StandInCredentialsFactory extends ServiceClientCredentialsFactory {
  asked: Array<{ appId: string; audience: string | undefined; loginEndpoint: string }> = [];
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string): Promise<AppCredentials> {
    this.asked.push({ appId, audience, loginEndpoint });
    return new StandInAppCredentials(appId, 'stand-in-tenant', audience);
  }
}

/** A turn as the messenger reads it: a message from `who` in `conversation`. */
function turnFrom(
  who: { objectId: string; teamsId: string; name: string },
  conversation: { id: string; conversationType: string },
): TurnContext {
  return {
    activity: {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      from: { id: who.teamsId, name: who.name, aadObjectId: who.objectId },
      recipient: { id: `28:${APP_ID}`, name: 'groupbot' },
      conversation: { ...conversation, isGroup: conversation.conversationType !== 'personal' },
    },
  } as unknown as TurnContext;
}

describe('bot/teams/offline-user-tokens', function () {
  let standIn: TokenServiceStandIn;
  let store: Store;
  let credentials: StandInCredentialsFactory;
  let logLines: string[];
  let tokenForUser: TokenForUser;

  before(async () => {
    standIn = await startTokenServiceStandIn();
    store = await openStore({ memory: true });
  });
  after(async () => {
    await standIn?.stop();
    await store?.close();
  });
  beforeEach(async () => {
    standIn.calls.length = 0;
    standIn.clearTokens();
    for (const who of [OLGA, LEE]) {
      for (const key of [who.objectId.toLowerCase(), USER_REFERENCE_KEY + who.objectId.toLowerCase()])
        await store.conversations.delete(key);
    }
    credentials = new StandInCredentialsFactory();
    logLines = [];
    const log = createLogger('debug', (line) => logLines.push(line));
    const auth = new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: APP_ID,
        // Setting the token service URL makes botbuilder take every endpoint from these options: the public cloud's.
        OAuthUrl: standIn.url,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      },
      credentials,
    );
    tokenForUser = offlineUserTokens({
      auth,
      botAppId: APP_ID,
      connectionName: CONNECTION,
      addressOf: (id) => userAddressOf(store.conversations, id),
      log,
    });
  });
  async function remember(...turns: TurnContext[]): Promise<void> {
    const messenger = new RequestMessenger({
      botAppId: APP_ID,
      conversations: store.conversations,
      log: createLogger('error', () => undefined),
    });
    for (const t of turns) await messenger.remember(t);
  }

  it("asks the token service for the user's Teams id, the connection and the channel, signed as the bot, and gives the token", async () => {
    await remember(turnFrom(OLGA, { id: '19:group-chat@thread.v2', conversationType: 'groupChat' }));
    standIn.putToken(OLGA.teamsId, CONNECTION, 'msteams', OLGA_GRAPH_TOKEN);

    assert.equal(await tokenForUser(OLGA.objectId.toLowerCase()), OLGA_GRAPH_TOKEN);

    assert.equal(standIn.calls.length, 1);
    const call = standIn.calls[0];
    assert.equal(call?.method, 'GET');
    assert.equal(call?.path, '/api/usertoken/GetToken');
    assert.equal(call?.query.userId, OLGA.teamsId);
    assert.equal(call?.query.connectionName, CONNECTION);
    assert.equal(call?.query.channelId, 'msteams');
    assert.ok(!call?.query.code, 'no magic code: only an already cached token');
    assert.equal(call?.authorization, `Bearer ${BOT_APP_TOKEN}`);
    assert.deepEqual(credentials.asked, [
      {
        appId: APP_ID,
        audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
        loginEndpoint: AuthenticationConstants.ToChannelFromBotLoginUrl,
      },
    ]);
  });

  it('resolves to undefined when the token service has no token for the user (404)', async () => {
    await remember(turnFrom(LEE, { id: 'a:lee-personal', conversationType: 'personal' }));
    standIn.putToken(OLGA.teamsId, CONNECTION, 'msteams', OLGA_GRAPH_TOKEN);

    assert.equal(await tokenForUser(LEE.objectId), undefined);

    assert.deepEqual(
      standIn.calls.map((c) => [c.query.userId, c.query.connectionName, c.query.channelId]),
      [[LEE.teamsId, CONNECTION, 'msteams']],
    );
    assert.ok(
      logLines.some((l) => l.includes('requests.userToken.none')),
      'the missing token is logged at debug level',
    );
  });

  it('does not call the token service for a user the bot has never heard from', async () => {
    assert.equal(await tokenForUser(OLGA.objectId), undefined);
    assert.equal(standIn.calls.length, 0);
    assert.ok(logLines.some((l) => l.includes('requests.userToken.unknownUser')));
  });

  it('finds a user by the 1:1 reference alone (rows stored before the per-user record)', async () => {
    await store.conversations.put(
      OLGA.objectId.toLowerCase(),
      {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        conversation: { id: 'a:olga-personal' },
        user: { id: OLGA.teamsId, aadObjectId: OLGA.objectId },
        bot: { id: `28:${APP_ID}` },
      },
      new Date(),
    );
    standIn.putToken(OLGA.teamsId, CONNECTION, 'msteams', OLGA_GRAPH_TOKEN);
    assert.equal(await tokenForUser(OLGA.objectId), OLGA_GRAPH_TOKEN);
  });

  it('answers undefined when the token service refuses (401), and asks again next time', async () => {
    await remember(turnFrom(OLGA, { id: '19:group-chat@thread.v2', conversationType: 'groupChat' }));
    standIn.putToken(OLGA.teamsId, CONNECTION, 'msteams', OLGA_GRAPH_TOKEN);
    standIn.failNext(401);

    assert.equal(await tokenForUser(OLGA.objectId), undefined);
    const warning = logLines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((e) => e.event === 'requests.userToken.failed');
    assert.equal(warning?.status, 401);
    assert.equal(warning?.level, 'warn');

    assert.equal(await tokenForUser(OLGA.objectId), OLGA_GRAPH_TOKEN);
    assert.equal(standIn.calls.length, 2);
  });

  it("never logs the user's token nor the bot's app token", async () => {
    await remember(
      turnFrom(OLGA, { id: '19:group-chat@thread.v2', conversationType: 'groupChat' }),
      turnFrom(LEE, { id: '19:group-chat@thread.v2', conversationType: 'groupChat' }),
    );
    standIn.putToken(OLGA.teamsId, CONNECTION, 'msteams', OLGA_GRAPH_TOKEN);
    assert.equal(await tokenForUser(OLGA.objectId), OLGA_GRAPH_TOKEN);
    assert.equal(await tokenForUser(LEE.objectId), undefined);
    standIn.failNext(401);
    assert.equal(await tokenForUser(OLGA.objectId), undefined);
    assert.equal(await tokenForUser('unknown-object-id'), undefined);

    assert.ok(logLines.length >= 3, 'each outcome without a token is logged');
    for (const line of logLines) {
      assert.ok(!line.includes(OLGA_GRAPH_TOKEN), `token in log line: ${line}`);
      assert.ok(!line.includes(BOT_APP_TOKEN), `bot token in log line: ${line}`);
      assert.ok(!line.includes('olga-delegated-graph-token'), `token part in log line: ${line}`);
    }
  });

  it("remembers the sender's address in group chats too, under the lower-case object id", async () => {
    await remember(turnFrom(OLGA, { id: '19:group-chat@thread.v2', conversationType: 'groupChat' }));
    assert.deepEqual(await userAddressOf(store.conversations, OLGA.objectId), {
      userId: OLGA.teamsId,
      channelId: 'msteams',
    });
    assert.equal(
      await store.conversations.get(OLGA.objectId.toLowerCase()),
      undefined,
      'a group chat is not recorded as the 1:1 chat',
    );
  });
});

/** Posts nowhere; answers every post with a new message id (the channel is not under test here). */
class NullPoster implements RequestPoster {
  private n = 0;
  async post(conversationId: string): Promise<PostedMessage | undefined> {
    return { conversationId, activityId: `m${++this.n}` };
  }
  async updateCard(): Promise<boolean> {
    return true;
  }
  async personalConversationOf(): Promise<string | undefined> {
    return undefined;
  }
}

describe('bot/teams/offline-user-tokens: the sweeper in production mode', function () {
  this.timeout(60000);
  let harness: Harness;
  let standIn: TokenServiceStandIn;
  let store: Store;
  let now: Date;
  const olga = { objectId: DEMO_USERS.olga.id, teamsId: '29:1olga-in-teams', name: 'Olga Owner' };

  before(async () => {
    harness = await startHarness();
    standIn = await startTokenServiceStandIn();
    store = await openStore({ memory: true });
  });
  after(async () => {
    await store?.close();
    await standIn?.stop();
    await harness?.stop();
  });

  it("retries an interrupted approval with the approver's token from the token service, once it has one", async () => {
    now = new Date('2026-11-26T10:00:00Z');
    const log = createLogger('error', () => undefined);
    const auth = new ConfigurationBotFrameworkAuthentication(
      {
        MicrosoftAppId: APP_ID,
        OAuthUrl: standIn.url,
        ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      },
      new StandInCredentialsFactory(),
    );
    const coordinator = new RequestCoordinator({
      store,
      messenger: new NullPoster(),
      graph: { baseUrl: harness.emulator.baseUrl, caPem: harness.emulator.caPem },
      log,
      clock: () => now,
      settings: {
        sweepSeconds: 0,
        remindHours: 48,
        expiryDays: 14,
        leaseSeconds: 120,
        membershipNoticeDays: 3,
        timeZone: 'UTC',
      },
      tokenForUser: offlineUserTokens({
        auth,
        botAppId: APP_ID,
        connectionName: CONNECTION,
        addressOf: (id) => userAddressOf(store.conversations, id),
        log,
      }),
    });
    const messenger = new RequestMessenger({ botAppId: APP_ID, conversations: store.conversations, log });
    await messenger.remember(turnFrom(olga, { id: '19:group-chat@thread.v2', conversationType: 'groupChat' }));

    const ana = await harness.ctx(DEMO_USERS.ana.upn);
    const group = DEMO_GROUPS.financeReaders.id;
    await submit(
      coordinator,
      ana as CommandContext,
      { activity: { conversation: { id: '19:group-chat@thread.v2' }, replyToId: 'ask-1' } } as unknown as TurnContext,
      group,
      'Quarterly review',
    );
    const id = (await store.requests.listByRequester(DEMO_USERS.ana.id))[0]?.id ?? '';
    // What a crash leaves behind: approving by Olga, no add made; the lease has run out.
    await store.requests.transition({
      id,
      from: ['pending'],
      to: 'approving',
      at: now,
      decidedBy: { id: olga.objectId, name: olga.name },
      claimUntil: new Date(now.getTime() + 120_000),
      countAttempt: true,
    });
    now = new Date(now.getTime() + 121_000);

    let report = await sweepRequests(coordinator, log);
    assert.equal(report.completed, 0, 'no cached token: the job waits');
    assert.equal((await store.requests.get(id))?.state, 'approving');
    assert.deepEqual(
      standIn.calls.map((c) => c.query.userId),
      [olga.teamsId],
    );

    standIn.putToken(olga.teamsId, CONNECTION, 'msteams', await harness.emulator.issueToken(DEMO_USERS.olga.upn));
    now = new Date(now.getTime() + 121_000);
    report = await sweepRequests(coordinator, log);
    assert.equal(report.completed, 1);
    assert.equal((await store.requests.get(id))?.state, 'approved');
    const members = await (ana as CommandContext).graph.get<{ value: { id: string }[] }>(
      `/groups/${group}/members?$select=id&$top=999`,
    );
    assert.ok(
      members.value.some((m) => m.id === DEMO_USERS.ana.id),
      "Ana was added with Olga's token",
    );
  });
});
