import { strict as assert } from 'node:assert';
import { MAX_UTTERANCE_LENGTH, parseIntent } from '../../../bot/language';

describe('parseIntent', () => {
  it('answers unknown, with no slots, for text over the length limit', () => {
    const long = 'add Ana to Marketing '.repeat(Math.ceil((MAX_UTTERANCE_LENGTH + 1) / 21));
    assert.ok(long.length > MAX_UTTERANCE_LENGTH);
    assert.deepStrictEqual(parseIntent(long), { intent: 'unknown' });
  });

  it('still parses a long list just under the limit', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `user${i}@contoso.com`);
    const text = `add these to Marketing:\n${lines.join('\n')}`;
    assert.ok(text.length <= MAX_UTTERANCE_LENGTH);
    const intent = parseIntent(text);
    assert.equal(intent.intent, 'addMembers');
    assert.deepStrictEqual(intent.groups, ['Marketing']);
    assert.deepStrictEqual(intent.users, lines);
  });

  it("reads a second question without a group as about the first one's group", () => {
    assert.deepEqual(parseIntent('who owns Legal and is Bob a member too?'), {
      intent: 'multi',
      steps: [
        { intent: 'listOwners', groups: ['Legal'] },
        { intent: 'checkMembership', users: ['Bob'], groups: ['Legal'] },
      ],
    });
    assert.deepEqual(parseIntent('who owns Legal and what groups does Bob own'), {
      intent: 'multi',
      steps: [
        { intent: 'listOwners', groups: ['Legal'] },
        { intent: 'listOwnedGroups', users: ['Bob'] },
      ],
    });
  });

  it('reads "she" in a second question as the first question\'s person, and keeps an unresolved one as written', () => {
    assert.deepEqual(parseIntent('is Zoë in Directory Squad, and is she in Platform Core too?'), {
      intent: 'multi',
      steps: [
        { intent: 'checkMembership', users: ['Zoë'], groups: ['Directory Squad'] },
        { intent: 'checkMembership', users: ['Zoë'], groups: ['Platform Core'] },
      ],
    });
    assert.deepEqual(parseIntent('is she in Legal'), { intent: 'checkMembership', users: ['she'], groups: ['Legal'] });
  });

  it('answers unknown for input that is not a string', () => {
    assert.deepStrictEqual(parseIntent(undefined as unknown as string), { intent: 'unknown' });
    assert.deepStrictEqual(parseIntent(42 as unknown as string), { intent: 'unknown' });
  });

  it('is deterministic and does not keep state between calls', () => {
    const texts = [
      'add Ana and Bob to Marketing',
      'remove these from Legal:\nana@contoso.com\nbob@contoso.com',
      'who owns X',
    ];
    const first = texts.map((t) => parseIntent(t));
    const second = texts
      .slice()
      .reverse()
      .map((t) => parseIntent(t))
      .reverse();
    assert.deepStrictEqual(second, first);
  });

  it('puts the intent name first and leaves out empty slots', () => {
    const intent = parseIntent('create a group');
    assert.deepStrictEqual(Object.keys(intent), ['intent']);
    assert.deepStrictEqual(Object.keys(parseIntent('add Ana to Marketing for 30 days')), [
      'intent',
      'users',
      'groups',
      'durationDays',
    ]);
  });

  it('never splits a group phrase on "and" but splits users on it', () => {
    const intent = parseIntent('add Ana and Bob to Research and Development and Sales');
    assert.deepStrictEqual(intent.users, ['Ana', 'Bob']);
    assert.deepStrictEqual(intent.groups, ['Research and Development and Sales']);
  });

  it('treats a mention of the bot with nothing else as a greeting', () => {
    assert.deepStrictEqual(parseIntent('<at>groupbot</at>&nbsp;'), { intent: 'help' });
  });
});
