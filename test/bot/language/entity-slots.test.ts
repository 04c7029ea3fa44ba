import { strict as assert } from 'node:assert';
import { buildGazetteer } from '../../../bot/language/entity-gazetteer';
import { readSlotsThroughDirectory } from '../../../bot/language/entity-slots';
import { parseIntent } from '../../../bot/language';

const G = buildGazetteer({
  groups: ['Project Phoenix', 'Executive Leadership', 'Legal', 'Finance Readers', 'Audit Team', 'Audit Group'].map(
    (displayName, i) => ({ id: `g${i}`, displayName }),
  ),
});

describe('bot/language/entity-slots', () => {
  it('puts group phrases in the directory spelling', () => {
    const text = 'add Lee to the phoenix project team';
    const r = readSlotsThroughDirectory(parseIntent(text), text, G);
    assert.deepEqual(r.intent.groups, ['Project Phoenix']);
    assert.equal(r.ask, undefined);
    const exec = readSlotsThroughDirectory({ intent: 'listOwners', groups: ['exec leadership'] }, '', G);
    assert.deepEqual(exec.intent.groups, ['Executive Leadership']);
  });

  it('leaves a phrase that names nothing known, or names it already, as it is', () => {
    const intent = { intent: 'listMembers' as const, groups: ['Warehouse Scanners'] };
    assert.equal(readSlotsThroughDirectory(intent, '', G).intent, intent);
    const legal = { intent: 'listMembers' as const, groups: ['Legal'] };
    assert.equal(readSlotsThroughDirectory(legal, '', G).intent, legal);
  });

  it('fills a missing group from the one group the message names (ticket form)', () => {
    const text = 'INC0048213 - Access request\nUser: Joni Sherman\nGroup: Legal';
    const r = readSlotsThroughDirectory({ intent: 'addMembers', users: ['Joni Sherman'] }, text, G);
    assert.deepEqual(r.intent.groups, ['Legal']);
  });

  it('asks when a phrase names two different groups equally well', () => {
    const r = readSlotsThroughDirectory({ intent: 'listMembers', groups: ['the audit'] }, '', G);
    assert.deepEqual(r.ask?.candidates.map((c) => c.name).sort(), ['Audit Group', 'Audit Team']);
    assert.equal(r.ask?.position, 0);
  });
});
