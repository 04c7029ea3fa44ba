import { strict as assert } from 'node:assert';
import { buildGazetteer } from '../../../bot/language/entity-gazetteer';
import { readByEntities } from '../../../bot/language/entity-read';

const gazetteer = buildGazetteer({
  groups: ['Project Phoenix', 'Design Team', 'Finance Alerts', 'Finance Readers', 'Legal', 'Marketing'].map(
    (displayName, i) => ({ id: `g${i}`, displayName }),
  ),
});
const read = (text: string) => readByEntities(text, gazetteer);

describe('bot/language/entity-read', () => {
  it('finds the person between the verb and the group, whatever the filler around them', () => {
    assert.deepEqual(read('get Lee onto the phoenix project team'), {
      intent: 'addMembers',
      users: ['Lee'],
      groups: ['phoenix project'],
    });
    assert.deepEqual(read('Megan r u able to add Isaiah 2 the marketing grp'), {
      intent: 'addMembers',
      users: ['Isaiah'],
      groups: ['marketing'],
    });
  });

  it('reads the group named first and the person after the verb', () => {
    assert.deepEqual(read('For Design Team please to add the user Ana Souza'), {
      intent: 'addMembers',
      users: ['Ana Souza'],
      groups: ['Design'],
    });
  });

  it('reads ownership from "look after", "manage", "want to be owner", with a typo in the verb', () => {
    assert.deepEqual(read('let Johanna look after Legal'), {
      intent: 'addOwners',
      users: ['Johanna'],
      groups: ['Legal'],
    });
    assert.deepEqual(read('Grace Taylor want to be owner in Finance Alerts'), {
      intent: 'addOwners',
      users: ['Grace Taylor'],
      groups: ['Finance Alerts'],
    });
    assert.deepEqual(read('Lee should no longer manage Legal'), {
      intent: 'removeOwners',
      users: ['Lee'],
      groups: ['Legal'],
    });
    assert.deepEqual(read('plz remvoe Bob and Joni frm Marketing'), {
      intent: 'removeMembers',
      users: ['Bob', 'Joni'],
      groups: ['Marketing'],
    });
  });

  it('reads the subject of "should be on" and "needs" as the person to add', () => {
    assert.deepEqual(read('Diego should be on Legal from Monday'), {
      intent: 'addMembers',
      users: ['Diego'],
      groups: ['Legal'],
    });
    assert.deepEqual(read('Pete from finance needs Finance Readers'), {
      intent: 'addMembers',
      users: ['Pete'],
      groups: ['Finance Readers'],
    });
    assert.deepEqual(read('I need access to Legal'), { intent: 'requestAccess', groups: ['Legal'] });
  });

  it('answers questions about the group', () => {
    assert.deepEqual(read('the phoenix project, who is in it?'), {
      intent: 'listMembers',
      groups: ['phoenix project'],
    });
    assert.deepEqual(read('who looks after Legal'), { intent: 'listOwners', groups: ['Legal'] });
    assert.deepEqual(read('is Lee on Legal?'), { intent: 'checkMembership', users: ['Lee'], groups: ['Legal'] });
  });

  it('tells a question from a request, and asking for oneself from adding oneself', () => {
    assert.deepEqual(read('could Bob be added to Legal'), { intent: 'addMembers', users: ['Bob'], groups: ['Legal'] });
    assert.deepEqual(read('can Liam see Legal'), { intent: 'checkMembership', users: ['Liam'], groups: ['Legal'] });
    assert.deepEqual(read('why is Bob in Legal'), {
      intent: 'checkMembership',
      users: ['Bob'],
      groups: ['Legal'],
      explain: true,
    });
    assert.deepEqual(read("I'd like access to Legal"), { intent: 'requestAccess', groups: ['Legal'] });
    assert.deepEqual(read('can I get into Legal please'), { intent: 'requestAccess', groups: ['Legal'] });
    assert.deepEqual(read('add me and Ana to Legal'), {
      intent: 'addMembers',
      users: ['me', 'Ana'],
      groups: ['Legal'],
    });
  });

  it('keeps verbs, quotes and possessives out of names', () => {
    assert.deepEqual(read('set Chen as owner of Legal'), { intent: 'addOwners', users: ['Chen'], groups: ['Legal'] });
    assert.deepEqual(read("revoke Ana's access to Legal"), {
      intent: 'removeMembers',
      users: ['Ana'],
      groups: ['Legal'],
    });
    assert.deepEqual(read("add 'Ana' and 'Bob' to 'Design Team'"), {
      intent: 'addMembers',
      users: ['Ana', 'Bob'],
      groups: ['Design Team'],
    });
    assert.deepEqual(read('get Pat out of Legal'), { intent: 'removeMembers', users: ['Pat'], groups: ['Legal'] });
  });

  it('reads a listing of the group even when the speaker says "I"', () => {
    assert.deepEqual(read('I am needing the list of members of Legal please'), {
      intent: 'listMembers',
      groups: ['Legal'],
    });
  });

  it('reads "list" in a request about a person as part of the group phrase, not as a listing', () => {
    assert.deepEqual(read('let Pradeep manage the finance alerts list'), {
      intent: 'addOwners',
      users: ['Pradeep'],
      groups: ['finance alerts'],
    });
  });

  it('leaves messages about other tasks to the patterns', () => {
    assert.equal(read('remove the E5 license from Legal'), undefined);
    assert.equal(read('restore deleted group Legal'), undefined);
    assert.equal(read('who was in Legal last month'), undefined);
  });

  it('reads nothing without exactly one known group, an action, or a person', () => {
    assert.equal(read('add Lee to Sales'), undefined);
    assert.equal(read('move Lee from Legal to Marketing'), undefined);
    assert.equal(read('Legal is great'), undefined);
    assert.equal(read('who added Lee to Legal'), undefined);
    assert.equal(read("don't remove Lee from Legal"), undefined);
  });
});
