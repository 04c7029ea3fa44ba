/** "post the digest here", "send the digest to me" and "stop the digest" with a real store and the emulator. */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, allText, type Harness } from './command-harness';
import { runIntent } from '../../../bot/commands/dispatch';
import type { CommandContext } from '../../../bot/commands/context';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { parseIntent } from '../../../bot/language';
import { openStore, type Store } from '../../../bot/store';
import { DigestStore } from '../../../bot/hygiene/digest-store';
import { DEFAULT_HYGIENE_SETTINGS } from '../../../bot/hygiene/hygiene-settings';

describe('bot/commands digest-set (emulator, store)', function () {
  this.timeout(120_000);
  let h: Harness;
  let store: Store;
  let digests: DigestStore;
  const CHANNEL = '19:channel-1@thread.tacv2';

  /** A context in the channel (or the given conversation), with the digest port. */
  async function inChannel(
    upn: string,
    conversation: CommandContext['conversation'] = { id: CHANNEL, kind: 'channel' },
  ): Promise<CommandContext> {
    const ctx = await h.ctx(upn);
    return {
      ...ctx,
      ...(conversation ? { conversation } : {}),
      digests: {
        store: digests,
        settings: DEFAULT_HYGIENE_SETTINGS,
        personalConversationOf: async (id) => `personal-${id}`,
      },
    };
  }

  before(async () => {
    h = await startHarness();
    store = await openStore({ memory: true });
    digests = new DigestStore(store.keyValue);
  });
  after(async () => {
    await store.close();
    await h.stop();
    await closeGraphConnections();
  });

  it('lets a Global Administrator post the digest in a channel, answering with the first one', async () => {
    const out = await runIntent(parseIntent('post the digest here'), await inChannel(UPN.megan));
    assert.match(
      out.replies[0]?.text ?? '',
      /^Done: I'll post the hygiene digest in this channel every week, checked with your permissions \(Megan Bowen\)/,
    );
    assert.ok(out.replies[1]?.card, 'the first digest comes at once');
    assert.match(out.replies[1]?.text ?? '', /^Group hygiene \(every group\)/);
    const sub = await digests.get(CHANNEL);
    assert.equal(sub?.kind, 'channel');
    assert.equal(sub?.ownerName, 'Megan Bowen');
    assert.ok(sub?.lastSentAt, 'the first digest counts as sent');
  });

  it('says when the same person asks again, and tells a second administrator whose digest theirs replaces', async () => {
    assert.match(
      allText(await runIntent(parseIntent('post the digest here'), await inChannel(UPN.megan))),
      /already comes here/,
    );
    const grace = await inChannel('grace@contoso.com');
    assert.match(
      allText(await runIntent(parseIntent('post the weekly digest in this channel'), grace)),
      /It replaces the one Megan Bowen set up\./,
    );
    assert.equal((await digests.get(CHANNEL))?.ownerId, grace.actor.id);
    await runIntent(parseIntent('post the digest here'), await inChannel(UPN.megan));
    assert.equal((await digests.get(CHANNEL))?.ownerName, 'Megan Bowen');
  });

  it('refuses "post the digest here" to a non-administrator', async () => {
    const out = await runIntent(
      parseIntent('post the digest here'),
      await inChannel(UPN.ana, { id: 'other-chat', kind: 'groupChat' }),
    );
    assert.match(allText(out), /Only a Global or Groups Administrator can post the digest/);
    assert.equal(await digests.get('other-chat'), undefined);
  });

  it('sends an owner their own digest in their 1:1 chat, even when asked in a channel', async () => {
    const olga = await inChannel('olga@contoso.com');
    const out = await runIntent(parseIntent('send the digest to me'), olga);
    assert.match(allText(out), /I'll send you the hygiene digest every week/);
    assert.match(allText(out), /Group hygiene \(the groups you own\)/);
    const sub = await digests.get(`personal-${olga.actor.id}`);
    assert.equal(sub?.kind, 'personal');
    assert.equal(sub?.ownerId, olga.actor.id);
  });

  it('lets only the subscriber or an administrator stop a digest', async () => {
    assert.match(
      allText(await runIntent(parseIntent('stop the digest'), await inChannel(UPN.bob))),
      /Only Megan Bowen, who set up this digest, or an administrator can stop it/,
    );
    assert.ok(await digests.get(CHANNEL));
    assert.match(
      allText(await runIntent(parseIntent('stop the digest'), await inChannel(UPN.megan))),
      /^Stopped: no more weekly digests/,
    );
    assert.equal(await digests.get(CHANNEL), undefined);
    assert.match(
      allText(await runIntent(parseIntent('stop the digest'), await inChannel(UPN.megan))),
      /nothing to stop/,
    );
  });
});
