import { strict as assert } from 'node:assert';
import { UsageError, parseCommandLine, parseOptions } from '../../../graph-emulator/cli/cli-args';

describe('graph-emulator/cli/cli-args (util.parseArgs for every sub-command)', () => {
  it('reads --name value and --name=value, only the allowed names', () => {
    assert.deepEqual(parseOptions(['--port=8443', '--data', '.data/graph'], ['port', 'data', 'seed']), {
      port: '8443',
      data: '.data/graph',
    });
  });

  it('turns parse errors into short usage sentences', () => {
    const usage = (argv: string[], message: string) =>
      assert.throws(
        () => parseOptions(argv, ['port', 'data']),
        (err: unknown) => err instanceof UsageError && err.message === message,
      );
    usage(['--foo', '1'], "unknown argument '--foo'");
    usage(['--port'], "option '--port' needs a value");
    usage(['--port', '--data', 'x'], "option '--port' needs a value");
    usage(['stray words'], "unexpected argument 'stray words'");
  });

  it('keeps positionals in order when allowed, and `--` lets one start with a dash', () => {
    assert.deepEqual(parseCommandLine(['check', '--now', '2025-01-01T00:00:00Z', '--', '-not x'], ['now'], true), {
      options: { now: '2025-01-01T00:00:00Z' },
      positionals: ['check', '-not x'],
      flags: {},
    });
  });
});
