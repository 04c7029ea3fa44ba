import type { Container } from './card-types';
import { container, textBlock } from './elements';
import { plain } from './markdown';

/**
 * The container style of a Notes block: information the reader may want (how a count was made), not a warning,
 * so it never takes the warning (yellow) style of cards/warnings-block.ts.
 */
export const NOTES_STYLE = 'emphasis' as const;

/** A "Note" / "Notes" block (one sentence per line), or undefined when there is nothing to note. Never throws. */
export function notesBlock(notes: readonly string[]): Container | undefined {
  if (notes.length === 0) return undefined;
  return container(
    [
      textBlock(plain(notes.length === 1 ? 'Note' : 'Notes'), { weight: 'Bolder' }),
      ...notes.map((n) => textBlock(plain(n), { spacing: 'Small' })),
    ],
    { style: NOTES_STYLE, spacing: 'Medium' },
  );
}
