import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { signChannelToken } from '../../../local-cloud/channel/channel-auth';
import { ensureRsaKey } from '../../../local-cloud/crypto/rsa-key';
import { httpRequest } from '../../../local-cloud/teams/bot-call';
import { startCloudFixture, type CloudFixture } from '../support/cloud-fixture';
import type { TrustedChild } from '../support/trusted-child';

describe("local-cloud connector: botframework-connector's ConnectorClient against Teams' behaviour", function () {
  this.timeout(60_000);
  let f: CloudFixture;
  let w: TrustedChild;
  const call = <T = Record<string, unknown>>(c: string, args: Record<string, unknown> = {}) =>
    w.call<T>('connector', { call: c, serviceUrl: f.cloud.urls.serviceUrl, ...args });
  const fail = (c: string, args: Record<string, unknown> = {}) =>
    w.fail('connector', { call: c, serviceUrl: f.cloud.urls.serviceUrl, ...args });
  const createFor = (userKey: string) => {
    const u = f.cloud.teams.user(userKey);
    return {
      parameters: {
        isGroup: false,
        bot: { id: `28:${f.cloud.bot.appId}` },
        members: [{ id: u.aadObjectId }],
        tenantId: f.cloud.tenantId,
        channelData: { tenant: { id: f.cloud.tenantId } },
      },
    };
  };

  before(async () => {
    f = await startCloudFixture();
    w = await f.worker();
    const key = ensureRsaKey(f.dataDir, 'channel-signing-key');
    const channel = { key, issuer: f.cloud.urls.channelTokenIssuer, base: f.cloud.urls.base };
    await w.call('authenticate', {
      activity: { type: 'message', channelId: 'msteams', serviceUrl: f.cloud.urls.serviceUrl },
      authHeader: `Bearer ${signChannelToken(channel, f.cloud.bot.appId, f.cloud.urls.serviceUrl)}`,
    });
    await f.cloud.teams.install('megan', { notify: false });
  });
  after(async () => f?.cleanup());

  it('creates the 1:1 conversation with a user who has the app installed', async () => {
    const r = await call<{ id: string }>('create', createFor('megan'));
    assert.equal(r.id, f.cloud.teams.personalConversation('megan').id);
  });

  it("refuses a 1:1 conversation with a user without the app, with Teams' 403 BotNotInConversationRoster", async () => {
    const e = await fail('create', createFor('bob'));
    assert.equal(e.status, 403);
    assert.match(e.message, /not part of the conversation roster/);
    const send = await fail('send', {
      conversationId: f.cloud.teams.personalConversation('bob').id,
      activity: { type: 'message', text: 'hi' },
    });
    assert.equal(send.status, 403);
  });

  it('sends, replies, updates and deletes, and the Teams client sees each', async () => {
    const chat = f.cloud.teams.personalConversation('megan').id;
    const sent = await call<{ id: string }>('send', {
      conversationId: chat,
      activity: { type: 'message', text: 'one' },
    });
    const first = await f.cloud.teams.nextSent(chat);
    assert.deepEqual([first.kind, first.activityId, first.activity?.text], ['send', sent.id, 'one']);

    const reply = await call<{ id: string }>('reply', {
      conversationId: chat,
      activityId: sent.id,
      activity: { type: 'message', text: 'two' },
    });
    const second = await f.cloud.teams.nextSent(chat);
    assert.deepEqual([second.kind, second.activityId, second.activity?.replyToId], ['reply', reply.id, sent.id]);

    await call('update', {
      conversationId: chat,
      activityId: sent.id,
      activity: { type: 'message', text: 'one, edited' },
    });
    assert.equal((await f.cloud.teams.nextSent(chat)).kind, 'update');
    assert.equal(f.cloud.teams.currentActivity(chat, sent.id)?.text, 'one, edited');

    await call('delete', { conversationId: chat, activityId: reply.id });
    assert.equal((await f.cloud.teams.nextSent(chat)).kind, 'delete');
    assert.equal(f.cloud.teams.currentActivity(chat, reply.id), undefined);

    const missing = await fail('update', { conversationId: chat, activityId: '42', activity: { type: 'message' } });
    assert.equal(missing.status, 404);
  });

  it('nextSent waits for an entry that comes later, and times out naming what it saw', async () => {
    const chat = f.cloud.teams.personalConversation('megan').id;
    const waiting = f.cloud.teams.nextSent(chat, { match: (s) => s.activity?.text === 'later', timeoutMs: 10_000 });
    await call('send', { conversationId: chat, activity: { type: 'message', text: 'later' } });
    assert.equal((await waiting).activity?.text, 'later');
    await assert.rejects(f.cloud.teams.nextSent(chat, { timeoutMs: 50 }), /nothing matching/);
  });

  it('reads a member by object id, and answers 404 for a user not in the conversation', async () => {
    const chat = f.cloud.teams.personalConversation('megan').id;
    const m = await call<{ userPrincipalName: string; id: string; aadObjectId: string }>('member', {
      conversationId: chat,
      memberId: f.cloud.teams.user('megan').aadObjectId,
    });
    assert.equal(m.userPrincipalName, 'megan@contoso.com');
    assert.equal(m.id, f.cloud.teams.user('megan').id);
    const e = await fail('member', { conversationId: chat, memberId: f.cloud.teams.user('bob').aadObjectId });
    assert.equal(e.status, 404);
  });

  it('pages the members of a team channel with continuation tokens', async () => {
    const general = f.cloud.teams.teamChannels()[0]!;
    const denied = await fail('members', { conversationId: general.id });
    assert.equal(denied.status, 403, 'the bot is not in the team yet');
    await f.cloud.teams.addBotTo(general.id, 'megan', { notify: false });
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await call<{ members: Array<{ aadObjectId: string }>; continuationToken?: string }>('pagedMembers', {
        conversationId: general.id,
        pageSize: 7,
        ...(token ? { continuationToken: token } : {}),
      });
      assert.ok(page.members.length <= 7);
      seen.push(...page.members.map((m) => m.aadObjectId));
      token = page.continuationToken;
    } while (token);
    assert.deepEqual([...seen].sort(), [...general.memberIds].sort());
    const all = await call<unknown[]>('members', { conversationId: general.id });
    assert.equal(all.length, general.memberIds.length);
  });

  it('creates a new thread in a channel of a team the bot is in (isGroup with channelData.channel)', async () => {
    const approvals = f.cloud.teams.teamChannels()[1]!;
    await f.cloud.teams.addBotTo(approvals.id, 'megan', { notify: false });
    const r = await call<{ id: string; activityId: string }>('create', {
      parameters: {
        isGroup: true,
        bot: { id: `28:${f.cloud.bot.appId}` },
        channelData: { channel: { id: approvals.id }, tenant: { id: f.cloud.tenantId } },
        activity: { type: 'message', text: 'new thread' },
      },
    });
    assert.equal(r.id, `${approvals.id};messageid=${r.activityId}`);
    const posted = await f.cloud.teams.nextSent(approvals.id);
    assert.deepEqual([posted.activityId, posted.activity?.text], [r.activityId, 'new thread']);
  });

  it('after an uninstall the 1:1 conversation can no longer be created or posted to', async () => {
    await f.cloud.teams.install('lidia', { notify: false });
    const created = await call<{ id: string }>('create', createFor('lidia'));
    await f.cloud.teams.uninstall('lidia', { notify: false });
    assert.equal((await fail('create', createFor('lidia'))).status, 403);
    const send = await fail('send', {
      conversationId: created.id,
      activity: { type: 'message', text: 'still there?' },
    });
    assert.equal(send.status, 403);
  });

  it('answers 401 to a call without the bot token', async () => {
    const chat = encodeURIComponent(f.cloud.teams.personalConversation('megan').id);
    const r = await httpRequest(`${f.cloud.urls.serviceUrl}v3/conversations/${chat}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x' }),
      ca: fs.readFileSync(f.cloud.caCertPath, 'utf8'),
    });
    assert.equal(r.status, 401);
  });
});
