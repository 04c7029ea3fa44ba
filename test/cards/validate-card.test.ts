import assert from 'node:assert/strict';
import { validateCard } from '../../cards/validate-card';

const base = () =>
  ({
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: 'x',
    body: [{ type: 'TextBlock', text: 'hello', wrap: true }],
  }) as Record<string, unknown>;

function errorsOf(card: unknown): string {
  const r = validateCard(card);
  assert.equal(r.ok, false, 'expected the card to be rejected');
  return r.errors.join('\n');
}

describe('cards/validate-card', () => {
  it('accepts a minimal good card', () => {
    assert.deepEqual(validateCard(base()), { ok: true, errors: [] });
  });

  it('rejects a version above 1.5 and a malformed version', () => {
    assert.match(errorsOf({ ...base(), version: '1.6' }), /above 1\.5/);
    assert.match(errorsOf({ ...base(), version: 'abc' }), /not a version string/);
  });

  it('rejects missing fallback text and an empty body', () => {
    assert.match(errorsOf({ ...base(), fallbackText: ' ' }), /no fallbackText/);
    assert.match(errorsOf({ ...base(), body: [] }), /no body/);
  });

  it('reports adaptivecards parse and validation events', () => {
    assert.match(errorsOf({ ...base(), body: [{ type: 'Foo' }] }), /adaptivecards: Unknown element type "Foo"/);
    assert.match(
      errorsOf({
        ...base(),
        body: [
          { type: 'Input.Text', id: 'a', label: 'A' },
          { type: 'Input.Text', id: 'a', label: 'B' },
        ],
      }),
      /Duplicate Id "a"/,
    );
    assert.match(
      errorsOf({ ...base(), body: [{ type: 'Input.ChoiceSet', id: 'c', label: 'C', choices: [] }] }),
      /at least one choice/,
    );
  });

  it('requires alt text on images and forbids URLs and Action.OpenUrl', () => {
    const errors = errorsOf({
      ...base(),
      body: [{ type: 'Image', url: 'https://example.com/a.png' }],
      actions: [{ type: 'Action.OpenUrl', title: 'Go', url: 'https://example.com' }],
    });
    assert.match(errors, /Image needs altText/);
    assert.match(errors, /URLs are not allowed/);
    assert.match(errors, /Action\.OpenUrl is not allowed/);
  });

  it('checks element versions against the card version', () => {
    assert.match(
      errorsOf({ ...base(), version: '1.3', body: [{ type: 'Table', columns: [{ width: 1 }], rows: [] }] }),
      /Table needs card version 1\.5/,
    );
  });

  it('requires wrap on long text, labels on inputs, titles and known verbs on actions', () => {
    assert.match(errorsOf({ ...base(), body: [{ type: 'TextBlock', text: 'a'.repeat(60) }] }), /needs wrap/);
    assert.match(
      errorsOf({ ...base(), body: [...(base()['body'] as unknown[]), { type: 'Input.Text', id: 'x' }] }),
      /input needs a label/,
    );
    assert.match(
      errorsOf({ ...base(), actions: [{ type: 'Action.Execute', title: 'Go', verb: 'nuke', data: { verb: 'nuke' } }] }),
      /known verb/,
    );
    assert.match(
      errorsOf({
        ...base(),
        actions: [{ type: 'Action.Execute', title: 'Go', verb: 'undo', data: { verb: 'cancel' } }],
      }),
      /verb and data\.verb differ/,
    );
    assert.match(
      errorsOf({ ...base(), actions: [{ type: 'Action.Submit', title: '', data: { verb: 'cancel' } }] }),
      /needs a title/,
    );
  });

  it('rejects a refresh block unless allowed, and cards over the size limit', () => {
    const refresh = {
      ...base(),
      refresh: { action: { type: 'Action.Execute', title: 'r', verb: 'cancel', data: { verb: 'cancel' } } },
    };
    assert.match(errorsOf(refresh), /refresh block/);
    assert.equal(validateCard(refresh, { allowRefresh: true }).errors.filter((e) => /refresh/.test(e)).length, 0);
    assert.match(
      errorsOf({ ...base(), body: [{ type: 'TextBlock', text: 'x'.repeat(30000), wrap: true }] }),
      /bytes; Teams allows/,
    );
  });

  it('rejects non-cards without throwing', () => {
    assert.deepEqual(validateCard('nope'), { ok: false, errors: ['Not an AdaptiveCard object.'] });
    assert.equal(validateCard({ type: 'HeroCard' }).ok, false);
  });
});
