/**
 * "when does X expire" and "renew X" against the emulator's demo lifecycle policy (180 days, Selected: Marketing,
 * Sales, OutlookGroup101, the Microsoft 365 Project Falcon), as the bot's commands run them.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, buttonData, type Harness } from './command-harness';
import { continuePending, runIntent } from '../../../bot/commands/dispatch';
import type { CommandContext, Outcome } from '../../../bot/commands/context';
import type { JournalChange, JournalSink } from '../../../bot/journal/journal-sink';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { parseIntent } from '../../../bot/language';

describe('bot/commands group expiry and renew (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('says when a covered group expires, counting the days', async () => {
    const ctx = await h.ctx(UPN.ana);
    const text = allText(await runIntent(parseIntent('when does Marketing expire?'), ctx));
    assert.match(
      text,
      /^'Marketing' expires on \w{3} \d{1,2} \w{3} \d{4} \(in 20 days\)\. It was last renewed on .+ To keep it longer, say "renew Marketing"\.$/,
    );
  });

  it('explains groups that never expire: security groups, and Microsoft 365 groups outside the policy', async () => {
    const ctx = await h.ctx(UPN.ana);
    assert.match(
      allText(await runIntent(parseIntent('does SecurityGroup101 expire'), ctx)),
      /doesn't expire: expiration policies apply only to Microsoft 365 groups/,
    );
    assert.match(
      allText(await runIntent(parseIntent('when does Legal expire'), ctx)),
      /doesn't expire: the organisation's group expiration policy does not cover it/,
    );
  });

  /** Answers the confirmation card of `asked` with Confirm. */
  async function confirm(asked: Outcome, ctx: CommandContext): Promise<Outcome> {
    const data = buttonData(asked.replies[0], 'confirm');
    assert.ok(data, `a confirmation card, got: ${allText(asked)}`);
    return continuePending(String(data['pendingId']), { confirmed: true }, ctx);
  }

  it('asks for confirmation, then renews a group its owner manages: the expiry moves to 180 days from now', async () => {
    const recorded: JournalChange[] = [];
    const journal = {
      record: async (_a: unknown, changes: JournalChange[]) => {
        recorded.push(...changes);
        return { entries: [] };
      },
    } as unknown as JournalSink;
    const olga = { ...(await h.ctx('olga@contoso.com')), journal };
    const asked = await runIntent(parseIntent('renew Marketing'), olga);
    assert.match(
      allText(asked),
      /^Renew 'Marketing'\? .*A renewal cannot be undone\. Choose Renew to go ahead, or Cancel\.$/,
    );
    assert.match(
      allText(await runIntent(parseIntent('when does Marketing expire'), olga)),
      /\(in 20 days\)/,
      'nothing renewed before Confirm',
    );
    const text = allText(await confirm(asked, olga));
    assert.match(text, /^Renewed\. 'Marketing' expires on .+ \(in 180 days\) \(it was .+\)\.$/);
    assert.match(allText(await runIntent(parseIntent('when does Marketing expire'), olga)), /\(in 180 days\)/);
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0]?.action, 'group.renew');
    assert.equal(recorded[0]?.result, 'succeeded');
    assert.equal(recorded[0]?.undo, null);
    assert.notEqual(recorded[0]?.before?.['expirationDateTime'], recorded[0]?.after?.['expirationDateTime']);
  });

  it('refuses a member who does not own the group, and explains a group with nothing to renew', async () => {
    const ana = await h.ctx(UPN.ana);
    assert.match(
      allText(await confirm(await runIntent(parseIntent('renew Sales'), ana), ana)),
      /You can't renew 'Sales'/,
    );
    assert.match(
      allText(await runIntent(parseIntent('renew Legal'), await h.ctx(UPN.megan))),
      /There is nothing to renew/,
    );
    assert.match(allText(await runIntent(parseIntent('renew'), ana)), /Which group\?/);
  });
});
