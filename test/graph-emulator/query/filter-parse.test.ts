import { strict as assert } from 'node:assert';
import { tokenize } from '../../../graph-emulator/query/filter-lexer';
import { parseFilter } from '../../../graph-emulator/query/filter-parse';
import { expectQueryError } from './query-helpers';

describe('graph-emulator query: $filter tokenizer and parser', () => {
  it('unescapes doubled single quotes in string literals', () => {
    const tokens = tokenize("displayName eq 'O''Brien'");
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text]),
      [
        ['ident', 'displayName'],
        ['ident', 'eq'],
        ['string', "O'Brien"],
        ['eof', ''],
      ],
    );
  });

  it('reads unquoted GUID, datetime and number literals', () => {
    const kinds = tokenize(
      'a eq 184efa21-98c3-4e5d-95ab-d07053a96e67 b ge 2024-01-01T00:00:00Z c eq 0 d eq 2024-05-01',
    ).map((t) => t.kind);
    assert.deepEqual(kinds, [
      'ident',
      'ident',
      'guid',
      'ident',
      'ident',
      'datetime',
      'ident',
      'ident',
      'number',
      'ident',
      'ident',
      'datetime',
      'eof',
    ]);
  });

  it('reads a GUID that starts with letters as a GUID, not a name', () => {
    const t = tokenize('abcdef12-98c3-4e5d-95ab-d07053a96e67');
    assert.equal(t[0]?.kind, 'guid');
  });

  it('refuses an unterminated string with the position of its quote', () => {
    expectQueryError(
      () => parseFilter("displayName eq 'abc"),
      400,
      'BadRequest',
      "Invalid filter clause: Syntax error: unterminated string literal at position 15 in 'displayName eq 'abc'.",
    );
  });

  it('refuses an invalid character', () => {
    expectQueryError(
      () => parseFilter('displayName eq "abc"'),
      400,
      'BadRequest',
      /character '"' is not valid at position 15/,
    );
  });

  it('parses precedence: and binds tighter than or', () => {
    const tree = parseFilter("a eq 'x' or b eq 'y' and c eq 'z'");
    assert.equal(tree.kind, 'or');
    assert.ok(tree.kind === 'or' && tree.right.kind === 'and');
  });

  it('parses parentheses overriding precedence', () => {
    const tree = parseFilter("(a eq 'x' or b eq 'y') and c eq 'z'");
    assert.equal(tree.kind, 'and');
    assert.ok(tree.kind === 'and' && tree.left.kind === 'or');
  });

  it('parses keywords and function names case-insensitively', () => {
    const tree = parseFilter("NOT StartsWith(displayName,'a') AND mailEnabled EQ true");
    assert.equal(tree.kind, 'and');
    assert.ok(
      tree.kind === 'and' &&
        tree.left.kind === 'not' &&
        tree.left.operand.kind === 'call' &&
        tree.left.operand.name === 'startsWith',
    );
  });

  it('parses an any() lambda with its variable and body', () => {
    const tree = parseFilter("groupTypes/any(c:c eq 'Unified')");
    assert.equal(tree.kind, 'lambda');
    assert.ok(
      tree.kind === 'lambda' && tree.variable === 'c' && tree.quantifier === 'any' && tree.body.kind === 'compare',
    );
  });

  it('parses a nested lambda path a/skuId', () => {
    const tree = parseFilter('assignedLicenses/any(a:a/skuId eq 184efa21-98c3-4e5d-95ab-d07053a96e67)');
    assert.ok(tree.kind === 'lambda' && tree.body.kind === 'compare' && tree.body.left.kind === 'path');
    assert.ok(
      tree.kind === 'lambda' &&
        tree.body.kind === 'compare' &&
        tree.body.left.kind === 'path' &&
        tree.body.left.segments.join('/') === 'a/skuId',
    );
  });

  it('parses /$count comparisons', () => {
    const tree = parseFilter('assignedLicenses/$count eq 0');
    assert.ok(tree.kind === 'compare' && tree.left.kind === 'count' && tree.left.segments[0] === 'assignedLicenses');
  });

  it('parses in lists', () => {
    const tree = parseFilter("displayName in ('a', 'b','c')");
    assert.ok(tree.kind === 'in' && tree.values.length === 3);
  });

  it('turns "startsWith(...) eq false" into a negation', () => {
    const tree = parseFilter("startsWith(displayName,'a') eq false");
    assert.equal(tree.kind, 'not');
  });

  it('refuses a bare property that is not a boolean expression', () => {
    expectQueryError(
      () => parseFilter('displayName'),
      400,
      'BadRequest',
      'Invalid filter clause: The $filter expression must evaluate to a single boolean value.',
    );
  });

  it('refuses an unknown function', () => {
    expectQueryError(
      () => parseFilter("substringof('a',displayName)"),
      400,
      'BadRequest',
      /unknown function 'substringof'/,
    );
  });

  it('refuses a missing closing parenthesis', () => {
    expectQueryError(() => parseFilter("(displayName eq 'a'"), 400, 'BadRequest', /Syntax error/);
  });

  it('refuses an empty filter', () => {
    expectQueryError(() => parseFilter('  '), 400, 'BadRequest', /empty expression/);
  });

  it('refuses trailing tokens', () => {
    expectQueryError(() => parseFilter("displayName eq 'a' 'b'"), 400, 'BadRequest', /unexpected 'b'/);
  });
});
