import { strict as assert } from 'node:assert';
import { buildHygieneCard, parseCardAction, type HygieneCardModel } from '../../cards';
import { MAX_CARD_BYTES } from '../../cards/validate-card';
import { assertValidCard, button, clickPayload, rawTexts, textOf } from './card-helpers';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const U1 = '33333333-3333-4333-8333-333333333333';

function model(overrides: Partial<HygieneCardModel> = {}): HygieneCardModel {
  return {
    scope: 'tenant',
    generatedAt: '2026-12-06T09:00:00Z',
    sections: [
      {
        key: 'ownerless',
        title: 'Groups without an owner',
        total: 1,
        complete: true,
        lines: [
          {
            groupId: G1,
            groupName: 'Orphan *Squad*',
            detail: 'no owner; suggested: Ana Silva',
            fix: { kind: 'makeOwner', userId: U1, userName: 'Ana Silva' },
          },
        ],
      },
      {
        key: 'expiring',
        title: 'Expiring soon',
        total: 3,
        complete: true,
        lines: [
          {
            groupId: G2,
            groupName: 'Marketing',
            detail: 'expires in 5 days',
            at: '2026-12-11T09:00:00Z',
            fix: { kind: 'renew' },
          },
        ],
      },
      { key: 'empty', title: 'Groups without members', total: 0, complete: true, lines: [] },
      { key: 'guests', title: 'Groups with guests', total: 0, complete: false, lines: [] },
      {
        key: 'disabled',
        title: 'Members whose accounts are disabled',
        total: 1,
        complete: true,
        lines: [
          {
            groupId: G1,
            groupName: 'Orphan *Squad*',
            detail: "Raul Razo's account is disabled",
            fix: { kind: 'removeMember', userId: U1, userName: 'Raul Razo' },
          },
        ],
      },
    ],
    ...overrides,
  };
}

describe('cards/hygiene-card', () => {
  it('validates, and shows every section with its count, "All tidy" when empty and "more" when capped', () => {
    const card = buildHygieneCard(model());
    assertValidCard(card);
    const text = textOf(card);
    assert.match(text, /Groups without an owner \(1\)/);
    assert.match(text, /Groups without members \(0\)\nAll tidy\./);
    assert.match(
      text,
      /Groups with guests \(0\)\nNone found in what I could read\./,
      'an incomplete read does not claim all tidy',
    );
    assert.match(text, /…and 2 more\./);
    assert.match(text, /Checked every group in the organisation/);
    assert.ok(JSON.stringify(card).length < MAX_CARD_BYTES);
  });

  it('escapes group names and writes expiry times the one card way', () => {
    const card = buildHygieneCard(model());
    assert.ok(rawTexts(card).some((t) => t.includes('Orphan \\*Squad\\*')));
    assert.ok(rawTexts(card).some((t) => t.includes('Fri 11 Dec 2026, 09:00 UTC')));
    assert.match(card.fallbackText, /Marketing: expires in 5 days \(Fri 11 Dec 2026, 09:00 UTC\)/);
  });

  it('gives each fixable line a button whose payload parses back to the ids only', () => {
    const card = buildHygieneCard(model());
    assert.deepEqual(clickPayload(button(card, 'Make Ana Silva owner')), {
      verb: 'hygieneFix',
      fix: 'makeOwner',
      groupId: G1,
      userId: U1,
    });
    assert.deepEqual(clickPayload(button(card, 'Renew')), { verb: 'hygieneFix', fix: 'renew', groupId: G2 });
    assert.deepEqual(clickPayload(button(card, 'Remove')), {
      verb: 'hygieneFix',
      fix: 'removeMember',
      groupId: G1,
      userId: U1,
    });
    assert.deepEqual(clickPayload(button(card, 'Check again')), { verb: 'sendText', text: 'group hygiene' });
  });

  it("says whose groups an owner's digest covers, and uses a given title", () => {
    const card = buildHygieneCard(model({ scope: 'owned', title: 'Weekly group hygiene digest' }));
    assert.match(textOf(card), /^Weekly group hygiene digest\nChecked the groups you own/);
    assert.match(textOf(card), /Groups without an owner are listed for Global and Groups Administrators\./);
    assert.doesNotMatch(textOf(buildHygieneCard(model())), /are listed for Global/);
  });

  it('refuses hygieneFix payloads without a valid group, fix or person, or with fields it does not send', () => {
    assert.equal(parseCardAction({ verb: 'hygieneFix', fix: 'renew', groupId: 'not-a-guid' }).ok, false);
    assert.equal(parseCardAction({ verb: 'hygieneFix', fix: 'deleteGroup', groupId: G1 }).ok, false);
    assert.equal(parseCardAction({ verb: 'hygieneFix', fix: 'makeOwner', groupId: G1 }).ok, false);
    const crafted = { verb: 'hygieneFix', fix: 'renew', groupId: G1.toUpperCase() };
    assert.deepEqual(parseCardAction({ ...crafted, extra: 'x' }), {
      ok: false,
      error: 'The field "extra" is not part of this button.',
    });
    assert.deepEqual(parseCardAction({ ...crafted, userId: U1 }), {
      ok: false,
      error: 'The field "userId" is not part of this button.',
    });
    assert.deepEqual(parseCardAction(crafted), { ok: true, action: { verb: 'hygieneFix', fix: 'renew', groupId: G1 } });
  });
});
