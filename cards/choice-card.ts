import { executeButton } from './actions';
import type { AdaptiveCard, CardElement } from './card-types';
import { groupButtonTitle, groupButtonTitles, groupLine, personButtonTitle, personLine } from './describe';
import { actionSets, adaptiveCard, container, heading, subtle, textBlock } from './elements';
import { md } from './markdown';
import type { Candidate, ChoiceCardModel } from './view-models';

/** Candidate line with its distinguishing details (mail, department, job title / kind, mail, description). Never throws. */
export function candidateLine(c: Candidate) {
  return c.kind === 'person' ? personLine(c.person) : groupLine(c.group);
}

/** The directory id a candidate's button sends. Never throws. */
export function candidateId(c: Candidate): string {
  return c.kind === 'person' ? c.person.id : c.group.id;
}

/** Plain button title for a candidate. Never throws. */
export function candidateTitle(c: Candidate): string {
  return c.kind === 'person' ? personButtonTitle(c.person) : groupButtonTitle(c.group);
}

/**
 * Button titles for candidates shown together: same-named groups get titles that tell them apart (kind, mail,
 * owners, creation date: describe.ts groupButtonTitles). Never throws.
 */
export function candidateTitles(candidates: readonly Candidate[]): string[] {
  const groupTitles = groupButtonTitles(candidates.flatMap((c) => (c.kind === 'group' ? [c.group] : [])));
  let g = 0;
  return candidates.map((c) => (c.kind === 'group' ? (groupTitles[g++] as string) : candidateTitle(c)));
}

/**
 * "Which Ana did you mean?": one line of details and one `choose` button per candidate, plus
 * "None of these" (`chooseNone`). Never throws.
 */
export function buildChoiceCard(model: ChoiceCardModel): AdaptiveCard {
  const what = model.candidates.every((c) => c.kind === 'group') ? 'groups' : 'people';
  const body: CardElement[] = [
    heading(md`Which "${model.searchedName}" did you mean?`),
    subtle(
      model.purpose
        ? md`${model.candidates.length} ${what} match ${model.purpose}.`
        : md`${model.candidates.length} ${what} match this name.`,
    ),
  ];
  for (const c of model.candidates)
    body.push(container([textBlock(candidateLine(c))], { separator: true, spacing: 'Small' }));
  const slot = model.slot !== undefined ? { slot: model.slot } : {};
  const titles = candidateTitles(model.candidates);
  body.push(
    ...actionSets(
      model.candidates.map((c, i) =>
        executeButton(titles[i] as string, {
          verb: 'choose',
          pendingId: model.pendingId,
          objectId: candidateId(c),
          ...slot,
        }),
      ),
    ),
  );
  return adaptiveCard({
    fallbackText: `Several ${what} match "${model.searchedName}". Please say which one you meant.`,
    body,
    actions: [executeButton('None of these', { verb: 'chooseNone', pendingId: model.pendingId, ...slot })],
  });
}
