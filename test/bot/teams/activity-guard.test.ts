import { strict as assert } from 'node:assert';
import { isTerminalConnectorUrl, serviceUrlProblem } from '../../../bot/teams/activity-guard';

describe('bot/teams/activity-guard isTerminalConnectorUrl (the terminal chat while npm start runs)', () => {
  it('accepts http on a loopback host under /groupbot-terminal/', () => {
    for (const url of ['http://127.0.0.1:41234/groupbot-terminal/abc', 'http://localhost:1/groupbot-terminal/x/v3'])
      assert.equal(isTerminalConnectorUrl(new URL(url)), true, url);
  });

  it('refuses another path, another host, https and credentials in the URL', () => {
    for (const url of [
      'http://127.0.0.1:41234/_connector',
      'http://127.0.0.1:41234/groupbot-terminalx',
      'http://example.com/groupbot-terminal/abc',
      'http://10.0.0.1/groupbot-terminal/abc',
      'https://127.0.0.1/groupbot-terminal/abc',
      'http://user:pw@127.0.0.1/groupbot-terminal/abc',
    ])
      assert.equal(isTerminalConnectorUrl(new URL(url)), false, url);
    assert.match(
      serviceUrlProblem('http://example.com/groupbot-terminal/a', isTerminalConnectorUrl) ?? '',
      /not a connector this bot answers/,
    );
  });
});
