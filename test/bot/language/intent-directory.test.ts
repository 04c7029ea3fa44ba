import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../bot/language';
import { buildGazetteer } from '../../../bot/language/entity-gazetteer';
import { namesKnownGroup } from '../../../bot/language/intent-directory';

const gazetteer = buildGazetteer({
  groups: [
    { id: 'g1', displayName: 'Project Phoenix' },
    { id: 'g2', displayName: 'Sales' },
    { id: 'g3', displayName: 'Engineering Platform' },
    { id: 'g4', displayName: 'Engineering All' },
    { id: 'g5', displayName: 'Vendor Portal Access' },
  ],
});

describe('bot/language parseIntent with a gazetteer', () => {
  it('takes a group the reading lacks from the one the message names, in the words the user wrote', () => {
    const text = 'who are the members? the phoenix project team';
    assert.deepEqual(parseIntent(text), { intent: 'listMembers' });
    assert.deepEqual(parseIntent(text, { gazetteer }), { intent: 'listMembers', groups: ['phoenix project'] });
  });

  it('leaves a reading that has its slots, or names nothing known, unchanged', () => {
    assert.deepEqual(parseIntent('who is in Sales', { gazetteer }), parseIntent('who is in Sales'));
    assert.deepEqual(parseIntent('members please', { gazetteer }), { intent: 'listMembers' });
    assert.deepEqual(parseIntent('the weather in Paris', { gazetteer }), { intent: 'unknown' });
  });

  it('reads entities first what the patterns did not read', () => {
    const text = 'let Johanna look after Vendor Portal Access';
    assert.equal(parseIntent(text).intent, 'unknown');
    assert.deepEqual(parseIntent(text, { gazetteer }), {
      intent: 'addOwners',
      users: ['Johanna'],
      groups: ['Vendor Portal Access'],
    });
  });

  it('reads a pronoun as the person an earlier sentence names', () => {
    const text = "Hey, Pradeep is covering Olga's work. Can you add him as an owner of Sales?";
    assert.deepEqual(parseIntent(text, { gazetteer }), { intent: 'addOwners', users: ['Pradeep'], groups: ['Sales'] });
  });

  it('keeps a pattern reading whose group phrase names more than a known group', () => {
    const text = 'add Ana to Sales EMEA';
    assert.deepEqual(parseIntent(text, { gazetteer }), {
      intent: 'addMembers',
      users: ['Ana'],
      groups: ['Sales EMEA'],
    });
    assert.deepEqual(parseIntent('add Ana to sales emea', { gazetteer }).groups, ['sales emea']);
    assert.deepEqual(parseIntent('add Ana to Sales urgently', { gazetteer }).groups, ['Sales']);
  });

  it('keeps a pattern reading whose group phrase is made of known names', () => {
    const text = 'add Ana to Engineering Platform and Engineering All';
    assert.deepEqual(parseIntent(text, { gazetteer }), parseIntent(text));
  });

  it('does not fill a group into an intent that reads its text whole (a rule preview)', () => {
    const text = 'preview rule user.department -eq "Sales"';
    assert.deepEqual(parseIntent(text, { gazetteer }), parseIntent(text));
  });

  it('knows a phrase of known group names from one with other words in it', () => {
    assert.equal(namesKnownGroup('the Sales group', gazetteer), true);
    assert.equal(namesKnownGroup('Engineering Platform and Engineering All', gazetteer), true);
    assert.equal(namesKnownGroup('Sales and is he a member', gazetteer), false);
    assert.equal(namesKnownGroup('Marketing', gazetteer), false);
  });
});
