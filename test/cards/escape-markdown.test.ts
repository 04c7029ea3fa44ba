import assert from 'node:assert/strict';
import { escapeMarkdown, unescapeMarkdown } from '../../cards/escape-markdown';
import { md, Markdown } from '../../cards/markdown';

describe('cards/escape-markdown', () => {
  it('escapes emphasis, links, code, and date functions', () => {
    assert.equal(
      escapeMarkdown('**Boss** _x_ `c` [a](b) {{DATE(x)}}'),
      '\\*\\*Boss\\*\\* \\_x\\_ \\`c\\` \\[a\\](b) \\{\\{DATE(x)\\}\\}',
    );
  });

  it('escapes line-start list markers, headings and quotes', () => {
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. first'), '1\\. first');
    assert.equal(escapeMarkdown('# title'), '\\# title');
    assert.equal(escapeMarkdown('> quote'), '\\> quote');
  });

  it('keeps ordinary names readable and collapses whitespace', () => {
    assert.equal(escapeMarkdown("  Zoë  O'Brien \n"), "Zoë O'Brien");
    assert.equal(escapeMarkdown('ana.lopez@contoso.com'), 'ana.lopez@contoso.com');
  });

  it('removes control and bidi-override characters', () => {
    assert.equal(escapeMarkdown('Ana\u202eevil\u0007'), 'Anaevil');
  });

  it('keeps paragraphs in multiline mode, each line escaped', () => {
    assert.equal(escapeMarkdown('first\n- second\n\n\nthird', { multiline: true }), 'first\n\n\\- second\n\nthird');
  });

  it('round-trips through unescapeMarkdown', () => {
    const s = '**Boss** [x](y) _z_ #1 {{TIME(t)}} a|b <c>';
    assert.equal(unescapeMarkdown(escapeMarkdown(s)), s);
  });

  it('md escapes interpolated strings but not Markdown values or literals', () => {
    const name = '*Ana*';
    assert.equal(md`Added **${name}** to ${Markdown.trusted('**X**')}`.value, 'Added **\\*Ana\\*** to **X**');
  });
});
