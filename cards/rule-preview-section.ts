import type { CardElement } from './card-types';
import { cardTime } from './card-time';
import { personLine, plural } from './describe';
import { container, subtle, textBlock } from './elements';
import { md, plain } from './markdown';
import type { PersonSummary } from './view-models';

/** How many sample people a preview lists. */
export const PREVIEW_SAMPLE_SHOWN = 10;

/** "12 people match" with a sample, used by the rule preview card and the create form. */
export function previewMatchSection(matchCount: number, sample: readonly PersonSummary[], asOf: string): CardElement[] {
  const items: CardElement[] = [
    textBlock(md`${plural(matchCount, 'person', 'people')} would match`, { weight: 'Bolder' }),
    subtle(md`as of ${cardTime(asOf)}`),
  ];
  for (const p of sample.slice(0, PREVIEW_SAMPLE_SHOWN)) items.push(textBlock(personLine(p), { spacing: 'None' }));
  if (matchCount > Math.min(sample.length, PREVIEW_SAMPLE_SHOWN)) {
    items.push(subtle(md`and ${matchCount - Math.min(sample.length, PREVIEW_SAMPLE_SHOWN)} more`));
  }
  return items;
}

/** Warnings of a rule (uncertain null semantics, regex dialect…), in a warning-styled container. */
export function warningsSection(warnings: readonly string[]): CardElement[] {
  if (warnings.length === 0) return [];
  return [
    container(
      [
        textBlock(md`Warnings`, { weight: 'Bolder', color: 'Warning' }),
        ...warnings.map((w) => textBlock(plain(w), { spacing: 'Small' })),
      ],
      { style: 'warning', spacing: 'Medium' },
    ),
  ];
}
