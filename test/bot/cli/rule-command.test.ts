import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const bin = path.resolve(__dirname, '../../../bin/groupbot.js');

function groupbot(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [bin, 'rule', ...args], {
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('groupbot rule', () => {
  it('check prints the canonical form of a valid rule and exits 0', () => {
    const r = groupbot(['check', 'user.city eq "Seattle" AND user.department -EQ "Sales"']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      valid: true,
      canonical: 'user.city -eq "Seattle" -and user.department -eq "Sales"',
    });
  });

  it('check prints the reason and column of an invalid rule and exits 1', () => {
    const r = groupbot(['check', 'user.department -eq']);
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), { valid: false, error: 'expected a value after -eq', column: 20 });
  });

  it('eval prints true/false a line, in order', () => {
    const input =
      ['{"city":"Seattle"}', '{"city":"Paris"}', '', '{"city":"seattle","department":"x"}'].join('\n') + '\n';
    const r = groupbot(['eval', 'user.city -eq "Seattle"'], input);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'true\nfalse\ntrue\n');
  });

  it('eval names the malformed line and exits 1 without a stack trace', () => {
    const r = groupbot(['eval', 'user.city -eq "Seattle"'], '{"city":"Seattle"}\n{oops\n');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, 'true\n');
    assert.match(r.stderr, /line 2 is not valid JSON/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('eval of an invalid rule prints the check JSON on stderr and exits 1', () => {
    const r = groupbot(['eval', 'user.departmnt -eq "x"'], '{}\n');
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stderr), {
      valid: false,
      error: "unknown property 'user.departmnt' (did you mean user.department?)",
      column: 1,
    });
  });

  it('eval honours --now for system.now', () => {
    const r = groupbot(
      ['eval', 'user.employeeHireDate -ge system.now -minus P1D', '--now', '2025-01-02T00:00:00Z'],
      '{"employeeHireDate":"2025-01-01T12:00:00Z"}\n',
    );
    assert.equal(r.stdout, 'true\n');
  });

  it('odata prints the $filter', () => {
    const r = groupbot(['odata', 'user.surname -eq "O\'\'Brien"']);
    assert.deepEqual(JSON.parse(r.stdout), { filter: "surname eq 'O''Brien'" });
  });

  it('refuses a rule split over several arguments with a usage message (exit 2)', () => {
    const r = groupbot(['check', 'user.city', '-eq', 'Seattle']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /put the whole rule in quotes/);
  });
});
