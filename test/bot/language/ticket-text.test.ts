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

  it('writes out an action that names nobody for the User: field, else the Requester:, and the Group: field', () => {
    assert.equal(
      readTicket('REQ-20931\nRequester: Patti Fernandez\nGroup: Design Team\nAction: add member\nNotes: new hire'),
      'add Patti Fernandez to Design Team',
    );
    assert.equal(
      readTicket('REQ-1001\nRequester: Lee Gu\nUser: Joni Sherman\nGroup: Legal\nAction: grant access'),
      'add Joni Sherman to Legal',
    );
    assert.equal(
      readTicket('REQ-1002 | Requested by: Lee Gu | Group: Sales | Action: add owner'),
      'make Lee Gu an owner of Sales',
    );
    assert.equal(
      readTicket('REQ-1006\nRequester: Patti Fernandez\nGroup: Design Team\nRequest: access'),
      'add Patti Fernandez to Design Team',
    );
    assert.deepEqual(parseIntent('REQ-1003\nOpened by: Megan Bowen\nAction: join the group\nGroup: Finance Readers'), {
      intent: 'addMembers',
      users: ['Megan Bowen'],
      groups: ['Finance Readers'],
    });
  });

  it('keeps an action that names its person, and does not put the requester in it', () => {
    assert.equal(
      readTicket('REQ-1004\nRequester: Patti Fernandez\nGroup: Legal\nAction: add Bob Kelly to the group'),
      'add Bob Kelly to Legal',
    );
    assert.equal(
      readTicket('REQ-1005\nRequester: Patti Fernandez\nGroup: Legal\nAction: remove member'),
      'remove member',
    );
  });

  it('reads chat shorthand and leaves numbers that count alone', () => {
    assert.equal(expandShorthand('who r the mbrs of legal'), 'who are the members of legal');
    assert.equal(expandShorthand('add christie+debra 2 marketing'), 'add christie and debra to marketing');
    assert.equal(expandShorthand('add Bob to Legal for 2 weeks'), 'add Bob to Legal for 2 weeks');
    assert.equal(expandShorthand("Marketing's members on 2 Nov"), "Marketing's members on 2 Nov");
    assert.equal(expandShorthand('lmk who owns identity services'), 'tell me who owns identity services');
    assert.equal(expandShorthand('wot grps is nestor in'), 'what groups is nestor in');
    assert.equal(expandShorthand('Wat Tyler'), 'Wat Tyler');
    assert.equal(expandShorthand('rmv bob frm sales n marketing'), 'remove bob from sales and marketing');
    assert.equal(expandShorthand('shd lee b in design?'), 'should lee be in design?');
    assert.equal(expandShorthand('is megan in mktg y/n'), 'is megan in mktg?');
    assert.equal(expandShorthand('plan b for Legal'), 'plan b for Legal');
    assert.deepEqual(parseIntent('wot grps is nestor in'), { intent: 'listUserGroups', users: ['nestor'] });
  });
});
