import assert from 'node:assert/strict';
import { parseCardAction } from '../../cards/card-action-parse';
import { guid } from './fixtures';

function fails(value: unknown, pattern: RegExp): void {
  const r = parseCardAction(value);
  assert.equal(r.ok, false, `expected failure for ${JSON.stringify(value)}`);
  if (!r.ok) assert.match(r.error, pattern);
}

describe('cards/card-action-parse (the one check of a payload coming back)', () => {
  describe('parseCardAction accepts', () => {
    it('a choose payload, lower-casing the GUID and keeping the slot', () => {
      const r = parseCardAction({ verb: 'choose', pendingId: 'p-1', objectId: guid(7).toUpperCase(), slot: 'users.1' });
      assert.deepEqual(r, {
        ok: true,
        action: { verb: 'choose', pendingId: 'p-1', objectId: guid(7), slot: 'users.1' },
      });
    });

    it('the adaptiveCard/action invoke value shape', () => {
      const r = parseCardAction({
        action: { type: 'Action.Execute', verb: 'approvalDeny', data: { requestId: 'r1', reason: ' too broad ' } },
      });
      assert.deepEqual(r, { ok: true, action: { verb: 'approvalDeny', requestId: 'r1', reason: 'too broad' } });
    });

    it('bulk picks from pick_N inputs, skipping empty ones, sorted by index', () => {
      const r = parseCardAction({ verb: 'bulkAdd', batchId: 'b1', pick_12: guid(2), pick_3: guid(1), pick_4: '' });
      assert.deepEqual(r, {
        ok: true,
        action: {
          verb: 'bulkAdd',
          batchId: 'b1',
          picks: [
            { index: 3, objectId: guid(1) },
            { index: 12, objectId: guid(2) },
          ],
        },
      });
    });

    it('a create form, splitting name lists and defaulting the type', () => {
      const r = parseCardAction({
        verb: 'groupCreate',
        displayName: 'Finance Readers',
        mailNickname: 'FinanceReaders',
        owners: 'Ana, bob@contoso.com;\nDiego',
        members: '',
        visibility: 'Private',
      });
      assert.ok(r.ok);
      assert.deepEqual(r.action, {
        verb: 'groupCreate',
        groupType: 'security',
        displayName: 'Finance Readers',
        mailNickname: 'FinanceReaders',
        visibility: 'Private',
        owners: ['Ana', 'bob@contoso.com', 'Diego'],
        members: [],
      });
    });

    it('durationDays as a number or numeric string, and booleans as strings', () => {
      const a = parseCardAction({
        verb: 'requestSubmit',
        groupId: guid(1),
        justification: 'need it',
        durationDays: '30',
      });
      assert.ok(a.ok && a.action.verb === 'requestSubmit' && a.action.durationDays === 30);
      const b = parseCardAction({ verb: 'listShow', list: 'members', subjectId: guid(1), transitive: 'true' });
      assert.ok(b.ok && b.action.verb === 'listShow' && b.action.transitive === true);
    });
  });

  describe('parseCardAction rejects', () => {
    it('non-objects and arrays', () => {
      fails(null, /not an object/);
      fails('approve', /not an object/);
      fails([{ verb: 'undo' }], /not an object/);
    });

    it('unknown and missing verbs, including inherited names', () => {
      fails({ verb: 'dropTable' }, /Unknown card action "dropTable"/);
      fails({ verb: 'toString' }, /Unknown card action/);
      fails({ verb: 'hasOwnProperty' }, /Unknown card action/);
      fails({ groupId: guid(1) }, /no verb/);
      fails({ verb: 42 }, /no verb/);
    });

    it('wrong types', () => {
      fails({ verb: 'groupDelete', groupId: 12345 }, /"groupId" must be text/);
      fails({ verb: 'listShow', list: 'members', subjectId: guid(1), transitive: 'yes' }, /true or false/);
      fails({ verb: 'requestSubmit', groupId: guid(1), justification: 'x', durationDays: 1.5 }, /whole number/);
      fails({ verb: 'requestSubmit', groupId: guid(1), justification: 'x', durationDays: 9999 }, /whole number/);
      fails({ verb: 'approvalApprove', requestId: { id: 'r1' } }, /must be text/);
    });

    it('malformed GUIDs and ids', () => {
      fails({ verb: 'groupDelete', groupId: 'not-a-guid' }, /must be a GUID|is not a GUID/);
      fails({ verb: 'groupDelete', groupId: `${guid(1)}x` }, /GUID/);
      fails({ verb: 'choose', pendingId: 'p1', objectId: "1' or 1 eq 1" }, /GUID/);
      fails({ verb: 'undo', journalId: '../../etc/passwd' }, /valid id/);
      fails({ verb: 'bulkAdd', batchId: 'b1', pick_1: 'ana' }, /GUID/);
    });

    it('a paging cursor that is a URL', () => {
      fails({ verb: 'listMore', list: 'groups', cursor: 'https://evil.example/v1.0/users' }, /paging cursor/);
    });

    it('missing required fields', () => {
      fails({ verb: 'groupDelete' }, /"groupId" is missing/);
      fails({ verb: 'requestSubmit', groupId: guid(1), justification: '   ' }, /"justification" is missing/);
      fails({ verb: 'groupCreate', displayName: '' }, /^The field "displayName" is missing\.$/);
    });

    it('oversized strings', () => {
      fails({ verb: 'sendText', text: 'x'.repeat(257) }, /longer than 256/);
      fails({ verb: 'approvalDeny', requestId: 'r1', reason: 'y'.repeat(300) }, /longer than 256/);
      fails({ verb: 'groupCreatePreview', rule: 'z'.repeat(3073) }, /longer than 3072/);
      fails({ verb: 'groupCreate', displayName: 'X', mailNickname: 'a'.repeat(65) }, /longer than 64/);
      fails({ verb: 'groupCreate', displayName: 'X', mailNickname: 'has space' }, /mail nickname/);
      assert.ok(parseCardAction({ verb: 'sendText', text: 'x'.repeat(256) }).ok);
    });

    it('prototype pollution keys at any depth', () => {
      fails(JSON.parse('{"verb":"undo","journalId":"j1","__proto__":{"isAdmin":true}}'), /forbidden key "__proto__"/);
      fails({ verb: 'undo', journalId: 'j1', constructor: { prototype: {} } }, /forbidden key "constructor"/);
      fails(
        JSON.parse('{"action":{"type":"Action.Execute","verb":"undo","data":{"journalId":"j1","x":{"__proto__":{}}}}}'),
        /^The field "x" is not part of this button\.$/,
      );
      assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined);
    });

    it('a verb that differs between action and data, and nesting no button sends', () => {
      fails(
        { action: { type: 'Action.Execute', verb: 'groupDelete', data: { verb: 'undo', groupId: guid(1) } } },
        /does not match/,
      );
      let deep: Record<string, unknown> = { verb: 'cancel' };
      for (let i = 0; i < 10; i++) deep = { verb: 'cancel', nested: deep };
      fails(deep, /^The field "nested" is not part of this button\.$/);
    });

    it("fields the verb's button and card do not send, naming the first", () => {
      fails(
        { verb: 'groupDelete', groupId: guid(9), isAdmin: true },
        /^The field "isAdmin" is not part of this button\.$/,
      );
      fails({ verb: 'groupDelete', groupId: guid(9), msteams: { type: 'imBack' } }, /"msteams" is not part/);
      fails({ verb: 'sendText', text: 'hi', msteams: { type: 'imBack', value: 'hi', x: 1 } }, /"x" in "msteams"/);
      // A pick_N input is named as the card named it, not by the key it is gathered under.
      fails({ verb: 'confirm', pendingId: 'p1', pick_1: guid(1) }, /"pick_1" is not part/);
      fails({ verb: 'confirm', pendingId: 'p1', picks: { 1: guid(1) } }, /"picks" is not part/);
      // A hygiene renew is about the group only; the other fixes need the person.
      fails({ verb: 'hygieneFix', fix: 'renew', groupId: guid(1), userId: guid(2) }, /"userId" is not part/);
      fails({ verb: 'hygieneFix', fix: 'removeMember', groupId: guid(1) }, /"userId" is missing/);
      // The approval card's reason input comes along with Approve too (clients send every input of the card);
      // it is checked and dropped (SENT_ALONG), while anything else is still refused.
      assert.deepEqual(parseCardAction({ verb: 'approvalApprove', requestId: 'r1', reason: 'why not' }), {
        ok: true,
        action: { verb: 'approvalApprove', requestId: 'r1' },
      });
      fails({ verb: 'approvalApprove', requestId: 'r1', justification: 'x' }, /"justification" is not part/);
    });

    it('wrong-typed and over-long fields of every kind', () => {
      fails({ verb: 'listShow', list: 'secrets', subjectId: guid(1) }, /"list" must be one of groups, /);
      fails({ verb: 'listShow', list: 3, subjectId: guid(1) }, /"list" must be one of/);
      fails({ verb: 'choose', pendingId: 'p1', objectId: guid(1), slot: 'a b' }, /"slot" is not a valid slot/);
      fails({ verb: 'groupCreate', displayName: 'X', groupType: 'mail' }, /"groupType" must be one of security/);
      fails({ verb: 'groupCreate', displayName: 'X', owners: ['Ana'] }, /"owners" must be text/);
      fails({ verb: 'groupCreate', displayName: 'X', owners: 'a,'.repeat(101) }, /lists more than 100 names/);
      fails({ verb: 'groupCreate', displayName: 'X', members: 'b'.repeat(257) }, /has a name longer than 256/);
      fails({ verb: 'groupCreate', displayName: 'X', description: 'd'.repeat(1025) }, /longer than 1024/);
      fails({ verb: 'requestSubmit', groupId: guid(1), justification: 'j'.repeat(1001) }, /longer than 1000/);
      fails({ verb: 'requestSubmit', groupId: guid(1), justification: 'x', durationDays: true }, /whole number/);
      fails({ verb: 'undo', journalId: 'j'.repeat(129) }, /"journalId" is longer than 128/);
      fails({ verb: 'listMore', list: 'groups', cursor: 'c'.repeat(257) }, /"cursor" is longer than 256/);
      const picks = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`pick_${i}`, '']));
      fails({ verb: 'bulkAdd', batchId: 'b1', ...picks }, /"picks" holds more than 500 picks/);
      assert.ok(parseCardAction({ verb: 'requestSubmit', groupId: guid(1), justification: 'j'.repeat(1000) }).ok);
    });

    it('an invoke value whose data is not an object', () => {
      fails({ action: { type: 'Action.Execute', verb: 'undo', data: 'j1' } }, /data is not an object/);
    });
  });
});
