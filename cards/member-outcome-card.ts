import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, ContainerStyle } from './card-types';
import { plainTime } from './card-time';
import type { CardElement } from './card-types';
import { warningsBlock } from './warnings-block';
import { personAddress, plural } from './describe';
import { adaptiveCard, heading, subtle, table } from './elements';
import { Markdown, md, plain } from './markdown';
import type { MemberOperation, MemberOutcome, MemberOutcomeCardModel, OutcomeStatus } from './view-models';

const ROLE: Record<MemberOperation, 'member' | 'owner'> = {
  addMembers: 'member',
  removeMembers: 'member',
  addOwners: 'owner',
  removeOwners: 'owner',
};

/** The outcome of one row as a short phrase ("Already a member", "Refused: …"). */
export function outcomeText(status: OutcomeStatus, op: MemberOperation, reason?: string): string {
  const role = ROLE[op];
  const a = role === 'owner' ? 'an owner' : 'a member';
  switch (status) {
    case 'added':
      return role === 'owner' ? 'Made owner' : 'Added';
    case 'removed':
      return 'Removed';
    case 'alreadyMember':
      return `Already ${a}, so nothing changed`;
    case 'notMember':
      return `Was not ${a}, so nothing changed`;
    case 'notFound':
      return reason ? `Not found: ${reason}` : 'Not found in the directory';
    case 'refused':
      return reason ? `Refused: ${reason}` : 'Refused by Microsoft Graph';
    case 'failed':
      return reason ? `Failed this time: ${reason}; you can retry` : 'Failed this time; you can retry';
  }
}

/**
 * One person's outcome as a sentence: "Bob Kelly was added to 'Marketing'.", "Ana Silva was already a
 * member, so nothing changed for her." (no pronoun guessing: "for them"). Never throws.
 */
export function outcomeSentence(
  name: string,
  status: OutcomeStatus,
  op: MemberOperation,
  group: string,
  reason?: string,
): string {
  const role = ROLE[op];
  const a = role === 'owner' ? 'an owner' : 'a member';
  // "…was not removed: a group must keep…" (a leading article lower-cased; names keep their capitals).
  const why = reason
    ? reason.replace(/\.$/, '').replace(/^(A|An|The|This|It|Only|Their|Its)\b/, (w) => w.toLowerCase())
    : '';
  const g = `'${group}'`;
  switch (status) {
    case 'added':
      return role === 'owner' ? `${name} is now an owner of ${g}.` : `${name} was added to ${g}.`;
    case 'removed':
      return role === 'owner' ? `${name} is no longer an owner of ${g}.` : `${name} was removed from ${g}.`;
    case 'alreadyMember':
      return `${name} was already ${a} of ${g}, so nothing changed for them.`;
    case 'notMember':
      return `${name} wasn't ${a} of ${g}, so nothing changed for them.`;
    case 'notFound':
      return `${name} could not be found in the directory any more${why ? ` (${why})` : ''}.`;
    case 'refused':
      return `${name} was not ${op.startsWith('add') ? 'added' : 'removed'}: ${why || 'Microsoft Graph refused the change'}.`;
    case 'failed':
      return `${name} could not be ${op.startsWith('add') ? 'added' : 'removed'} this time${why ? ` (${why})` : ''}; you can retry.`;
  }
}

const STYLE: Partial<Record<OutcomeStatus, ContainerStyle>> = {
  refused: 'attention',
  failed: 'warning',
  notFound: 'warning',
};

function who(o: MemberOutcome): Markdown {
  if (!o.person) return plain(o.input);
  const addr = personAddress(o.person);
  return addr ? md`${o.person.displayName} (${addr})` : plain(o.person.displayName);
}

function summary(model: MemberOutcomeCardModel): string {
  // People, not rows: one person taken out of three groups is one person.
  const n = (s: OutcomeStatus) =>
    new Set(model.outcomes.filter((o) => o.status === s).map((o) => o.person?.id ?? o.input)).size;
  const groups = model.groups.map((g) => g.displayName).join(', ');
  const role = ROLE[model.operation];
  const done = model.operation.startsWith('add')
    ? role === 'owner'
      ? `Made ${plural(n('added'), 'person', 'people')} owner of ${groups}`
      : `Added ${plural(n('added'), 'person', 'people')} to ${groups}`
    : role === 'owner'
      ? `Removed ${plural(n('removed'), 'person', 'people')} as owner of ${groups}`
      : `Removed ${plural(n('removed'), 'person', 'people')} from ${groups}`;
  const was = (k: number): string => (k === 1 ? 'was' : 'were');
  const a = (k: number): string => (k === 1 ? `${role === 'owner' ? 'an' : 'a'} ${role}` : `${role}s`);
  const rest = [
    n('alreadyMember') ? `${n('alreadyMember')} ${was(n('alreadyMember'))} already ${a(n('alreadyMember'))}` : '',
    n('notMember') ? `${n('notMember')} ${was(n('notMember'))} not ${a(n('notMember'))}` : '',
    n('notFound') ? `${n('notFound')} not found` : '',
    n('refused') ? `${n('refused')} refused` : '',
    n('failed') ? `${n('failed')} failed` : '',
  ].filter(Boolean);
  return `${done}.${rest.length ? ` ${rest.join(', ')}.` : ''}`;
}

