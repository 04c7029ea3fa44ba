import { strict as assert } from 'node:assert';
import { readTicket } from '../../../bot/language/ticket-text';
import { expandShorthand } from '../../../bot/language/text-normalize';
import { parseIntent } from '../../../bot/language';

describe('bot/language/ticket-text and chat shorthand', () => {
  it('reads a ticket as the request it holds', () => {
    assert.equal(
      readTicket('INC0048213 - Access request\nUser: Joni Sherman\nGroup: Legal\nPlease add the user to the group.'),
      'Please add Joni Sherman to Legal.',
    );
    assert.equal(
      readTicket(
        'Request 7781 | Requester: Lidia Holloway | Action: add Pradeep Gupta to Finance Readers | Reason: quarter close',
      ),
      'add Pradeep Gupta to Finance Readers',
    );
    assert.deepEqual(parseIntent('TKT-77 add Miriam Graham to Executive Leadership\nnote: temporary, until March'), {
      intent: 'addMembers',
      users: ['Miriam Graham'],
      groups: ['Executive Leadership'],
    });
    assert.equal(readTicket('add Bob to Legal'), 'add Bob to Legal');
  });

  it('reads chat shorthand and leaves numbers that count alone', () => {
    assert.equal(expandShorthand('who r the mbrs of legal'), 'who are the members of legal');
    assert.equal(expandShorthand('add christie+debra 2 marketing'), 'add christie and debra to marketing');
    assert.equal(expandShorthand('add Bob to Legal for 2 weeks'), 'add Bob to Legal for 2 weeks');
    assert.equal(expandShorthand("Marketing's members on 2 Nov"), "Marketing's members on 2 Nov");
    assert.equal(expandShorthand('lmk who owns identity services'), 'tell me who owns identity services');
  });
});
