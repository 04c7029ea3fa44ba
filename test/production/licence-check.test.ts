/**
 * Licence errors told to the asker (issue 25, point 5), in production mode on the local cloud with two instances
 * on one PostgreSQL: Megan assigns a licence with too few seats to a group in her 1:1 chat; the confirmation warns
 * with the figures; once she confirms, the check scheduled in the store runs a moment later (LICENSE_CHECK_DELAY_SECONDS
 * 1, REQUESTS_SWEEP_SECONDS 1) on whichever instance claims it, and she is told once, in the same chat, who got no
 * licence and why.
 */
import { strict as assert } from 'node:assert';
import type { TeamsClient } from '../../local-cloud';
import { createGraphClient } from '../../bot/directory/graph-client';
import { DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';
import { startProductionStack, type ProductionStack } from './support/production-stack';
import { describeSent, textOf } from './support/sent-activity';
import { awaitSent, lastSeq, sentWithin } from './support/wait-sent';

const U = DEMO_USERS;

/** The data of the card's Action.Execute button with this verb. */
function buttonData(activity: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { type?: string; verb?: string; data?: Record<string, unknown> };
      if (!found && n.type === 'Action.Execute' && n.verb === verb) found = n.data ?? {};
      Object.values(node).forEach(walk);
    }
  };
  walk(activity);
  if (!found) throw new Error(`no "${verb}" button on the card`);
  return found;
}

describe('production mode: licence errors told to the asker (local cloud, two instances)', function () {
  this.timeout(90_000);
  let stack: ProductionStack;
  let teams: TeamsClient;

  before(async function () {
    this.timeout(180_000);
    stack = await startProductionStack({
      instances: 2,
      env: { LICENSE_CHECK_DELAY_SECONDS: '1', REQUESTS_SWEEP_SECONDS: '1' },
    });
    teams = stack.cloud.teams;
    teams.setBotEndpoints(stack.bots.map((b) => b.endpoint));
    const token = await stack.emulator.issueToken(U.megan.upn);
    const graph = createGraphClient(
      { baseUrl: stack.emulator.baseUrl, caPem: stack.emulator.caPem },
      async () => token,
    );
    await graph.api('/groups').post({
      displayName: 'Mobility Wave One',
      mailNickname: 'mobilitywaveone',
      mailEnabled: false,
      securityEnabled: true,
      'members@odata.bind': [U.adele, U.nestor, U.debra, U.christie, U.diego].map(
        (u) => `https://graph.microsoft.com/v1.0/directoryObjects/${u.id}`,
      ),
    });
  });

  after(async function () {
    this.timeout(60_000);
    await stack?.stop();
  });

  let mark: number[] = [];
  beforeEach(() => {
    mark = stack.logMark();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && stack) process.stderr.write(`${stack.tail(mark)}\n`);
  });

  it('warns before, then tells Megan once, in her chat, who got no licence and why', async () => {
    await teams.install('megan', { via: 0 });
    const chat = teams.personalConversation('megan');
    let since = lastSeq(teams);
    await teams.sendMessage('megan', chat.id, 'assign the EMS license to Mobility Wave One', { via: 0 });
    const ask = await awaitSent(
      teams,
      chat.id,
      since,
      (s) => /Not enough seats/.test(JSON.stringify(s.activity)),
      'the confirmation with the seats warning',
    );
    assert.match(
      JSON.stringify(ask.activity),
      /5 members do not have Enterprise Mobility \+ Security E3 yet, but only 3 of 3 seats are free \(0 in use\)/,
    );
    since = lastSeq(teams);
    const done = await teams.executeAction(
      'megan',
      chat.id,
      ask.activityId,
      { verb: 'confirm', data: buttonData(ask.activity, 'confirm') },
      { via: 1 },
    );
    assert.equal(done.status, 200);
    assert.match(JSON.stringify(done.body), /I'll check in a minute or so/);
    const told = await awaitSent(
      teams,
      chat.id,
      since,
      (s) => /did not get Enterprise Mobility/.test(textOf(s)),
      'the licence check message',
      20_000,
    );
    assert.match(
      textOf(told),
      /^2 people did not get Enterprise Mobility \+ Security E3 from 'Mobility Wave One': not enough seats \(CountViolation\): [^;]+, [^;]+\. Free or buy seats/,
    );
    // Both instances sweep every second: the check is told once.
    const later = await sentWithin(teams, chat.id, since, 4000);
    const tellings = later.filter((s) => /did not get Enterprise Mobility/.test(textOf(s)));
    assert.equal(tellings.length, 1, `told once:\n${describeSent(later)}`);
  });
});
