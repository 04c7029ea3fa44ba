import { strict as assert } from 'node:assert';
import { normalizeUtterance } from '../../../bot/language';

describe('normalizeUtterance', () => {
  it('removes the bot mention and unwraps mentions of people', () => {
    assert.equal(normalizeUtterance('<at>groupbot</at> add <at>Ana Lopez</at> to X'), 'add Ana Lopez to X');
  });

  it('turns Teams markup into text and lines', () => {
    assert.equal(
      normalizeUtterance('<p>add&nbsp;these&nbsp;to X:</p><p>a@b.c<br/>d@e.f</p>'),
      'add these to X:\na@b.c\nd@e.f',
    );
    assert.equal(normalizeUtterance('Tom &amp; Jerry &#39;x&#39; &#x41;'), "Tom & Jerry 'x' A");
  });

  it('keeps an address in angle brackets, which is not a tag', () => {
    assert.equal(normalizeUtterance('add Ana <ana@contoso.com> to X'), 'add Ana <ana@contoso.com> to X');
  });

  it('strips leading politeness and trailing courtesy, punctuation and emoji', () => {
    assert.equal(normalizeUtterance('Hey groupbot, could you please add Ana to X? Thanks! 🙏'), 'add Ana to X');
    assert.equal(normalizeUtterance("I'd like you to add Ana to X, please."), 'add Ana to X');
  });

  it('drops "everyone," that greets but keeps "everyone in G" that the request is about', () => {
    assert.equal(normalizeUtterance('everyone, please add Ana to X'), 'add Ana to X');
    assert.equal(normalizeUtterance('everyone in Sales into Marketing'), 'everyone in Sales into Marketing');
    assert.equal(normalizeUtterance('all from Legal to X'), 'all from Legal to X');
  });

  it('leaves a lone greeting or courtesy word alone', () => {
    assert.equal(normalizeUtterance('hi'), 'hi');
    assert.equal(normalizeUtterance('thanks'), 'thanks');
  });

  it('drops an address to a desk and a sign-off after the last sentence', () => {
    assert.equal(
      normalizeUtterance('Hello helpdesk, could Bob be removed from Sales?'),
      'could Bob be removed from Sales',
    );
    assert.equal(normalizeUtterance('To the service desk: please create Interns'), 'create Interns');
    assert.equal(normalizeUtterance('Team — please add Bob to Sales'), 'add Bob to Sales');
    assert.equal(normalizeUtterance('create Interns. Many thanks, HR team'), 'create Interns');
    assert.equal(normalizeUtterance('remove Bob from Sales? Thanks, Sam from Legal'), 'remove Bob from Sales');
    assert.equal(
      normalizeUtterance('add Bob to Sales. Thanks, also remove Lee from Legal'),
      'add Bob to Sales. Thanks, also remove Lee from Legal',
    );
  });
});
