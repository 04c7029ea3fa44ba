import { strict as assert } from 'node:assert';
import { previewChange, type ChangePreviewInput } from '../../../bot/commands/change-preview';
import type { ChangeFacts } from '../../../bot/directory/change-lookahead';
import type { Principal } from '../../../bot/directory/members-write';

const group = { id: 'g1', displayName: 'Licensed' };
const E5 = { skuId: 'sku-e5', skuPartNumber: 'ENTERPRISEPREMIUM', enabled: 5, consumed: 4 };
const ana: Principal = { id: 'a', displayName: 'Ana', type: 'user' };
const bob: Principal = { id: 'b', displayName: 'Bob', type: 'user' };
const cy: Principal = { id: 'c', displayName: 'Cy', type: 'user' };
const team: Principal = { id: 't', displayName: 'Team', type: 'group' };

function facts(over: Partial<ChangeFacts> = {}): ChangeFacts {
  return {
    group: { isAssignableToRole: null, onPremisesSyncEnabled: null, licenseSkuIds: ['sku-e5'], hasTeam: false },
    present: new Set(),
    owners: [{ id: 'o', displayName: 'Olga' }],
    skus: [E5],
    people: new Map(
      [ana, bob, cy].map((p) => [p.id, { id: p.id, accountEnabled: true, userType: 'Member', licenses: [] }]),
    ),
    transitiveCounts: new Map(),
    batches: 1,
    ...over,
  };
}

function input(over: Partial<ChangePreviewInput>): ChangePreviewInput {
  return { group, relation: 'members', op: 'add', people: [ana, bob], facts: facts(), ...over };
}

describe('bot/commands/change-preview', () => {
  it('too few units: says how many are left and how many go without', () => {
    const p = previewChange(input({ people: [ana, bob, cy] }));
    assert.deepEqual(p.notes, ['Ana, Bob and Cy will get Office 365 E5 through this group.']);
    assert.match(
      p.warnings.join('\n'),
      /Only 1 unit of Office 365 E5 is left for 3 people: 2 people will be added without the licence/,
    );
  });

  it('someone who already has the SKU another way gains nothing and uses no unit', () => {
    const f = facts();
    f.people.set('a', {
      id: 'a',
      accountEnabled: true,
      userType: 'Member',
      licenses: [{ skuId: 'sku-e5', assignedByGroup: null }],
    });
    const p = previewChange(input({ facts: f }));
    assert.ok(p.notes.includes('Bob will get Office 365 E5 through this group.'));
    assert.match(p.notes.join('\n'), /Ana already has Office 365 E5 another way/);
    assert.deepEqual(p.warnings, []);
  });

  it('removal: loses the SKU only when this group is the only source', () => {
    const f = facts();
    f.people.set('a', {
      id: 'a',
      accountEnabled: true,
      userType: 'Member',
      licenses: [{ skuId: 'sku-e5', assignedByGroup: 'g1' }],
    });
    f.people.set('b', {
      id: 'b',
      accountEnabled: true,
      userType: 'Member',
      licenses: [
        { skuId: 'sku-e5', assignedByGroup: 'g1' },
        { skuId: 'sku-e5', assignedByGroup: 'other' },
      ],
    });
    f.present = new Set(['a', 'b']);
    const p = previewChange(input({ op: 'remove', facts: f }));
    assert.deepEqual(p.warnings, ['Ana will lose Office 365 E5, which they get only through this group.']);
    assert.deepEqual(p.notes, ['Bob keeps Office 365 E5: it is also assigned another way.']);
  });

  it('already present people are skipped, named, and not counted as changing', () => {
    const p = previewChange(input({ facts: facts({ present: new Set(['a']) }) }));
    assert.deepEqual(p.skipped, [{ reason: 'Already a member', names: ['Ana'], ids: ['a'] }]);
    assert.equal(p.changing, 1);
  });

  it('a nested group says how many people it brings in', () => {
    const p = previewChange(
      input({
        people: [team],
        facts: facts({
          transitiveCounts: new Map([['t', 12]]),
          group: { isAssignableToRole: null, onPremisesSyncEnabled: null, licenseSkuIds: [], hasTeam: false },
        }),
      }),
    );
    assert.match(p.notes.join('\n'), /'Team' brings in 12 people \(its members, nested groups included\)/);
  });

  it('synced from on-premises: refused with where to change it', () => {
    const p = previewChange(
      input({
        facts: facts({
          group: { isAssignableToRole: null, onPremisesSyncEnabled: true, licenseSkuIds: [], hasTeam: false },
        }),
      }),
    );
    assert.match(p.refusal ?? '', /synced from on-premises Active Directory/);
  });

  it('owner removal leaving nobody warns; leaving one owner does not', () => {
    assert.match(
      previewChange(
        input({
          relation: 'owners',
          op: 'remove',
          people: [{ id: 'o', displayName: 'Olga', type: 'user' }],
          facts: facts({ present: new Set(['o']) }),
        }),
      ).warnings.join(''),
      /without an owner/,
    );
    const two = facts({
      owners: [
        { id: 'o', displayName: 'Olga' },
        { id: 'a', displayName: 'Ana' },
      ],
      present: new Set(['o']),
    });
    assert.deepEqual(
      previewChange(
        input({
          relation: 'owners',
          op: 'remove',
          people: [{ id: 'o', displayName: 'Olga', type: 'user' }],
          facts: two,
        }),
      ).warnings,
      [],
    );
  });

  it('removing the only owner from the members says they stay owner', () => {
    const f = facts({
      owners: [{ id: 'a', displayName: 'Ana' }],
      present: new Set(['a']),
      group: { isAssignableToRole: null, onPremisesSyncEnabled: null, licenseSkuIds: [], hasTeam: false },
    });
    assert.match(
      previewChange(input({ op: 'remove', people: [ana], facts: f })).warnings.join(''),
      /Ana is the only owner of 'Licensed': they stay its owner/,
    );
  });

  it('unknown parts say nothing rather than something wrong', () => {
    const p = previewChange(input({ facts: { people: new Map(), transitiveCounts: new Map(), batches: 1 } }));
    assert.deepEqual(p, { skipped: [], changing: 2, warnings: [], notes: [] });
  });
});
