import { strict as assert } from 'node:assert';
import { compileRule } from '../../../common/rules';
import { previewRule } from '../../../bot/commands/rule-snapshot-preview';

const users = [
  { id: 'u1', displayName: 'Ana', city: 'Seattle', department: 'Marketing' },
  { id: 'u2', displayName: 'Bob', city: 'Paris', department: 'Marketing' },
  { id: 'u3', displayName: 'Cy', department: 'Marketing' },
  { id: 'u4', userPrincipalName: 'dee@contoso.com', city: 'Seattle', department: 'Marketing' },
  { id: 'u5', displayName: 'Eve', city: 'Seattle', department: 'Sales' },
];

describe('previewRule', () => {
  it('counts matches, samples names and diffs against current members', () => {
    const p = previewRule(
      compileRule('user.department -eq "Marketing" -and user.city -eq "Seattle"'),
      users,
      ['u1', 'u2', 'gone'],
      { sampleSize: 1 },
    );
    assert.equal(p.count, 2);
    assert.deepEqual(p.sample, ['Ana']);
    assert.deepEqual(p.added, [{ id: 'u4', name: 'dee@contoso.com' }]);
    assert.deepEqual(p.removed, [
      { id: 'u2', name: 'Bob' },
      { id: 'gone', name: 'gone' },
    ]);
    assert.ok(p.warnings.some((w) => w.includes('1 current member is not in the directory snapshot')));
  });

  it('counts matches that rest on an empty value in a negated condition as uncertain', () => {
    const p = previewRule(compileRule('user.department -eq "Marketing" -and user.city -ne "Paris"'), users, []);
    assert.equal(p.count, 3);
    assert.equal(p.uncertain, 1);
    assert.ok(p.warnings.some((w) => w.startsWith('1 of the 3 matches')));
  });

  it('pins system.now and says so', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    const p = previewRule(
      compileRule('user.employeeHireDate -ge system.now -minus P7D'),
      [
        { id: 'n', displayName: 'New', employeeHireDate: '2025-05-30T00:00:00Z' },
        { id: 'o', displayName: 'Old', employeeHireDate: '2024-01-01T00:00:00Z' },
      ],
      [],
      { now },
    );
    assert.equal(p.count, 1);
    assert.equal(p.asOf, '2025-06-01T00:00:00.000Z');
    assert.ok(
      p.warnings.includes('system.now was taken as Sun 1 Jun 2025, 00:00 UTC; Entra re-evaluates it over time'),
    );
  });

  it('uses memberships supplied per user for memberOf rules', () => {
    const p = previewRule(compileRule("user.memberOf -any (group.objectId -in ['g1'])"), users, [], {
      memberOfByUserId: new Map([['u5', ['g1']]]),
    });
    assert.equal(p.count, 1);
    assert.deepEqual(p.sample, ['Eve']);
  });
});
