import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, ContainerStyle } from './card-types';
import { cardTime } from './card-time';
import { personAddress, plural } from './describe';
import { adaptiveCard, heading, subtle, table } from './elements';
import { Markdown, md, plain } from './markdown';
import type { MemberOperation, MemberOutcome, MemberOutcomeCardModel, OutcomeStatus } from './view-models';

const ROLE: Record<MemberOperation, 'member' | 'owner'> = {
  addMembers: 'member', removeMembers: 'member', addOwners: 'owner', removeOwners: 'owner',
};

/** The outcome of one row as a short phrase ("Already a member", "Refused: …"). */
export function outcomeText(status: OutcomeStatus, op: MemberOperation, reason?: string): string {
  const role = ROLE[op];
  const a = role === 'owner' ? 'an owner' : 'a member';
  switch (status) {
    case 'added': return role === 'owner' ? 'Made owner' : 'Added';
    case 'removed': return 'Removed';
    case 'alreadyMember': return `Already ${a}`;
    case 'notMember': return `Was not ${a}`;
    case 'notFound': return reason ? `Not found: ${reason}` : 'Not found';
    case 'refused': return reason ? `Refused: ${reason}` : 'Refused';
    case 'failed': return reason ? `Failed: ${reason}` : 'Failed';
  }
}

const STYLE: Partial<Record<OutcomeStatus, ContainerStyle>> = { refused: 'attention', failed: 'warning', notFound: 'warning' };

function who(o: MemberOutcome): Markdown {
  if (!o.person) return plain(o.input);
  const addr = personAddress(o.person);
  return addr ? md`${o.person.displayName} (${addr})` : plain(o.person.displayName);
}

function summary(model: MemberOutcomeCardModel): string {
  const n = (s: OutcomeStatus) => model.outcomes.filter((o) => o.status === s).length;
  const groups = model.groups.map((g) => g.displayName).join(', ');
  const role = ROLE[model.operation];
  const done = model.operation.startsWith('add')
    ? (role === 'owner' ? `Made ${plural(n('added'), 'person', 'people')} owner of ${groups}` : `Added ${plural(n('added'), 'person', 'people')} to ${groups}`)
    : (role === 'owner' ? `Removed ${plural(n('removed'), 'person', 'people')} as owner of ${groups}` : `Removed ${plural(n('removed'), 'person', 'people')} from ${groups}`);
  const rest = [
    n('alreadyMember') ? `${n('alreadyMember')} already ${role === 'owner' ? 'owner' : 'member'}` : '',
    n('notMember') ? `${n('notMember')} not ${role === 'owner' ? 'owner' : 'member'}` : '',
    n('notFound') ? `${n('notFound')} not found` : '',
    n('refused') ? `${n('refused')} refused` : '',
    n('failed') ? `${n('failed')} failed` : '',
  ].filter(Boolean);
  return `${done}.${rest.length ? ` ${rest.join(', ')}.` : ''}`;
}

/**
 * Per-user outcome of adds/removes: a table (person, group when several, outcome), "Retry the failed ones"
 * (retryFailed) when rows failed transiently, and Undo (undo) while the journal's window is open.
 * Never throws.
 */
export function buildMemberOutcomeCard(model: MemberOutcomeCardModel): AdaptiveCard {
  const multiGroup = model.groups.length > 1;
  const header = multiGroup ? ['Person', 'Group', 'Outcome'] : ['Person', 'Outcome'];
  const rows = model.outcomes.map((o) => {
    const cells = [who(o)];
    if (multiGroup) cells.push(plain(o.group?.displayName ?? ''));
    cells.push(plain(outcomeText(o.status, model.operation, o.reason)));
    return cells;
  });
  const text = summary(model);
  const actions: CardButton[] = [];
  const failed = model.outcomes.filter((o) => o.status === 'failed').length;
  if (failed > 0 && model.operationId) {
    actions.push(executeButton(`Retry the failed ones (${failed})`, { verb: 'retryFailed', operationId: model.operationId }));
  }
  const body = [
    heading(plain(text)),
    table(header, rows, multiGroup ? [3, 2, 3] : [3, 3], model.outcomes.map((o) => STYLE[o.status])),
  ];
  if (model.undo && Date.parse(model.undo.undoUntil) > Date.parse(model.undo.now)) {
    actions.push(executeButton('Undo', { verb: 'undo', journalId: model.undo.journalId }));
    body.push(subtle(md`Undo is available until ${cardTime(model.undo.undoUntil)}.`));
  }
  return adaptiveCard({
    fallbackText: text,
    speak: text,
    body,
    actions,
    fullWidth: true,
  });
}
