import { strict as assert } from 'node:assert';
import { LineReader, inputPrompt, type ShownCard } from '../../../bot/chat/line-reader';

const card: ShownCard = {
  actions: [
    { number: 1, title: 'Submit', type: 'Action.Execute', verb: 'requestSubmit', data: {}, usesInputs: true },
    { number: 2, title: 'Cancel', type: 'Action.Execute', verb: 'cancel', data: {}, usesInputs: false },
  ],
  inputs: [
    { id: 'reason', label: 'Reason', kind: 'text', value: 'budget', isRequired: true, isMultiline: false },
    {
      id: 'days',
      label: 'Days',
      kind: 'choice',
      choices: [
        { title: '7', value: '7' },
        { title: '30', value: '30' },
      ],
      isRequired: false,
      isMultiline: false,
    },
  ],
};

describe('bot/chat/line-reader', () => {
  it('presses a button without inputs at once, and sends other text as a message', () => {
    const reader = new LineReader();
    assert.deepEqual(reader.read(' 2 ', card), { kind: 'click', button: 2 });
    assert.deepEqual(reader.read('who owns Legal', card), { kind: 'say', text: 'who owns Legal' });
    assert.deepEqual(reader.read('3', undefined), { kind: 'say', text: '3' });
    assert.deepEqual(reader.read('   ', card), { kind: 'nothing' });
    assert.deepEqual(reader.read('quit', card), { kind: 'exit' });
  });

  it('asks for each input of a button that uses them, keeps a shown value on an empty line, then presses it', () => {
    const reader = new LineReader();
    assert.deepEqual(reader.read('1', card), { kind: 'ask', prompt: '  Reason [budget]: ' });
    assert.deepEqual(reader.read('', card), { kind: 'ask', prompt: '  Days (7 / 30): ' });
    assert.deepEqual(reader.read('exit', card), {
      kind: 'click',
      button: 1,
      values: { reason: 'budget', days: 'exit' },
    });
    assert.deepEqual(reader.read('exit', card), { kind: 'exit' });
  });

  it('forgets a half-answered button on reset', () => {
    const reader = new LineReader();
    reader.read('1', card);
    reader.reset();
    assert.deepEqual(reader.read('hello', card), { kind: 'say', text: 'hello' });
    assert.equal(inputPrompt(card.inputs[0] as ShownCard['inputs'][number]), '  Reason [budget]: ');
  });
});