/** Most rows a card lists (Teams cards stay under about 28 KB); rows needing attention come first. */
export const OUTCOME_ROWS_SHOWN = 40;

const ATTENTION_FIRST: Record<OutcomeStatus, number> = {
  failed: 0,
  refused: 1,
  notFound: 2,
  notMember: 3,
  alreadyMember: 4,
  added: 5,
  removed: 5,
};

/**
 * Per-user outcome of adds/removes: a table (person, group when several, outcome; failures first, at most
 * OUTCOME_ROWS_SHOWN rows), a Warnings block for rows that need attention, "Retry the failed ones"
 * (retryFailed) when rows failed transiently, and Undo (undo) while the journal's window is open, with its
 * end time in UTC. Never throws.
 */
export function buildMemberOutcomeCard(model: MemberOutcomeCardModel): AdaptiveCard {
  const multiGroup = model.groups.length > 1;
  const header = multiGroup ? ['Person', 'Group', 'Outcome'] : ['Person', 'Outcome'];
  const ordered =
    model.outcomes.length > OUTCOME_ROWS_SHOWN
      ? [...model.outcomes]
          .sort((a, b) => ATTENTION_FIRST[a.status] - ATTENTION_FIRST[b.status])
          .slice(0, OUTCOME_ROWS_SHOWN)
      : model.outcomes;
  const rows = ordered.map((o) => {
    const cells = [who(o)];
    if (multiGroup) cells.push(plain(o.group?.displayName ?? ''));
    cells.push(plain(outcomeText(o.status, model.operation, o.reason)));
    return cells;
  });
  const text = summary(model);
  const actions: CardButton[] = [];
  const failed = model.outcomes.filter((o) => o.status === 'failed').length;
  if (failed > 0 && model.operationId) {
    actions.push(
      executeButton(`Retry the failed ones (${failed})`, { verb: 'retryFailed', operationId: model.operationId }),
    );
  }
  const body: CardElement[] = [
    heading(plain(text)),
    table(
      header,
      rows,
      multiGroup ? [3, 2, 3] : [3, 3],
      ordered.map((o) => STYLE[o.status]),
    ),
  ];
  if (ordered.length < model.outcomes.length)
    body.push(
      subtle(md`${model.outcomes.length - ordered.length} more rows not shown; every one of them is counted above.`),
    );
  const warnings = outcomeWarnings(model);
  const block = warningsBlock(warnings);
  if (block) body.push(block);
  if (model.undo && Date.parse(model.undo.undoUntil) > Date.parse(model.undo.now)) {
    actions.push(executeButton('Undo', { verb: 'undo', journalId: model.undo.journalId }));
    body.push(subtle(md`Undo is available until ${plainTime(model.undo.undoUntil)}.`));
  }
  return adaptiveCard({
    fallbackText: text,
    speak: text,
    body,
    actions,
    fullWidth: true,
  });
}

/** The rows that need the reader's attention, summed up as warnings (plain text). Never throws. */
export function outcomeWarnings(model: Pick<MemberOutcomeCardModel, 'outcomes' | 'operation'>): string[] {
  const n = (s: OutcomeStatus): number => model.outcomes.filter((o) => o.status === s).length;
  const verb = model.operation.startsWith('add') ? 'added' : 'removed';
  const out: string[] = [];
  if (n('failed'))
    out.push(
      `${plural(n('failed'), 'person', 'people')} could not be ${verb} this time (Microsoft Graph was busy or did not answer). Choose "Retry the failed ones" to try again.`,
    );
  if (n('refused'))
    out.push(
      `${plural(n('refused'), 'person was', 'people were')} not ${verb}: Microsoft Graph refused, and retrying will not help. The table says why.`,
    );
  if (n('notFound')) out.push(`${plural(n('notFound'), 'person', 'people')} could not be found in the directory.`);
  return out;
}
