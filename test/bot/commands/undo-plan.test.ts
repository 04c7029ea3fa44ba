import { strict as assert } from 'node:assert';
import { planUndo, undoDonePhrase, whyNotUndoable } from '../../../bot/commands/undo-plan';
import { isDirectoryOperation } from '../../../bot/directory/directory-operation';
import {
  groupCreated,
  groupDeleted,
  groupRenamed,
  groupRestored,
  groupUpdated,
  licenseChanged,
  membershipRecords,
  ruleSet,
} from '../../../bot/journal/change-records';
import type { JournalEntry } from '../../../bot/store/types';

const G = '9fad3235-e6d7-4bc9-93fb-058d0748357d';
const U = '5857c451-a528-4bcc-bdab-3ab6d7402e69';
const SKU = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const AT = new Date('2026-03-14T14:02:00Z');

function entry(over: Partial<JournalEntry>): JournalEntry {
  return {
    id: 'e1',
    seq: 1,
    at: AT,
    action: 'member.add',
    actor: { id: U, name: 'Megan Bowen' },
    requestedBy: null,
    approvedBy: null,
    tokenOfId: U,
    group: { id: G, name: 'Marketing' },
    target: { id: U, name: 'Bob Kelly' },
    requestId: null,
    result: 'succeeded',
    status: 204,
    detail: null,
    before: null,
    after: null,
    undo: { kind: 'removeMember', groupId: G, principalId: U },
    undoUntil: new Date(AT.getTime() + 86_400_000),
    undoneAt: null,
    undoneBy: null,
    ...over,
  };
}

