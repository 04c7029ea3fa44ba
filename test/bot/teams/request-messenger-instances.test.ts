/**
 * Two instances of groupbot remember conversations in one store (issue 25, point 9): what one process skips
 * writing because it "already wrote it" must not hide a row another instance has deleted since. Two real
 * RequestMessengers (two processes' worth of memory) on one store (PGlite, the PostgreSQL dialect).
 */
import { strict as assert } from 'node:assert';
import type { TurnContext } from 'botbuilder';
import { openStore, type Store } from '../../../bot/store';
import { createLogger } from '../../../bot/log';
import { RequestMessenger } from '../../../bot/teams/request-messenger';

const APP_ID = '00000000-0000-4000-8000-0000000000b0';
const OLGA = { objectId: '918ae99d-e28c-46f7-8d25-c03d4aa5e150', teamsId: '29:1olga', name: 'Olga Owner' };
const OLGA_CHAT = 'a:1olga-personal';
const TEAM = { id: '19:general@thread.tacv2', aadGroupId: '2f6e3c1a-1b1d-4c55-9d61-7d0e3f0c0a11', name: 'Ops' };

/** A Teams activity from Olga: in her 1:1 chat, or in the team's General channel. */
function turn(type: string, where: 'personal' | 'team', extra: Record<string, unknown> = {}): TurnContext {
  return {
    activity: {
      type,
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      from: { id: OLGA.teamsId, name: OLGA.name, aadObjectId: OLGA.objectId },
      recipient: { id: `28:${APP_ID}`, name: 'groupbot' },
      conversation:
        where === 'personal'
          ? { id: OLGA_CHAT, conversationType: 'personal', tenantId: 't' }
          : { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: 't' },
      ...(where === 'team' ? { channelData: { team: TEAM, channel: { id: TEAM.id } } } : {}),
      ...extra,
    },
  } as unknown as TurnContext;
}

describe('bot/teams/request-messenger on two instances (one store)', function () {
  this.timeout(60_000);
  let store: Store;
  let a: RequestMessenger;
  let b: RequestMessenger;

  before(async () => {
    store = await openStore({ memory: true });
    const log = createLogger('error', () => undefined);
    a = new RequestMessenger({ botAppId: APP_ID, conversations: store.conversations, log });
    b = new RequestMessenger({ botAppId: APP_ID, conversations: store.conversations, log });
  });

  after(async () => {
    await store?.close();
  });

  it('a 1:1 chat forgotten on B (uninstall) is stored again when the reinstall reaches A', async () => {
    await a.remember(turn('message', 'personal', { text: 'my groups' }));
    assert.equal(await b.personalConversationOf(OLGA.objectId), OLGA_CHAT);
    await b.forget(turn('installationUpdate', 'personal', { action: 'remove' }));
    assert.equal(await a.personalConversationOf(OLGA.objectId), undefined, 'the uninstall forgot it');
    await a.remember(turn('installationUpdate', 'personal', { action: 'add' }));
    assert.equal(await b.personalConversationOf(OLGA.objectId), OLGA_CHAT, 'the reinstall on A stored it again');
  });

  it("a team's channel forgotten on B (bot removed) is stored again when the bot is added back through A", async () => {
    await a.remember(turn('message', 'team', { text: 'who owns Marketing' }));
    assert.equal((await b.teamChannelOf(TEAM.aadGroupId))?.conversationId, TEAM.id);
    const bot = { id: `28:${APP_ID}`, name: 'groupbot' };
    await b.forget(turn('conversationUpdate', 'team', { membersRemoved: [bot] }));
    assert.equal(await a.teamChannelOf(TEAM.aadGroupId), undefined, 'the removal forgot it');
    await a.remember(turn('conversationUpdate', 'team', { membersAdded: [bot] }));
    assert.equal((await b.teamChannelOf(TEAM.aadGroupId))?.conversationId, TEAM.id, 'stored again through A');
  });
});
