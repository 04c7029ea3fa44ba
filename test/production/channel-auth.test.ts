/**
 * What the production bot accepts at its door, checked with hand-signed channel tokens against the local cloud's
 * published channel keys (issue 21, point 3, scenarios f-h):
 *   f. unsigned, expired, wrong-audience, wrong-issuer and foreign-key activities → 401, and no turn runs;
 *   g. signed activities from every real Teams serviceUrl form → 200 (activities chosen so that the bot sends
 *      nothing back: those hosts are off this machine; bot/local/loopback-preload.cjs is preloaded too);
 *   a signin/failure (SSO failed in the client) → logged with its code, and the user is told what to do;
 *   h. optional fields sent as JSON null → accepted, and the turn runs.
 */
import { strict as assert } from 'node:assert';
import { sharedProductionStack, type ProductionStack } from './support/production-stack';
import { ChannelPoster, type TokenTweaks } from './support/channel-post';
import { describeSent, isSignInCard, textOf } from './support/sent-activity';
import { awaitSent, lastSeq, sentWithin } from './support/wait-sent';

const TENANT_SUFFIX = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** The serviceUrl forms real Teams traffic carries (public regions, tenant-suffixed, canary, GCC, GCCH, DoD, China). */
const TEAMS_SERVICE_URLS = [
  'https://smba.trafficmanager.net/amer/',
  'https://smba.trafficmanager.net/emea/',
  'https://smba.trafficmanager.net/apac/',
  'https://smba.trafficmanager.net/teams/',
  `https://smba.trafficmanager.net/amer/${TENANT_SUFFIX}/`,
  'https://canary.botapi.skype.com/amer/',
  'https://smba.infra.gcc.teams.microsoft.com/teams',
  'https://smba.infra.gov.teams.microsoft.us/teams',
  'https://smba.infra.dod.teams.microsoft.us/teams',
  'https://smba.teams.microsoftonline.cn/teams/',
];