describe('bot/commands/undo-plan', () => {
  it('accepts the undo operations the change builders write, and nothing else', () => {
    const written = [
      ...membershipRecords({ id: G, displayName: 'M' }, 'members', 'add', [
        { principal: { id: U, name: 'B' }, result: 'succeeded', status: 204 },
      ]),
      ...membershipRecords({ id: G, displayName: 'M' }, 'owners', 'remove', [
        { principal: { id: U, name: 'B' }, result: 'succeeded', status: 204 },
      ]),
      groupCreated({ id: G, displayName: 'M' }, 201),
      groupUpdated({ id: G, displayName: 'M', description: 'old', visibility: 'Private' }, { visibility: 'Public' }),
      ruleSet(
        { id: G, displayName: 'M', groupTypes: ['Unified'], membershipRule: null, membershipRuleProcessingState: null },
        'user.city -eq "X"',
      ),
      licenseChanged({ id: G, displayName: 'M' }, { skuId: SKU, name: 'E5' }, 'add', { had: false }),
    ];
    for (const c of written) assert.ok(isDirectoryOperation(c.undo ?? null), JSON.stringify(c.undo));
    assert.equal(isDirectoryOperation({ kind: 'deleteUser', groupId: U }), false);
    assert.equal(isDirectoryOperation({ kind: 'updateGroup', groupId: G, set: { mailEnabled: true } }), false);
    assert.equal(isDirectoryOperation({ kind: 'addMember', groupId: G, principalId: 'https://evil.example/x' }), false);
    assert.equal(isDirectoryOperation({ kind: 'deleteGroup', groupId: `${G}/../users/${U}` }), false);
    assert.equal(isDirectoryOperation({ kind: 'deleteGroup', groupId: G, extra: 1 }), false);
    assert.equal(isDirectoryOperation({ method: 'DELETE', path: `/groups/${G}` }), false);
  });

  it('undoing a create deletes the group: destructive, and the confirmation says so and names the 24 h limit', () => {
    const created = groupCreated({ id: G, displayName: 'Finance Readers' }, 201);
    const p = planUndo(
      [
        entry({
          action: 'group.create',
          group: { id: G, name: 'Finance Readers' },
          target: null,
          undo: created.undo ?? null,
        }),
      ],
      new Date(AT.getTime() + 3_600_000),
    );
    assert.ok(p.ok);
    assert.equal(p.plan.destructive, true);
    assert.match(p.plan.title, /Delete the group 'Finance Readers'/);
    assert.match(p.plan.consequence, /deletes 'Finance Readers'/);
    assert.match(p.plan.consequence, /within 24 hours/);
  });

  it('refuses entries that are undone, too old, failed, or carry an unknown call', () => {
    const late = new Date(AT.getTime() + 86_400_000);
    assert.match(whyNotUndoable(entry({}), late) ?? '', /within 24 hours/);
    assert.equal(whyNotUndoable(entry({}), new Date(late.getTime() - 1)), null);
    assert.match(
      whyNotUndoable(entry({ undoneAt: AT, undoneBy: { id: U, name: 'Olga Owner' } }), AT) ?? '',
      /already undone by Olga Owner/,
    );
    assert.match(whyNotUndoable(entry({ result: 'failed' }), AT) ?? '', /can't be undone/);
    assert.match(
      whyNotUndoable(entry({ undo: { kind: 'deleteUser', groupId: 'x' } as never }), AT) ?? '',
      /does not describe/,
    );
    const p = planUndo([], AT);
    assert.equal(p.ok, false);
  });

  it('says what the change was in words, never as its journal action name', () => {
    const one = planUndo([entry({})], AT);
    assert.ok(one.ok);
    const change = (p: ReturnType<typeof planUndo>) =>
      p.ok ? p.plan.facts.find((f) => f.title === 'Change')?.value : undefined;
    assert.equal(change(one), 'Added Bob Kelly to Marketing, by Megan Bowen');
    const two = planUndo([entry({ id: 'a' }), entry({ id: 'b' })], AT);
    assert.equal(change(two), "2 changes to 'Marketing', by Megan Bowen");
    assert.doesNotMatch(JSON.stringify([one, two]), /member\.add by/);
  });

  it('plans the still-open part of a multi-person change and says how many are left out', () => {
    const p = planUndo([entry({ id: 'a' }), entry({ id: 'b', undoneAt: AT })], AT);
    assert.ok(p.ok);
    assert.deepEqual(
      p.plan.entries.map((e) => e.id),
      ['a'],
    );
    assert.equal(p.plan.skipped, 1);
    assert.match(p.plan.consequence, /1 of the changes can no longer be undone/);
  });

  it('keeps previous licence state: a re-assigned licence is undone by re-applying its previous plans', () => {
    const again = licenseChanged({ id: G, displayName: 'M' }, { skuId: SKU, name: 'E5' }, 'add', {
      had: true,
      disabledPlans: ['p1'],
    });
    assert.deepEqual(again.undo, { kind: 'setLicense', groupId: G, skuId: SKU, assign: { disabledPlans: ['p1'] } });
    const unknown = licenseChanged({ id: G, displayName: 'M' }, { skuId: SKU, name: 'E5' }, 'remove', undefined);
    assert.equal(unknown.undo, null);
  });

  it("records changes in the journal's own terms: no Graph path, host or query string anywhere in a record", () => {
    const records = [
      ...membershipRecords({ id: G, displayName: 'M' }, 'members', 'remove', [
        { principal: { id: U, name: 'B' }, result: 'succeeded', status: 204 },
      ]),
      groupRenamed({ id: G, displayName: 'Old' }, 'New'),
      groupDeleted({ id: G, displayName: 'M' }),
      groupRestored({ id: G, displayName: 'M' }),
      licenseChanged({ id: G, displayName: 'M' }, { skuId: SKU, name: 'E5' }, 'remove', {
        had: true,
        disabledPlans: [],
      }),
    ];
    for (const r of records) assert.doesNotMatch(JSON.stringify(r), /\/groups\/|https?:|\$ref|\?/, JSON.stringify(r));
    assert.deepEqual(records[1]?.before, { displayName: 'Old' });
    assert.deepEqual(records[1]?.after, { displayName: 'New' });
    assert.deepEqual(records[1]?.undo, { kind: 'updateGroup', groupId: G, set: { displayName: 'Old' } });
  });

  it('says what an undo did in the past tense ("Undone: I deleted …", never "I did delete …")', () => {
    assert.equal(undoDonePhrase(entry({})), "removed Bob Kelly from 'Marketing'");
    assert.equal(
      undoDonePhrase(entry({ action: 'group.create', target: null, undo: { kind: 'deleteGroup', groupId: G } })),
      "deleted the group 'Marketing'",
    );
    assert.equal(undoDonePhrase(entry({ action: 'member.remove' })), "added Bob Kelly back to 'Marketing'");
    assert.equal(undoDonePhrase(entry({ action: 'owner.remove' })), "made Bob Kelly an owner of 'Marketing' again");
  });
});
