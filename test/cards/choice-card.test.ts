import assert from 'node:assert/strict';
import { buildChoiceCard } from '../../cards/choice-card';
import { actionsOf, assertValidCard, button, clickPayload, rawTexts, textOf } from './card-helpers';
import { ana1, ana2, guid, marketing, marketing2, nasty } from './fixtures';

describe('cards/choice-card', () => {
  it('has one choose button per candidate with the right payload, plus "None of these"', () => {
    const card = buildChoiceCard({
      pendingId: 'p1',
      slot: 'users.0',
      searchedName: 'Ana',
      candidates: [
        { kind: 'person', person: ana1 },
        { kind: 'person', person: ana2 },
      ],
    });
    assertValidCard(card);
    const actions = actionsOf(card);
    assert.equal(actions.length, 3);
    assert.deepEqual(clickPayload(actions[0]!), {
      verb: 'choose',
      pendingId: 'p1',
      objectId: ana1.id,
      slot: 'users.0',
    });
    assert.deepEqual(clickPayload(actions[1]!), {
      verb: 'choose',
      pendingId: 'p1',
      objectId: ana2.id,
      slot: 'users.0',
    });
    assert.deepEqual(clickPayload(button(card, 'None of these')), {
      verb: 'chooseNone',
      pendingId: 'p1',
      slot: 'users.0',
    });
  });

  it('shows what tells namesakes apart: mail, job title, department', () => {
    const text = textOf(
      buildChoiceCard({
        pendingId: 'p1',
        searchedName: 'Ana',
        candidates: [
          { kind: 'person', person: ana1 },
          { kind: 'person', person: ana2 },
        ],
      }),
    );
    assert.match(text, /Ana Lopez · ana\.lopez@contoso\.com · Designer, Design/);
    assert.match(text, /Ana Lopez · ana\.lopez2@contoso\.com · Accountant, Finance/);
  });

  it('shows group kind, mail and description for groups', () => {
    const text = textOf(
      buildChoiceCard({
        pendingId: 'p2',
        searchedName: 'Marketing',
        candidates: [
          { kind: 'group', group: marketing },
          { kind: 'group', group: marketing2 },
        ],
      }),
    );
    assert.match(
      text,
      /Marketing · Microsoft 365 group · marketing@contoso\.com · owned by Olga Owner and Bob Stone · Campaigns and brand/,
    );
    assert.match(text, /Marketing · Security group · Old marketing ACL/);
  });

  it('escapes markdown in a candidate name', () => {
    const card = buildChoiceCard({
      pendingId: 'p1',
      searchedName: '**Boss**',
      candidates: [{ kind: 'person', person: nasty }],
    });
    const texts = rawTexts(card).join('\n');
    assert.match(texts, /\\\*\\\*Boss\\\*\\\* \\\[click\\\]/);
    assert.doesNotMatch(texts, /(^|[^\\])\*\*Boss/);
  });

  it('splits more than five candidates over several button rows, keeping all of them', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      kind: 'person' as const,
      person: { ...ana1, id: guid(50 + i) },
    }));
    const card = buildChoiceCard({ pendingId: 'p9', searchedName: 'Ana', candidates: many });
    assertValidCard(card);
    assert.equal(actionsOf(card).filter((a) => a.verb === 'choose').length, 7);
  });
});
