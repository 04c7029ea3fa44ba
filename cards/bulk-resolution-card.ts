import { executeButton } from './actions';
import { INPUT_IDS } from './card-verbs';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { personAddress, personButtonTitle, plural } from './describe';
import { adaptiveCard, choiceSet, heading, subtle, table, textBlock } from './elements';
import { md, plain } from './markdown';
import type { BulkResolutionCardModel, BulkRow } from './view-models';

/** Caps that keep a 200-line paste under Teams' card size limit (about 28 KB). */
export const BULK_LIMITS = { resolvedShown: 15, ambiguousPicks: 25, candidatesPerPick: 5, notFoundShown: 30 } as const;

type Row<S extends BulkRow['status']> = Extract<BulkRow, { status: S }>;

/**
 * A pasted list resolved before anything is written: resolved names (first few listed), one pick
 * (Input.ChoiceSet `pick_<index>`) per ambiguous name, names not found; "Add the N resolved" (bulkAdd)
 * and Cancel. Never throws.
 */
export function buildBulkResolutionCard(model: BulkResolutionCardModel): AdaptiveCard {
  const resolved = model.rows.filter((r): r is Row<'resolved'> => r.status === 'resolved');
  const ambiguous = model.rows.filter((r): r is Row<'ambiguous'> => r.status === 'ambiguous');
  const notFound = model.rows.filter((r): r is Row<'notFound'> => r.status === 'notFound');
  const verb = model.operation === 'addOwners' ? 'Make owners' : 'Add';
  const summary = `${plural(model.rows.length, 'name')} for ${model.group.displayName}: ${resolved.length} resolved, ${ambiguous.length} ambiguous, ${notFound.length} not found.`;
  const body: CardElement[] = [
    heading(
      md`${model.operation === 'addOwners' ? 'New owners' : 'Add'} for ${model.group.displayName}: check the names`,
    ),
    textBlock(plain(summary)),
    subtle(md`Nothing has been changed yet.`),
  ];
  if (resolved.length > 0) {
    body.push(textBlock(md`Resolved (${resolved.length})`, { weight: 'Bolder', spacing: 'Medium' }));
    const shown = resolved.slice(0, BULK_LIMITS.resolvedShown);
    body.push(
      table(
        ['You wrote', 'Person'],
        shown.map((r) => {
          const addr = personAddress(r.person);
          return [plain(r.input), addr ? md`${r.person.displayName} (${addr})` : plain(r.person.displayName)];
        }),
        [2, 3],
      ),
    );
    if (resolved.length > shown.length) body.push(subtle(md`and ${resolved.length - shown.length} more`));
  }
  if (ambiguous.length > 0) {
    body.push(
      textBlock(md`Ambiguous (${ambiguous.length}): pick one, or leave empty to skip`, {
        weight: 'Bolder',
        spacing: 'Medium',
      }),
    );
    for (const r of ambiguous.slice(0, BULK_LIMITS.ambiguousPicks)) {
      body.push(
        choiceSet(
          INPUT_IDS.pick(r.index),
          `"${r.input}" (line ${r.index + 1})`,
          r.candidates
            .slice(0, BULK_LIMITS.candidatesPerPick)
            .map((c) => ({ title: personButtonTitle(c), value: c.id })),
          { placeholder: 'Skip this name' },
        ),
      );
    }
    if (ambiguous.length > BULK_LIMITS.ambiguousPicks) {
      body.push(
        subtle(
          md`${ambiguous.length - BULK_LIMITS.ambiguousPicks} more ambiguous names are skipped; send them again afterwards.`,
        ),
      );
    }
  }
  if (notFound.length > 0) {
    body.push(textBlock(md`Not found (${notFound.length})`, { weight: 'Bolder', spacing: 'Medium' }));
    const shown = notFound.slice(0, BULK_LIMITS.notFoundShown);
    body.push(
      table(
        ['Line', 'You wrote', 'Why'],
        shown.map((r) => [plain(String(r.index + 1)), plain(r.input), plain(r.reason ?? 'No match')]),
        [1, 3, 3],
      ),
    );
    if (notFound.length > shown.length) body.push(subtle(md`and ${notFound.length - shown.length} more`));
  }
  const actions: CardButton[] = [];
  if (resolved.length > 0 || ambiguous.length > 0) {
    const title = resolved.length > 0 ? `${verb} the ${resolved.length} resolved` : `${verb} the ones I picked`;
    actions.push(executeButton(title, { verb: 'bulkAdd', batchId: model.batchId }, { style: 'positive' }));
    if (ambiguous.length > 0) body.push(subtle(md`People you pick above are included too.`));
  }
  actions.push(executeButton('Cancel', { verb: 'cancel', pendingId: model.batchId }, { ignoreInputs: true }));
  return adaptiveCard({ fallbackText: `${summary} Nothing has been changed yet.`, body, actions, fullWidth: true });
}
