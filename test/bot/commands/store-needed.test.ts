import { strict as assert } from 'node:assert';
import { storeNeeded } from '../../../bot/commands/store-needed';

describe('bot/commands/store-needed', () => {
  it('says in one sentence what to run', () => {
    const text = storeNeeded('Access requests');
    assert.match(text, /^Access requests need the bot's store, which this chat runs without: /);
    assert.match(text, /`npm start`/);
    assert.match(text, /`npx groupbot chat --as <your sign-in>`/);
    assert.equal(text.split(/[.!?](\s|$)/).filter((s) => s.trim()).length, 1, 'one sentence');
  });
});
