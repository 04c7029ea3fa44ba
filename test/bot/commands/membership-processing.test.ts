/**
 * Dynamic membership is processed asynchronously (the emulator queues it, as Entra does): after creating a
 * dynamic group or changing a rule the bot says the membership is being processed and offers Check again
 * instead of reporting an empty or stale member list; Check again reports the progress from the beta status,
 * and the final state once processing ran.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import { runCardAction } from '../../../bot/commands/card-action-run';
import { processingText } from '../../../bot/commands/membership-processing';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import type { Outcome } from '../../../bot/commands/context';

function data(o: Outcome | undefined, verb: string): Record<string, unknown> {
  for (const r of o?.replies ?? []) {
    const d = buttonData(r, verb);
    if (d) return d;
  }
  throw new Error(`no ${verb} button in: ${o ? allText(o) : '(no outcome)'}`);
}

describe('bot/commands dynamic membership follow-up (emulator, processing on demand)', function () {
  this.timeout(180_000);
  let h: Harness;
  // A long delay: processing runs only when the test calls dynamicIdle(), so "not processed yet" is observable.
  before(async () => {
    h = await startHarness('demo', { dynamicProcessingDelayMs: 600_000 });
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('create a dynamic group: "being processed" with Check again, then up to date with its members', async () => {
    const ctx = await h.ctx(UPN.megan);
    const form = await runIntent(
      { intent: 'createGroup', name: 'Berlin Office', groupType: 'security', rule: 'user.city -eq "Berlin"' },
      ctx,
    );
    const confirm = await continuePending(
      data(form, 'groupCreate')['pendingId'] as string,
      {
        values: {
          groupType: 'security',
          displayName: 'Berlin Office',
          mailNickname: 'BerlinOffice',
          owners: '',
          members: '',
          rule: 'user.city -eq "Berlin"',
        },
      },
      ctx,
    );
    const done = await continuePending(data(confirm, 'confirm')['pendingId'] as string, { confirmed: true }, ctx);
    const text = allText(done);
    assert.match(text, /Created 'Berlin Office'\. Its membership is being processed/);
    assert.match(text, /has no members yet/);
    const groupId = data(done, 'ruleShow')['groupId'] as string;

    const pending = allText((await runCardAction({ verb: 'ruleShow', groupId }, ctx)) as Outcome);
    assert.match(pending, /Entra has not started processing the membership of 'Berlin Office' yet\. 0 members so far/);

    await h.emulator.dynamicIdle?.();
    const after = await runCardAction({ verb: 'ruleShow', groupId }, ctx);
    assert.match(
      allText(after as Outcome),
      /The membership of 'Berlin Office' is up to date \(last updated \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\): 2 members\./,
    );
    assert.equal(data(after, 'listShow')['subjectId'], groupId, 'Show members once done');
  });

  it('change a rule: the reply says the old members stay until processing has run', async () => {
    const ctx = await h.ctx(UPN.megan);
    const ask = await runIntent(
      { intent: 'setRule', groups: ['Seattle Employees'], rule: 'user.city -eq "Madrid"' },
      ctx,
    );
    const done = await continuePending(data(ask, 'confirm')['pendingId'] as string, { confirmed: true }, ctx);
    assert.match(
      allText(done),
      /is now user\.city -eq "Madrid"\. Its membership is being processed: .+ still shows the old members/,
    );
    const members = allText(await runIntent({ intent: 'listMembers', groups: ['Seattle Employees'] }, ctx));
    assert.doesNotMatch(members, /José Álvarez/, 'not processed yet');
    await h.emulator.dynamicIdle?.();
    assert.match(
      allText(await runIntent({ intent: 'listMembers', groups: ['Seattle Employees'] }, ctx)),
      /José Álvarez/,
    );
  });

  it('words each processing state', () => {
    const base = { lastMembershipUpdated: null, errorMessage: null, memberCount: 3 };
    assert.deepEqual(processingText('G', { ...base, state: 'Running' }), {
      text: "Entra is processing the membership of 'G' right now. 3 members so far. Check again in a minute.",
      done: false,
    });
    assert.deepEqual(processingText('G', { ...base, state: 'Failed', errorMessage: 'Rule too complex.' }), {
      text: "Entra could not process the membership of 'G': Rule too complex. Check the rule, then set it again.",
      done: true,
    });
    assert.equal(processingText('G', { ...base, state: 'Unknown', memberCount: null }).done, false);
  });
});
