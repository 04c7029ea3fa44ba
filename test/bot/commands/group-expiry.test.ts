/**
 * "when does X expire" and "renew X" against the emulator's demo lifecycle policy (180 days, Selected: Marketing,
 * Sales, OutlookGroup101, the Microsoft 365 Project Falcon), as the bot's commands run them.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, type Harness } from './command-harness';
import { runIntent } from '../../../bot/commands/dispatch';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { parseIntent } from '../../../bot/language';

describe('bot/commands group expiry and renew (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(async () => { await h.stop(); await closeGraphConnections(); });

  it('says when a covered group expires, counting the days', async () => {
    const ctx = await h.ctx(UPN.ana);
    const text = allText(await runIntent(parseIntent('when does Marketing expire?'), ctx));
    assert.match(text, /^'Marketing' expires on \d{1,2} \w+ \d{4} \(in 20 days\)\. It was last renewed on .+ To keep it longer, say "renew Marketing"\.$/);
  });

  it('explains groups that never expire: security groups, and Microsoft 365 groups outside the policy', async () => {
    const ctx = await h.ctx(UPN.ana);
    assert.match(allText(await runIntent(parseIntent('does SecurityGroup101 expire'), ctx)), /doesn't expire: expiration policies apply only to Microsoft 365 groups/);
    assert.match(allText(await runIntent(parseIntent('when does Legal expire'), ctx)), /doesn't expire: the organisation's group expiration policy does not cover it/);
  });

  it('renews a group its owner manages: the expiry moves to 180 days from now', async () => {
    const olga = await h.ctx('olga@contoso.com');
    const text = allText(await runIntent(parseIntent('renew Marketing'), olga));
    assert.match(text, /^Renewed\. 'Marketing' expires on .+ \(in 180 days\) \(it was .+\)\.$/);
    assert.match(allText(await runIntent(parseIntent('when does Marketing expire'), olga)), /\(in 180 days\)/);
  });

  it('refuses a member who does not own the group, and explains a group with nothing to renew', async () => {
    const ana = await h.ctx(UPN.ana);
    assert.match(allText(await runIntent(parseIntent('renew Sales'), ana)), /You can't renew 'Sales'/);
    assert.match(allText(await runIntent(parseIntent('renew Legal'), await h.ctx(UPN.megan))), /There is nothing to renew/);
    assert.match(allText(await runIntent(parseIntent('renew'), ana)), /Which group\?/);
  });
});
