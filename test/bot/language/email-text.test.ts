import { strict as assert } from 'node:assert';
import { parseIntent } from '../../../bot/language';
import { readEmail } from '../../../bot/language/email-text';

describe('bot/language/email-text', () => {
  it('drops header lines and a forwarded subject line from a pasted block', () => {
    assert.equal(readEmail('Subject: RE: access\nHi,\nplease add Bob to Sales'), 'Hi,\nplease add Bob to Sales');
    assert.equal(readEmail('FW: Sales owners\nplease make Bob an owner of Sales'), 'please make Bob an owner of Sales');
  });

  it('keeps a one-line message that starts like a subject or header', () => {
    assert.equal(readEmail('RE: add Bob to Sales'), 'RE: add Bob to Sales');
  });

  it('keeps quoted text without its marks and drops chasers, lead-ins and mobile footers', () => {
    assert.equal(readEmail('> is Bob in Sales?\nFollowing up on the below, any news?'), 'is Bob in Sales?');
    assert.equal(readEmail('Hi,\nAs discussed, Bob should own Sales.'), 'Hi,\nBob should own Sales.');
    assert.equal(readEmail('Hi, forwarding this — please add Bob to Sales'), 'Hi, please add Bob to Sales');
    assert.equal(readEmail('add Bob to Sales\nSent from my iPhone'), 'add Bob to Sales');
  });

  it('lets the parser read the request of a pasted e-mail', () => {
    assert.deepEqual(
      parseIntent('Subject: RE: access\n\nHi,\nAs discussed, Lee should own Legal as well.\nThanks!\nAlex'),
      {
        intent: 'addOwners',
        users: ['Lee'],
        groups: ['Legal'],
      },
    );
    assert.deepEqual(
      parseIntent('> can you check if Bob is in Sales?\nFollowing up on the below, any news? Thanks, Olga'),
      {
        intent: 'checkMembership',
        users: ['Bob'],
        groups: ['Sales'],
      },
    );
  });
});
