import assert from 'node:assert/strict';
import { buildNotFoundCard } from '../../cards/not-found-card';
import { actionsOf, assertValidCard, clickPayload, textOf } from './card-helpers';
import { marketing } from './fixtures';

describe('cards/not-found-card', () => {
  it('offers the closest names as choose buttons', () => {
    const card = buildNotFoundCard({
      pendingId: 'p3',
      searchedName: 'Marketting',
      objectType: 'group',
      closest: [{ kind: 'group', group: marketing }],
    });
    assertValidCard(card);
    assert.match(textOf(card), /^I could not find a group called "Marketting"\./);
    assert.deepEqual(
      actionsOf(card).map((a) => clickPayload(a)),
      [
        { verb: 'choose', pendingId: 'p3', objectId: marketing.id },
        { verb: 'chooseNone', pendingId: 'p3' },
      ],
    );
  });

  it('says so plainly, without buttons, when nothing is close', () => {
    const card = buildNotFoundCard({ pendingId: 'p4', searchedName: 'Zed', objectType: 'user', closest: [] });
    assertValidCard(card);
    assert.match(textOf(card), /I could not find anyone named "Zed"\.\nNothing close either/);
    assert.equal(actionsOf(card).length, 0);
  });
});
