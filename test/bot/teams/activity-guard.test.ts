/**
 * The inbound activity checks (pure): real Teams payload shapes must pass — including JSON null in optional
 * fields (the Bot Framework schema allows it), `replyToId: ""` and long member or entity lists — and come out
 * with null turned into "absent"; the production serviceUrl check accepts every https connector (the JWT's
 * serviceurl claim is what binds it), the local check only loopback.
 */
import { strict as assert } from 'node:assert';
import {
  activityProblem,
  checkActivity,
  isLoopbackServiceUrl,
  isProductionServiceUrl,
  isTerminalConnectorUrl,
  serviceUrlProblem,
} from '../../../bot/teams/activity-guard';

const AAD = '17da675f-27c5-4df3-8e3d-7b27d437674d';
const TENANT = '5a1c0f3e-8d2b-4c6a-9e7f-3b1d2c4e6f80';

/** A Teams 1:1 message as Teams posts it (shape from a real personal-chat message). */
function teamsMessage(): Record<string, unknown> {
  return {
    text: 'add Ana to Marketing',
    textFormat: 'plain',
    attachments: [{ contentType: 'text/html', content: '<p>add Ana to Marketing</p>' }],
    type: 'message',
    timestamp: '2026-12-07T10:15:31.1234567Z',
    localTimestamp: '2026-12-07T11:15:31.1234567+01:00',
    id: '1733566531123',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:1abcDEF', name: 'Megan Bowen', aadObjectId: AAD },
    conversation: { conversationType: 'personal', tenantId: TENANT, id: 'a:1xYz' },
    recipient: { id: '28:00000000-1111-2222-3333-444444444444', name: 'groupbot' },
    entities: [{ locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin', type: 'clientInfo' }],
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
    localTimezone: 'Europe/Berlin',
  };
}

describe('bot/teams/activity-guard', () => {
  describe('checkActivity / activityProblem', () => {
    it('accepts a Teams 1:1 message as is (control case)', () => {
      assert.equal(activityProblem(teamsMessage()), null);
    });

    const nulls: [string, (a: Record<string, unknown>) => void][] = [
      ['text', (a) => (a['text'] = null)],
      ['from.name', (a) => ((a['from'] as Record<string, unknown>)['name'] = null)],
      ['from.aadObjectId', (a) => ((a['from'] as Record<string, unknown>)['aadObjectId'] = null)],
      ['from.role', (a) => ((a['from'] as Record<string, unknown>)['role'] = null)],
      ['locale', (a) => (a['locale'] = null)],
      ['timestamp', (a) => (a['timestamp'] = null)],
      ['localTimestamp', (a) => (a['localTimestamp'] = null)],
      ['localTimezone', (a) => (a['localTimezone'] = null)],
      ['conversation.name', (a) => ((a['conversation'] as Record<string, unknown>)['name'] = null)],
      ['conversation.isGroup', (a) => ((a['conversation'] as Record<string, unknown>)['isGroup'] = null)],
      ['conversation.tenantId', (a) => ((a['conversation'] as Record<string, unknown>)['tenantId'] = null)],
      ['channelData', (a) => (a['channelData'] = null)],
      ['entities', (a) => (a['entities'] = null)],
      ['attachments', (a) => (a['attachments'] = null)],
      ['value', (a) => (a['value'] = null)],
      ['name', (a) => (a['name'] = null)],
      ['replyToId', (a) => (a['replyToId'] = null)],
      ['recipient.name', (a) => ((a['recipient'] as Record<string, unknown>)['name'] = null)],
      ['id', (a) => (a['id'] = null)],
    ];
    for (const [field, put] of nulls) {
      it(`accepts JSON null in the optional '${field}' and hands it on as absent`, () => {
        const body = teamsMessage();
        put(body);
        const checked = checkActivity(body);
        assert.ok(checked.ok, checked.ok ? '' : checked.problem);
        const [head, tail] = field.split('.') as [string, string | undefined];
        const holder = tail ? (checked.activity[head] as Record<string, unknown>) : checked.activity;
        const key = tail ?? head;
        assert.equal(holder[key], undefined, `${field} is absent, not null`);
      });
    }

    it('accepts a reply with replyToId "" (and hands it on as absent)', () => {
      const checked = checkActivity({ ...teamsMessage(), replyToId: '' });
      assert.ok(checked.ok, checked.ok ? '' : checked.problem);
      assert.equal(checked.activity['replyToId'], undefined);
    });

    it('accepts a team install with 2,000 membersAdded and an @mention-heavy message with 300 entities', () => {
      const member = (i: number) => ({ id: `29:member-${i}`, aadObjectId: AAD, name: null });
      const update = {
        ...teamsMessage(),
        type: 'conversationUpdate',
        text: null,
        membersAdded: Array.from({ length: 2000 }, (_, i) => member(i)),
        conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT },
        channelData: { team: { id: '19:abc@thread.tacv2', name: 'Contoso' }, eventType: 'teamMemberAdded' },
      };
      assert.equal(activityProblem(update), null);
      const mentions = Array.from({ length: 300 }, (_, i) => ({
        type: 'mention',
        text: `<at>P${i}</at>`,
        mentioned: { id: `29:p${i}`, name: `P${i}` },
      }));
      assert.equal(activityProblem({ ...teamsMessage(), entities: mentions }), null);
    });

    it('accepts an Action.Execute invoke with nulls where Teams leaves fields empty', () => {
      const invoke = {
        ...teamsMessage(),
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: null,
        attachments: null,
        replyToId: '1733566531000',
        value: {
          action: { type: 'Action.Execute', verb: 'requestRefresh', data: { requestId: 'r1' } },
          trigger: 'automatic',
        },
      };
      assert.equal(activityProblem(invoke), null);
    });

    it('still refuses wrong types and control characters with a reason naming the field', () => {
      assert.match(activityProblem({ ...teamsMessage(), text: 42 }) ?? '', /'text'/);
      assert.match(
        activityProblem({ ...teamsMessage(), from: { id: '29:x\n', aadObjectId: AAD } }) ?? '',
        /'from\.id'/,
      );
      assert.match(activityProblem({ ...teamsMessage(), conversation: null }) ?? '', /'conversation'/);
      assert.match(activityProblem({ ...teamsMessage(), from: null }) ?? '', /'from'/);
      assert.match(activityProblem({ ...teamsMessage(), serviceUrl: null }) ?? '', /'serviceUrl'/);
    });
  });

  describe('serviceUrl checks', () => {
    it('production accepts every https connector Teams uses: public, canary, GCC High, DoD, 21Vianet', () => {
      for (const url of [
        'https://smba.trafficmanager.net/emea/',
        'https://smba.trafficmanager.net/amer/',
        'https://canary.botapi.skype.com/amer/',
        'https://smba.infra.gcc.teams.microsoft.com/',
        'https://smba.infra.gov.teams.microsoft.us/',
        'https://smba.infra.dod.teams.microsoft.us/',
        'https://frontend.botapi.msg.infra.teams.microsoftonline.cn/',
        'https://127.0.0.1:8443/teams/',
      ]) {
        assert.equal(isProductionServiceUrl(new URL(url)), true, url);
      }
    });

    it('production refuses plain http and URLs with credentials', () => {
      for (const url of ['http://smba.trafficmanager.net/emea/', 'https://user:pw@smba.trafficmanager.net/emea/']) {
        assert.equal(isProductionServiceUrl(new URL(url)), false, url);
      }
    });

    it('local mode keeps its loopback list', () => {
      assert.equal(isLoopbackServiceUrl(new URL('http://127.0.0.1:56000/_connector')), true);
      assert.equal(isLoopbackServiceUrl(new URL('https://canary.botapi.skype.com/amer/')), false);
    });
  });
});

describe('bot/teams/activity-guard isTerminalConnectorUrl (the terminal chat while npm start runs)', () => {
  it('accepts http on a loopback host under /groupbot-terminal/', () => {
    for (const url of ['http://127.0.0.1:41234/groupbot-terminal/abc', 'http://localhost:1/groupbot-terminal/x/v3'])
      assert.equal(isTerminalConnectorUrl(new URL(url)), true, url);
  });

  it('refuses another path, another host, https and credentials in the URL', () => {
    for (const url of [
      'http://127.0.0.1:41234/_connector',
      'http://127.0.0.1:41234/groupbot-terminalx',
      'http://example.com/groupbot-terminal/abc',
      'http://10.0.0.1/groupbot-terminal/abc',
      'https://127.0.0.1/groupbot-terminal/abc',
      'http://user:pw@127.0.0.1/groupbot-terminal/abc',
    ])
      assert.equal(isTerminalConnectorUrl(new URL(url)), false, url);
    assert.match(
      serviceUrlProblem('http://example.com/groupbot-terminal/a', isTerminalConnectorUrl) ?? '',
      /not a connector this bot answers/,
    );
  });
});
