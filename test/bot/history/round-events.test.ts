import { strict as assert } from 'node:assert';
import { roundEvents, type RoundInput } from '../../../bot/history/round-events';
import { planRestore } from '../../../bot/history/restore-plan';

const T = (min: number): Date => new Date(Date.UTC(2026, 10, 2, 9, min));
const MEGAN = { id: 'megan', name: 'Megan Bowen' };
const base: RoundInput = { changes: [], initial: false, polledAt: T(10), previousPoll: T(5), audit: [], journal: [] };

describe('history: one delta round → events (the attribution rule)', () => {
  it('first round: the membership and owners as a baseline at the round time', () => {
    const r = roundEvents({
      ...base,
      initial: true,
      previousPoll: null,
      changes: [{ id: 'a', type: 'user', removed: false }],
      initialOwners: ['o'],
    });
    assert.deepEqual(
      r.events.map((e) => [e.memberId, e.relation, e.change, e.baseline, +e.at]),
      [
        ['a', 'member', 'added', true, +T(10)],
        ['o', 'owner', 'added', true, +T(10)],
      ],
    );
  });

  it('a change groupbot journalled keeps the journal time and actor (source groupbot); the audit log explains the others', () => {
    const r = roundEvents({
      ...base,
      changes: [
        { id: 'a', type: 'user', removed: false },
        { id: 'b', type: 'user', removed: true },
        { id: 'c', type: 'user', removed: false },
      ],
      journal: [{ memberId: 'a', relation: 'member', change: 'added', at: T(7), actor: MEGAN, memberName: 'Ana' }],
      audit: [
        {
          at: T(6),
          change: 'added',
          relation: 'member',
          subjectId: 'a',
          subjectName: 'Ana',
          actor: { id: 'megan', name: 'Megan Bowen' },
        },
        {
          at: T(8),
          change: 'removed',
          relation: 'member',
          subjectId: 'b',
          subjectName: 'Bob',
          actor: { id: 'grace', name: 'Grace Taylor' },
        },
      ],
    });
    assert.deepEqual(
      r.events.map((e) => [e.memberId, e.change, e.source, e.actorId, +e.at]),
      [
        ['a', 'added', 'groupbot', 'megan', +T(7)],
        ['b', 'removed', 'delta', 'grace', +T(8)],
        ['c', 'added', 'delta', null, +T(10)],
      ],
    );
    assert.equal(r.names['grace'], 'Grace Taylor');
  });

  it('ignores journal entries outside the window and takes a direction match only', () => {
    const r = roundEvents({
      ...base,
      changes: [{ id: 'a', type: 'user', removed: true }],
      journal: [
        { memberId: 'a', relation: 'member', change: 'added', at: T(7), actor: MEGAN, memberName: null },
        {
          memberId: 'a',
          relation: 'member',
          change: 'removed',
          at: new Date(T(5).getTime() - 3600_000),
          actor: MEGAN,
          memberName: null,
        },
      ],
    });
    assert.deepEqual(
      r.events.map((e) => [e.change, e.source, e.actorId]),
      [['removed', 'delta', null]],
    );
  });

  it('owner changes come from the journal and the audit log, once each', () => {
    const r = roundEvents({
      ...base,
      journal: [{ memberId: 'o', relation: 'owner', change: 'added', at: T(6), actor: MEGAN, memberName: null }],
      audit: [
        {
          at: T(6),
          change: 'added',
          relation: 'owner',
          subjectId: 'o',
          subjectName: null,
          actor: { id: 'megan', name: null },
        },
        {
          at: T(9),
          change: 'removed',
          relation: 'owner',
          subjectId: 'p',
          subjectName: null,
          actor: { id: 'grace', name: null },
        },
      ],
    });
    assert.deepEqual(
      r.events.map((e) => [e.memberId, e.relation, e.change, e.source]),
      [
        ['o', 'owner', 'added', 'groupbot'],
        ['p', 'owner', 'removed', 'delta'],
      ],
    );
  });

  it('a restarted round (stale delta link) is diffed against the stored membership', () => {
    const r = roundEvents({
      ...base,
      initial: true,
      previous: { members: ['a', 'b'], owners: [] },
      changes: [
        { id: 'b', type: 'user', removed: false },
        { id: 'c', type: 'user', removed: false },
      ],
    });
    assert.deepEqual(
      r.events.map((e) => [e.memberId, e.change, e.baseline ?? false]),
      [
        ['c', 'added', false],
        ['a', 'removed', false],
      ],
    );
  });
});

describe('history: restore plan', () => {
  it('adds back who was there, removes who was not, counts who stays (ids in any case)', () => {
    assert.deepEqual(planRestore(['A', 'b', 'c'], ['a', 'd']), { add: ['d'], remove: ['b', 'c'], keep: 1 });
    assert.deepEqual(planRestore([], []), { add: [], remove: [], keep: 0 });
  });
});
