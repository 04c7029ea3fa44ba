import { strict as assert } from 'node:assert';
import { groupSchema } from '../../../graph-emulator/query/schema-group';
import { userSchema } from '../../../graph-emulator/query/schema-user';
import { parseSearch, searchWords } from '../../../graph-emulator/query/search-parse';
import { expectQueryError, groups, users } from './query-helpers';

const names = (pred: (o: Record<string, unknown>) => boolean, objs: Record<string, unknown>[]): unknown[] =>
  objs.filter(pred).map((o) => o.displayName);

describe('graph-emulator query: $search', () => {
  it('splits words on punctuation and spaces', () => {
    assert.deepEqual(searchWords("O'Brien Research-and_Development"), ['o', 'brien', 'research', 'and', 'development']);
  });

  it('displayName matches the prefix of any word', () => {
    assert.deepEqual(names(parseSearch('"displayName:research"', groupSchema), groups), [
      "O'Brien Research and Development",
    ]);
    assert.deepEqual(names(parseSearch('"displayName:DEV"', groupSchema), groups), [
      "O'Brien Research and Development",
    ]);
  });

  it('does not match the middle of a word in displayName', () => {
    assert.deepEqual(names(parseSearch('"displayName:search"', groupSchema), groups), []);
  });

  it('every word of a multi-word term must match', () => {
    assert.deepEqual(names(parseSearch('"displayName:brien dev"', groupSchema), groups), [
      "O'Brien Research and Development",
    ]);
    assert.deepEqual(names(parseSearch('"displayName:brien sales"', groupSchema), groups), []);
  });

  it('description is word-split too', () => {
    assert.deepEqual(names(parseSearch('"description:québec"', groupSchema), groups), ['Équipe Ventes']);
  });

  it('mail matches only as a prefix of the whole value', () => {
    assert.deepEqual(names(parseSearch('"mail:rnd"', groupSchema), groups), ["O'Brien Research and Development"]);
    assert.deepEqual(names(parseSearch('"mail:contoso"', groupSchema), groups), []);
  });

  it('OR and AND combine clauses, AND binding tighter', () => {
    const pred = parseSearch('"displayName:outlook" OR "displayName:security" AND "mail:nobody"', groupSchema);
    assert.deepEqual(names(pred, groups), ['OutlookGroup101']);
    const both = parseSearch('"displayName:megan" AND "mail:megan"', userSchema);
    assert.deepEqual(names(both, users), ['Megan Bowen']);
  });

  it('user search on givenName and userPrincipalName', () => {
    assert.deepEqual(names(parseSearch('"givenName:an" OR "userPrincipalName:bob"', userSchema), users), [
      'Ana Silva',
      'Bob Kelly',
    ]);
  });

  it('proxyAddresses match after the smtp: prefix', () => {
    assert.deepEqual(names(parseSearch('"proxyAddresses:outlookgroup101@contoso.onmicrosoft"', groupSchema), groups), [
      'OutlookGroup101',
    ]);
  });

  it('refuses an unquoted clause', () => {
    expectQueryError(
      () => parseSearch('displayName:Video', groupSchema),
      400,
      'Request_UnsupportedQuery',
      /clauses must be quoted/,
    );
  });

  it('refuses a clause without a property', () => {
    expectQueryError(
      () => parseSearch('"Video"', groupSchema),
      400,
      'Request_UnsupportedQuery',
      /must name a property/,
    );
  });

  it('refuses a property that cannot be searched', () => {
    expectQueryError(
      () => parseSearch('"visibility:Public"', groupSchema),
      400,
      'Request_UnsupportedQuery',
      "Unsupported or invalid query search clause specified for property 'visibility' of resource 'Group'.",
    );
  });

  it('refuses a dangling operator', () => {
    expectQueryError(
      () => parseSearch('"displayName:a" OR', groupSchema),
      400,
      'Request_UnsupportedQuery',
      /clause is missing/,
    );
  });
});
