import assert from 'node:assert/strict';
import { contrastRatio, teamsContrast } from '../../cards/theme-contrast';
import { buildConfirmationCard } from '../../cards/confirmation-card';
import { buildMemberOutcomeCard } from '../../cards/member-outcome-card';
import type { ContainerStyle, TextColor } from '../../cards/card-types';

/** Every TextBlock of a card with the container style it sits in and its colour. */
function texts(card: unknown): { text: string; style: ContainerStyle; color: TextColor }[] {
  const out: { text: string; style: ContainerStyle; color: TextColor }[] = [];
  const walk = (v: unknown, style: ContainerStyle): void => {
    if (Array.isArray(v)) {
      v.forEach((x) => walk(x, style));
      return;
    }
    if (!v || typeof v !== 'object') return;
    const e = v as Record<string, unknown>;
    const here = (
      typeof e['style'] === 'string' && (e['type'] === 'Container' || e['type'] === 'TableRow') ? e['style'] : style
    ) as ContainerStyle;
    if (e['type'] === 'TextBlock')
      out.push({ text: String(e['text']), style: here, color: (e['color'] as TextColor | undefined) ?? 'Default' });
    Object.values(e).forEach((x) => walk(x, here));
  };
  walk(card, 'default');
  return out;
}

describe('cards/theme-contrast', () => {
  it('computes WCAG ratios (black on white 21:1, white on white 1:1, alpha blended)', () => {
    assert.equal(Math.round(contrastRatio('#000000', '#ffffff') * 10) / 10, 21);
    assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
    assert.ok(contrastRatio('#80000000', '#ffffff') < contrastRatio('#ff000000', '#ffffff'));
  });

  it('shows why coloured text is avoided: Warning text on white and Attention text on dark fall below 4.5:1', () => {
    assert.ok(teamsContrast('light', 'default', 'Warning') < 4.5);
    assert.ok(teamsContrast('dark', 'default', 'Attention') < 4.5);
  });

  it('every text of a Warnings block reads at 4.5:1 or more in Teams light and dark', () => {
    const confirm = buildConfirmationCard({
      pendingId: 'p',
      title: 'Remove Lee Gu from Licensed E5 Users',
      facts: [],
      consequence: 'Lee Gu will no longer be a member.',
      destructive: true,
      warnings: ['Lee Gu will lose Office 365 E5, which they get only through this group.'],
    });
    const outcome = buildMemberOutcomeCard({
      operation: 'addMembers',
      groups: [{ id: 'g', displayName: 'G' }],
      outcomes: [
        { input: 'Bob', status: 'failed', reason: 'throttled' },
        { input: 'Zed', status: 'notFound' },
        { input: 'Olga', status: 'refused' },
      ],
    });
    for (const card of [confirm, outcome]) {
      const all = texts(card);
      const warn = all.filter((t) => t.style === 'warning' || t.style === 'attention');
      assert.ok(warn.length >= 2, 'the card has a coloured block');
      for (const t of all) {
        for (const theme of ['light', 'dark'] as const) {
          const ratio = teamsContrast(theme, t.style, t.color);
          assert.ok(ratio >= 4.5, `${theme}: "${t.text}" (${t.style}/${t.color}) is ${ratio.toFixed(2)}:1`);
        }
      }
    }
  });
});
