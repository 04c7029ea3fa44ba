/**
 * Two production bot instances (two `groupbot serve` processes on one PostgreSQL), as behind a load balancer, given
 * the very same `signin/tokenExchange` (same exchange id), as Teams sends it to every instance it reaches: exactly
 * one proceeds with the sign-in; the other answers as botbuilder's TeamsSSOTokenExchangeMiddleware does for a
 * duplicate (HTTP 200, empty body). Issue 21, point 3, scenario e; review finding R1.
 */
import { strict as assert } from 'node:assert';
import { sharedProductionStack, type ProductionStack } from './support/production-stack';
import { ChannelPoster } from './support/channel-post';
import { describeSent, isSignInCard, oauthCardOf, textOf } from './support/sent-activity';
import { awaitSent, lastSeq, sentWithin } from './support/wait-sent';

describe('production mode: two bot instances on one PostgreSQL and one SSO token exchange', function () {
  this.timeout(60_000);
  let stack: ProductionStack;
  let poster: ChannelPoster;

  before(async function () {
    this.timeout(180_000);
    stack = await sharedProductionStack();
    poster = new ChannelPoster(stack.cloud, stack.cloudDir);
  });

  let mark: number[] = [];
  beforeEach(() => {
    mark = stack.logMark();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed' && stack) process.stderr.write(`${stack.tail(mark)}\n`);
  });

  it('e. the same signin/tokenExchange to both instances: exactly one proceeds, the other answers 200 with no body', async () => {
    const { teams } = stack.cloud;
    // The Teams client leaves the sign-in card alone; the test plays Teams' exchange itself, to both instances.
    teams.setBehaviour('lynne', { sso: false, completesSignIn: false });
    await teams.install('lynne');
    const chat = teams.personalConversation('lynne');
    const since = lastSeq(teams);
    await teams.sendMessage('lynne', chat.id, 'add Ana to Marketing');
    const card = await awaitSent(teams, chat.id, since, isSignInCard, 'a sign-in card (OAuthCard)');
    const oauth = oauthCardOf(card);
    const id = oauth?.tokenExchangeResource?.id;
    assert.ok(id, `the OAuthCard carries a tokenExchangeResource id: ${JSON.stringify(oauth)}`);
    const exchange = poster.activity('lynne', chat, {
      type: 'invoke',
      name: 'signin/tokenExchange',
      value: { id, connectionName: oauth?.connectionName, token: stack.cloud.issueSsoToken('lynne') },
    });
    const answers = await Promise.all(stack.bots.map((bot) => poster.post(bot.endpoint, { ...exchange })));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200],
      `both instances answer 200: ${JSON.stringify(answers)}`,
    );
    const proceeded = answers.filter((a) => (a.body as { id?: unknown } | undefined)?.id === id);
    const deduped = answers.filter((a) => a.body === undefined || a.body === null);
    assert.equal(
      proceeded.length,
      1,
      `exactly one instance completes the sign-in (its answer names the exchange id): ${JSON.stringify(answers)}`,
    );
    assert.equal(deduped.length, 1, `the other answers as the dedupe does (200, empty): ${JSON.stringify(answers)}`);
    const after = await sentWithin(teams, chat.id, card.seq, 4000);
    const replies = after.filter((s) => /Which "Ana"|Ana Silva/.test(textOf(s)));
    assert.ok(replies.length <= 1, `the request runs at most once:\n${describeSent(after)}`);
  });
});
