import { strict as assert } from 'node:assert';
import { DEMO_GROUPS } from '../../../graph-emulator';
import { runIntent } from '../../../bot/commands/dispatch';
import type { CommandContext } from '../../../bot/commands/context';
import { HistoryService } from '../../../bot/history/history-service';
import { JournalService } from '../../../bot/journal/journal-service';
import { parseIntent } from '../../../bot/language';
import { createLogger } from '../../../bot/log';
import { openStore, type Store } from '../../../bot/store';
import { allText, startHarness, UPN, type Harness } from './command-harness';

describe('commands: watch, unwatch, members at a time', function () {
  this.timeout(90_000);
  let h: Harness;
  let store: Store;
  const withHistory = async (upn: string): Promise<CommandContext> => ({
    ...(await h.ctx(upn)),
    journal: new JournalService(store.journal, store.keyValue),
    history: new HistoryService(store, createLogger('error'), 300),
  });
  const say = async (upn: string, text: string): Promise<string> =>
    allText(await runIntent(parseIntent(text), await withHistory(upn)));

  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
  });
  after(async () => {
    await store?.close();
    await h?.stop();
  });

  it('lets an owner watch a group, records it at once, and lists and unwatches it', async () => {
    assert.match(await say(UPN.megan, 'watch Marketing'), /now watching 'Marketing'.*every 5 minutes/s);
    assert.match(await say(UPN.megan, 'watch Marketing'), /already watching 'Marketing'/);
    assert.ok((await store.history.cursor(DEMO_GROUPS.marketing.id))?.historyFrom, 'the first round ran');
    assert.match(
      await say(UPN.megan, 'which groups am I watching'),
      /watching 1 group:\n- Marketing \(since \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\)/,
    );
    assert.match(
      await say(UPN.megan, 'who was in Marketing 1 hour ago'),
      /I've recorded the membership of 'Marketing' since .*earlier/s,
    );
    assert.match(await say(UPN.megan, 'stop watching Marketing'), /stopped watching 'Marketing'/);
    assert.match(await say(UPN.megan, 'stop watching Marketing'), /were not watching 'Marketing'/);
  });

  it('refuses someone who neither owns the group nor administers groups', async () => {
    assert.match(await say(UPN.ana, 'watch Legal'), /Only an owner of a group or a Groups Administrator can watch it/);
    assert.deepEqual(await store.history.watchersOf(DEMO_GROUPS.legal.id), []);
  });

  it('says when nobody watches a group', async () => {
    assert.match(await say(UPN.megan, 'who was in Legal yesterday'), /Nobody watches 'Legal'.*say "watch Legal"/s);
    assert.match(await say(UPN.megan, "restore Legal's members to yesterday"), /Nobody watches 'Legal'/);
    assert.match(await say(UPN.megan, 'what changed in Legal this week'), /Nobody watches 'Legal'/);
  });
});
