/**
 * "Groups without members" over more groups than `$expand` could ever page through (Graph caps an expanded page
 * at 100 groups, so 50 pages stopped at 5,000): 6,000 generated groups, every 50th of them empty, paged 999 at a
 * time and counted 20 per `$batch`. Also the `$count` body shapes a batch may carry.
 */
import { strict as assert } from 'node:assert';
import { startHarness, UPN, type Harness } from '../commands/command-harness';
import { closeGraphConnections } from '../../../bot/directory/graph-client';
import { countOf, readMemberlessGroups } from '../../../bot/directory/hygiene-read';

const GROUPS = 6_000;
const EMPTY_EVERY = 50;

describe('bot/directory hygiene-read: groups without members at scale (emulator)', function () {
  this.timeout(120_000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ large: 200, groups: GROUPS, emptyEvery: EMPTY_EVERY });
  });
  after(async () => {
    await h.stop();
    await closeGraphConnections();
  });

  it('counts every group of a tenant larger than 5,000 groups, in pages of 999 and $batches of 20', async () => {
    const megan = await h.ctx(UPN.megan);
    const all: { visibility?: string | null }[] = [];
    let next: string | undefined = '/groups?$select=id,visibility&$top=999';
    while (next) {
      const page: { value: { visibility?: string | null }[]; '@odata.nextLink'?: string } = await megan.graph.get(next);
      all.push(...page.value);
      next = page['@odata.nextLink'];
    }
    const total = all.length;
    const hidden = all.filter((g) => g.visibility === 'HiddenMembership').length;
    assert.ok(total > GROUPS, `${total} groups`);
    await h.resetStats();
    const t0 = Date.now();
    const read = await readMemberlessGroups(megan.graph);
    const ms = Date.now() - t0;
    const trips = await h.requests();
    assert.equal(read.complete, true);
    const emptyGenerated = read.items.filter((g) => {
      const n = Number(/ (\d+)$/.exec(g.displayName)?.[1] ?? NaN);
      return (
        /^(Project|Team|Committee|Guild|Squad|Program|Council|Workstream) /.test(g.displayName) && n % EMPTY_EVERY === 0
      );
    });
    assert.equal(emptyGenerated.length, GROUPS / EMPTY_EVERY, 'every empty generated group, the last ones included');
    assert.ok(
      emptyGenerated.some((g) => g.displayName.endsWith(` ${GROUPS - EMPTY_EVERY}`)),
      'groups past the 5,000th are read',
    );
    const pages = Math.ceil(total / 999);
    const batches = Math.ceil((total - hidden) / 20);
    assert.equal(trips, pages + batches, `${trips} round trips (${pages} pages + ${batches} batches), ${ms} ms`);
  });

  it('reads a $count step body as a number, a numeric string or base64 text, and nothing else', () => {
    assert.equal(countOf(0), 0);
    assert.equal(countOf(12), 12);
    assert.equal(countOf('7'), 7);
    assert.equal(countOf(Buffer.from('15').toString('base64')), 15);
    assert.equal(countOf(-1), undefined);
    assert.equal(countOf('many'), undefined);
    assert.equal(countOf({ value: 3 }), undefined);
  });
});
