import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { startCloudFixture, type CloudFixture } from '../support/cloud-fixture';
import type { TrustedChild } from '../support/trusted-child';
import type { BotSent } from '../../../local-cloud';

const text = (s: BotSent) => String(s.activity?.text ?? '');
const isText = (t: string) => (s: BotSent) => text(s) === t;
const cardText = (a: Record<string, unknown> | undefined) =>
  JSON.stringify((a?.attachments as Array<{ content?: { body?: unknown } }> | undefined)?.[0]?.content?.body ?? null);

describe('local-cloud Teams client driving a teams-ai bot (real CloudAdapter, OAuth + SSO)', function () {
  this.timeout(90_000);
  let f: CloudFixture;
  let bot: TrustedChild;
  before(async () => {
    f = await startCloudFixture();
    bot = await f.worker(path.join(__dirname, '../support/sso-test-bot.ts'));
    f.cloud.teams.setBotEndpoint(`http://127.0.0.1:${String(bot.info.port)}/api/messages`);
  });
  after(async () => f?.cleanup());

  it('installs the app: installationUpdate and conversationUpdate reach the bot, which can then post', async () => {
    const statuses = await f.cloud.teams.install('megan');
    assert.deepEqual(statuses, [200, 200], bot.errors);
    const chat = f.cloud.teams.personalConversation('megan').id;
    assert.equal(text(await f.cloud.teams.nextSent(chat)), 'installed:add');
    assert.equal(text(await f.cloud.teams.nextSent(chat)), 'welcome');
    assert.equal(f.cloud.teams.isInstalled('megan'), true);
  });

  it('refuses to deliver a message in a personal chat without the app', async () => {
    await assert.rejects(
      f.cloud.teams.sendMessage('bob', f.cloud.teams.personalConversation('bob').id, 'hi'),
      /not installed/,
    );
  });

  it('signs in with SSO on the OAuthCard (signin/tokenExchange), then the bot has the Graph token', async () => {
    const chat = f.cloud.teams.personalConversation('megan').id;
    const sent = await f.cloud.teams.sendMessage('megan', chat, 'whoami');
    assert.equal(sent.status, 200, bot.errors);
    const oauth = await f.cloud.teams.nextSent(chat);
    assert.equal(
      (oauth.activity?.attachments as Array<{ contentType: string }>)[0]?.contentType,
      'application/vnd.microsoft.card.oauth',
    );
    const signIn = await f.cloud.teams.nextSignIn('megan');
    assert.deepEqual([signIn.kind, signIn.status], ['sso', 200]);
    assert.equal(text(await f.cloud.teams.nextSent(chat)), 'signed in as megan@contoso.com');
    await f.cloud.teams.sendMessage('megan', chat, 'whoami');
    assert.equal(text(await f.cloud.teams.nextSent(chat)), 'you are megan@contoso.com');
  });

  it('falls back to the sign-in link and magic code when consent is missing (412, then signin/verifyState)', async () => {
    await f.cloud.teams.install('ana', { notify: false });
    f.cloud.teams.setBehaviour('ana', { consented: false });
    const chat = f.cloud.teams.personalConversation('ana').id;
    await f.cloud.teams.sendMessage('ana', chat, 'whoami');
    const sso = await f.cloud.teams.nextSignIn('ana');
    assert.deepEqual([sso.kind, sso.status], ['sso', 412]);
    const code = await f.cloud.teams.nextSignIn('ana');
    assert.deepEqual([code.kind, code.status], ['magic-code', 200]);
    await f.cloud.teams.nextSent(chat, { match: isText('signed in as ana@contoso.com') });
    assert.equal(f.cloud.teams.behaviour('ana').consented, true, 'interactive sign-in records consent');
  });

  it('Action.Execute: a 401 loginRequest is answered by resending with an SSO token', async () => {
    await f.cloud.teams.install('grace', { notify: false });
    const chat = f.cloud.teams.personalConversation('grace').id;
    await f.cloud.teams.sendMessage('grace', chat, 'card');
    const posted = await f.cloud.teams.nextSent(chat);
    const r = await f.cloud.teams.executeAction('grace', chat, posted.activityId, { verb: 'approve' });
    const body = r.body as { statusCode: number; type: string };
    assert.deepEqual([r.status, body.statusCode, body.type], [200, 200, 'application/vnd.microsoft.card.adaptive']);
    assert.match(cardText(f.cloud.teams.currentActivity(chat, posted.activityId)), /approve by grace@contoso\.com/);
    const s = await f.cloud.teams.nextSignIn('grace');
    assert.deepEqual([s.kind, s.status], ['action-sso', 200]);
  });

  it('Action.Execute without consent: SSO gets 412, the client completes sign-in and resends with the magic code', async () => {
    await f.cloud.teams.install('olga', { notify: false });
    f.cloud.teams.setBehaviour('olga', { consented: false });
    const chat = f.cloud.teams.personalConversation('olga').id;
    await f.cloud.teams.sendMessage('olga', chat, 'card');
    const posted = await f.cloud.teams.nextSent(chat);
    const r = await f.cloud.teams.executeAction('olga', chat, posted.activityId, { verb: 'approve' });
    assert.equal((r.body as { statusCode: number }).statusCode, 200);
    assert.deepEqual(
      [await f.cloud.teams.nextSignIn('olga'), await f.cloud.teams.nextSignIn('olga')].map((e) => [e.kind, e.status]),
      [
        ['action-sso', 412],
        ['action-magic-code', 200],
      ],
    );
  });

  it('refresh: only users listed in refresh.userIds get the automatic refresh', async () => {
    const group = f.cloud.teams.groupChat();
    assert.deepEqual(await f.cloud.teams.addBotTo(group.id, 'megan'), [200, 200]);
    await f.cloud.teams.nextSent(group.id, { match: isText('welcome') });
    await f.cloud.teams.sendMessage('megan', group.id, 'card');
    const posted = await f.cloud.teams.nextSent(group.id, { match: (s) => Array.isArray(s.activity?.attachments) });
    assert.equal(await f.cloud.teams.viewCard('alex', group.id, posted.activityId), undefined);
    const r = await f.cloud.teams.viewCard('megan', group.id, posted.activityId);
    assert.equal((r?.body as { statusCode: number }).statusCode, 200);
    assert.match(cardText(f.cloud.teams.currentActivity(group.id, posted.activityId)), /refresh by megan@contoso\.com/);
  });

  it('channels: a message with an @mention starts a thread the bot answers in; no SSO there, only the sign-in link', async () => {
    const general = f.cloud.teams.teamChannels()[0]!;
    await f.cloud.teams.addBotTo(general.id, 'lee');
    await f.cloud.teams.nextSent(general.id, { match: isText('welcome') });
    const sent = await f.cloud.teams.sendMessage('lee', general.id, 'whoami');
    const oauth = await f.cloud.teams.nextSent(general.id);
    assert.equal(
      (oauth.activity?.conversation as { id: string }).id,
      `${general.id};messageid=${sent.activityId}`,
      'the answer goes to the thread the message started',
    );
    const signIn = await f.cloud.teams.nextSignIn('lee');
    assert.deepEqual([signIn.kind, signIn.status], ['magic-code', 200]);
    await f.cloud.teams.nextSent(general.id, { match: isText('signed in as lee@contoso.com') });
  });

  it('a user who does not complete sign-in leaves the OAuthCard unanswered', async () => {
    await f.cloud.teams.install('isaiah', { notify: false });
    f.cloud.teams.setBehaviour('isaiah', { sso: false, completesSignIn: false });
    const chat = f.cloud.teams.personalConversation('isaiah').id;
    await f.cloud.teams.sendMessage('isaiah', chat, 'whoami');
    await f.cloud.teams.nextSent(chat, {
      match: (s) =>
        (s.activity?.attachments as Array<{ contentType: string }> | undefined)?.[0]?.contentType ===
        'application/vnd.microsoft.card.oauth',
    });
    await f.cloud.teams.idle();
    assert.deepEqual(
      f.cloud.teams.signIns().filter((e) => e.user === 'isaiah'),
      [],
    );
  });

  it('a connection whose Token Exchange URL is not the App ID URI gets signin/failure (resourcematchfailed), no SSO', async () => {
    const g = await startCloudFixture({ tokenExchangeUrl: 'api://botid-someone-else' });
    try {
      const other = await g.worker(path.join(__dirname, '../support/sso-test-bot.ts'));
      g.cloud.teams.setBotEndpoint(`http://127.0.0.1:${String(other.info.port)}/api/messages`);
      await g.cloud.teams.install('megan', { notify: false });
      const chat = g.cloud.teams.personalConversation('megan').id;
      await g.cloud.teams.sendMessage('megan', chat, 'whoami');
      const e = await g.cloud.teams.nextSignIn('megan');
      assert.equal(e.kind, 'sso-failure');
      await g.cloud.teams.idle();
      assert.deepEqual(
        g.cloud.teams.signIns().map((x) => x.kind),
        ['sso-failure'],
      );
    } finally {
      await g.cleanup();
    }
  });
});