describe('production mode: the messaging endpoint checks Bot Framework tokens as Teams signs them', function () {
  this.timeout(60_000);
  let stack: ProductionStack;
  let poster: ChannelPoster;

  before(async function () {
    this.timeout(180_000);
    stack = await sharedProductionStack();
    poster = new ChannelPoster(stack.cloud, stack.cloudDir);
    await stack.cloud.teams.install('megan');
    await stack.cloud.teams.install('lee');
  });

  let mark: number[] = [];
  beforeEach(() => {
    mark = stack.logMark();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && stack) process.stderr.write(`${stack.tail(mark)}\n`);
  });

  const endpoint = (): string => (stack.bots[0] as { endpoint: string }).endpoint;

  it('f. unsigned, expired, wrong-audience, wrong-issuer and foreign-key activities get 401 and run no turn', async () => {
    const { teams } = stack.cloud;
    const chat = teams.personalConversation('megan');
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, TokenTweaks][] = [
      ['unsigned', { unsigned: true }],
      ['expired an hour ago', { claims: { nbf: now - 7200, exp: now - 3600 } }],
      ['for another bot (audience)', { claims: { aud: '00000000-0000-0000-0000-000000000001' } }],
      ['from another issuer', { claims: { iss: 'https://sts.windows.net/00000000-0000-0000-0000-000000000002/' } }],
      ['signed with a key the channel never published', { foreignKey: true }],
    ];
    const since = lastSeq(teams);
    const statuses: Record<string, number> = {};
    for (const [label, tweaks] of cases) {
      const activity = poster.activity('megan', chat, { type: 'message', text: 'who owns Marketing' });
      statuses[label] = (await poster.post(endpoint(), activity, tweaks)).status;
    }
    assert.deepEqual(statuses, Object.fromEntries(cases.map(([label]) => [label, 401])));
    const sent = await sentWithin(teams, chat.id, since, 1500);
    assert.deepEqual(sent, [], `no turn ran, so nothing was sent:\n${describeSent(sent)}`);
  });

  it('g. signed activities from every real Teams serviceUrl form are accepted (200) and answered with nothing outbound', async () => {
    const { teams } = stack.cloud;
    const chat = teams.personalConversation('megan');
    const bot = stack.bots[0];
    assert.ok(bot);
    const errorsBefore = errorLines(bot.logLines()).length;
    const statuses: Record<string, number[]> = {};
    for (const serviceUrl of TEAMS_SERVICE_URLS) {
      // A member (not the bot) joins, and someone reacts to a message: the bot has nothing to say to either.
      const joined = poster.activity('megan', chat, {
        type: 'conversationUpdate',
        serviceUrl,
        membersAdded: [{ id: teams.user('ana').id, aadObjectId: teams.user('ana').aadObjectId }],
      });
      const reaction = poster.activity('megan', chat, {
        type: 'messageReaction',
        serviceUrl,
        replyToId: '1733566531000',
        reactionsAdded: [{ type: 'like' }],
      });
      statuses[serviceUrl] = [
        (await poster.post(endpoint(), joined)).status,
        (await poster.post(endpoint(), reaction)).status,
      ];
    }
    assert.deepEqual(statuses, Object.fromEntries(TEAMS_SERVICE_URLS.map((u) => [u, [200, 200]])));
    const errors = errorLines(bot.logLines()).slice(errorsBefore);
    assert.deepEqual(errors, [], 'the bot tried to send nothing (no failed outbound call was logged)');
  });

  it('a signin/failure from the Teams client is logged with its code and the user is told what to do', async () => {
    const { teams } = stack.cloud;
    const chat = teams.personalConversation('megan');
    const since = lastSeq(teams);
    const logFrom = stack.logMark();
    const failure = poster.activity('megan', chat, {
      type: 'invoke',
      name: 'signin/failure',
      value: { code: 'resourcematchfailed', message: 'Resource match failed' },
    });
    assert.equal((await poster.post(endpoint(), failure)).status, 200);
    const told = await awaitSent(teams, chat.id, since, (s) => /resourcematchfailed/.test(textOf(s)), 'the notice');
    assert.match(textOf(told), /Sign in button/);
    assert.match(stack.tail(logFrom), /signin\.failure.*resourcematchfailed/);
  });

  it('h. optional fields sent as JSON null are accepted, and the turn runs', async () => {
    const { teams } = stack.cloud;
    const chat = teams.personalConversation('lee');
    const since = lastSeq(teams);
    const activity = poster.activity('lee', chat, { type: 'message', text: 'who owns Marketing' });
    const from = activity.from as Record<string, unknown>;
    const conversation = activity.conversation as Record<string, unknown>;
    const withNulls = {
      ...activity,
      from: { ...from, name: null },
      conversation: { ...conversation, name: null },
      locale: null,
      localTimestamp: null,
      replyToId: null,
      entities: null,
      attachments: null,
      summary: null,
      textFormat: null,
    };
    const answer = await poster.post(endpoint(), withNulls);
    assert.equal(answer.status, 200, `accepted: ${JSON.stringify(answer.body)}`);
    // Lee has not signed in (no scenario uses him), so the turn's first visible effect is the sign-in card.
    await awaitSent(teams, chat.id, since, isSignInCard, 'the turn to run (a sign-in card for Lee)');
    const update = poster.activity('lee', chat, {
      type: 'conversationUpdate',
      text: null,
      membersAdded: [{ id: teams.user('ana').id, name: null, aadObjectId: null }],
      channelData: { tenant: { id: stack.cloud.tenantId }, eventType: null },
    });
    assert.equal((await poster.post(endpoint(), update)).status, 200, 'a conversationUpdate with nulls is accepted');
  });
});

/** The bot's log lines at level error or above (JSON lines with a numeric pino level, or a `level` name). */
function errorLines(lines: readonly string[]): string[] {
  return lines.filter((line) => {
    try {
      const entry = JSON.parse(line) as { level?: unknown };
      return (typeof entry.level === 'number' && entry.level >= 50) || entry.level === 'error';
    } catch (err) {
      if (err instanceof SyntaxError) return false;
      throw err;
    }
  });
}
