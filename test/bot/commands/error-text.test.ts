import { strict as assert } from 'node:assert';
import { DomainError, mapGraphError } from '../../../bot/directory/errors';
import { errorText, isForbidden, isPlainText, plainReason } from '../../../bot/commands/error-text';

describe('bot/commands/error-text', () => {
  it('read-only groups point to Exchange', () => {
    const e = mapGraphError({
      statusCode: 400,
      code: 'Request_BadRequest',
      message: 'Cannot Update a mail-enabled security groups and or distribution list.',
    });
    assert.equal(e.kind, 'readOnlyGroup');
    assert.match(
      errorText(e, { groupName: 'All Company News', readOnlyKind: 'distribution' }),
      /'All Company News' is a distribution list; it can only be changed in Exchange/,
    );
  });

  it('dynamic groups quote their rule', () => {
    const e = new DomainError('dynamicGroup', 'x');
    assert.match(
      errorText(e, { groupName: 'Marketing department', rule: 'user.department -eq "Marketing"' }),
      /members come from its rule: user\.department -eq "Marketing"/,
    );
  });

  it('a 403 offers to ask the owners', () => {
    const e = mapGraphError({
      statusCode: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
    assert.ok(isForbidden(e));
    assert.equal(
      errorText(e, { groupName: 'Legal', action: 'add members to' }),
      "You can't add members to 'Legal'. Shall I ask its owners?",
    );
  });

  it('a 403 on a directory-wide action explains the account cannot, and offers no owners to ask', () => {
    const text = errorText(new DomainError('forbidden', 'Insufficient privileges to complete the operation.'), {
      action: 'list all groups',
      directoryWide: true,
    });
    assert.match(text, /can't list all groups in this directory/);
    assert.doesNotMatch(text, /owners/);
  });

  it('last owner, throttled, unavailable, not found, unauthenticated each have their sentence', () => {
    assert.match(
      errorText(
        mapGraphError({
          statusCode: 400,
          message: 'The group must have at least one owner, hence this owner cannot be removed.',
        }),
        { groupName: 'X' },
      ),
      /must keep at least one owner/,
    );
    assert.match(errorText(mapGraphError({ statusCode: 429, message: 'Too many' })), /throttling.*I retried/);
    assert.match(errorText(mapGraphError({ statusCode: 503, message: 'down' })), /not answering/);
    assert.match(
      errorText(mapGraphError({ statusCode: 404, message: 'gone' }), { groupName: 'Sales' }),
      /couldn't find 'Sales'/,
    );
    assert.match(errorText(mapGraphError({ statusCode: 401, message: 'Access token is empty.' })), /sign in again/);
  });

  it("invalid requests carry Graph's reason", () => {
    const e = mapGraphError({
      statusCode: 400,
      code: 'Request_BadRequest',
      message: "Invalid value specified for property 'mailNickname' of resource 'Group'.",
    });
    assert.equal(
      errorText(e),
      "Microsoft Graph refused that: Invalid value specified for property 'mailNickname' of resource 'Group'.",
    );
  });

  it('anything else becomes a generic sentence without a stack trace', () => {
    const text = errorText(new TypeError('x is undefined'));
    assert.doesNotMatch(text, /TypeError|at /);
    assert.match(text, /went wrong/);
  });

  it("never passes on Graph's object ids or codes; plain reasons pass through", () => {
    const raw = mapGraphError({
      statusCode: 400,
      code: 'Request_BadRequest',
      message:
        "Resource '53b5c2a0-1d4e-4f6a-9b8c-7d6e5f4a3b2c' does not exist or one of its queried reference-property objects are not present.",
    });
    assert.equal(errorText(raw), 'Microsoft Graph refused that request as not valid.');
    const odd = mapGraphError({ statusCode: 500, message: 'Request_UnknownError: ErrorCode 7' });
    assert.equal(errorText(odd), 'Microsoft Graph returned an unexpected error (HTTP 500).');
    assert.equal(
      errorText(mapGraphError({ statusCode: 400, message: 'The description is too long.' })),
      'Microsoft Graph refused that: The description is too long.',
    );
    assert.equal(isPlainText("I couldn't find 'Nestor Wilke'."), true);
    assert.equal(isPlainText('Request_ResourceNotFound'), false);
  });

  it('rebuilds a stored raw Graph reason from its status; a 403 in the journal offers nobody to ask', () => {
    assert.equal(
      plainReason(
        "Resource 'x' does not exist or one of its queried reference-property objects are not present.",
        404,
        {
          groupName: 'Marketing',
          objectName: 'Nestor Wilke',
        },
      ),
      "I couldn't find 'Nestor Wilke'; it may have been deleted or renamed.",
    );
    assert.equal(plainReason('a guest', 400), 'a guest');
    assert.equal(plainReason('Request_Denied', null), 'Microsoft Graph refused the change.');
    assert.equal(
      plainReason('Authorization_RequestDenied: Insufficient privileges', 403, {
        groupName: 'Legal',
        action: 'change',
        offerOwners: false,
      }),
      "You don't have the rights to change 'Legal', so Microsoft Graph refused.",
    );
  });
});
