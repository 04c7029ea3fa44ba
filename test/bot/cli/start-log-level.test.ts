import { strict as assert } from 'node:assert';
import { startLogLevel } from '../../../bot/cli/start-log-level';

describe('bot/cli/start-log-level', () => {
  it('at a terminal, leaves routine JSON lines out unless LOG_LEVEL=debug; warnings and errors stay', () => {
    assert.equal(startLogLevel('info', true), 'warn');
    assert.equal(startLogLevel('debug', true), 'debug');
    assert.equal(startLogLevel('warn', true), 'warn');
    assert.equal(startLogLevel('error', true), 'error');
  });

  it('when stdout is not a terminal, logs at the configured level', () => {
    assert.equal(startLogLevel('info', false), 'info');
    assert.equal(startLogLevel('debug', false), 'debug');
  });
});
