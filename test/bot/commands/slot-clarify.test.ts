/**
 * The slot check of a fresh reading (pure): a reading that breaks its intent's schema is asked about; a reading
 * with no slot is let through without running the schema, which holds only while every slot of the table is
 * optional — checked here for every intent.
 */
import { strict as assert } from 'node:assert';
import { clarifySlots } from '../../../bot/commands/slot-clarify';
import { INTENT_NAMES, slotProblems, type Intent } from '../../../bot/language';

describe('bot/commands/slot-clarify clarifySlots', () => {
  it('every intent of the table accepts a reading with no slot (so skipping the schema then is sound)', () => {
    for (const name of INTENT_NAMES) assert.deepEqual(slotProblems({ intent: name }), [], name);
  });

  it('lets a reading with no slot, or with slots that fit, through', () => {
    assert.equal(clarifySlots({ intent: 'unknown' }), undefined);
    assert.equal(clarifySlots({ intent: 'help' }), undefined);
    assert.equal(clarifySlots({ intent: 'addMembers', users: ['Ana'], groups: ['Marketing'] }), undefined);
  });

  it('asks about a slot its intent does not have, naming the intent and an example', () => {
    const out = clarifySlots({ intent: 'help', groups: ['Marketing'] } as Intent);
    assert.ok(out);
    assert.match(out.replies[0]?.text ?? '', /asked me to help, but I could not make out one detail \(.*groups/);
  });

  it('asks about a name that is no intent', () => {
    const out = clarifySlots({ intent: 'makeCoffee' } as unknown as Intent);
    assert.ok(out);
    assert.match(out.replies[0]?.text ?? '', /"makeCoffee" is no intent/);
  });
});
