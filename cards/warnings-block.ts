import type { Container } from './card-types';
import { container, textBlock } from './elements';
import { plain } from './markdown';

/**
 * The container style of a Warnings block. Text inside keeps the Default colour: on this background Teams
 * renders it dark in both themes (coloured `Warning`/`Attention` text would fall below 4.5:1 somewhere).
 */
export const WARNINGS_STYLE = 'warning' as const;

/** A "Warnings" block (bold title, one sentence per line), or undefined when there is nothing to warn about. Never throws. */
export function warningsBlock(warnings: readonly string[], title = 'Warnings'): Container | undefined {
  if (warnings.length === 0) return undefined;
  return container(
    [
      textBlock(plain(title), { weight: 'Bolder' }),
      ...warnings.map((w) => textBlock(plain(`• ${w}`), { spacing: 'Small' })),
    ],
    { style: WARNINGS_STYLE, spacing: 'Medium' },
  );
}
