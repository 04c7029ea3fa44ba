import { executeButton, sendTextButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { cardTime, plainTime } from './card-time';
import { actionSet, adaptiveCard, columns, heading, subtle, textBlock } from './elements';
import { md, plain } from './markdown';
import type { HygieneCardModel, HygieneCardLine } from './view-models';

/** The button of a digest line; the server re-checks the group before it asks to confirm. */
function fixButton(line: HygieneCardLine): CardButton | undefined {
  const fix = line.fix;
  if (!fix) return undefined;
  if (fix.kind === 'renew') return executeButton('Renew', { verb: 'hygieneFix', fix: 'renew', groupId: line.groupId });
  const data = { verb: 'hygieneFix' as const, fix: fix.kind, groupId: line.groupId, userId: fix.userId };
  if (fix.kind === 'makeOwner') return executeButton(`Make ${fix.userName} owner`, data);
  return executeButton('Remove', data, { style: 'destructive' });
}

function lineElement(line: HygieneCardLine): CardElement {
  const text = line.at
    ? md`**${line.groupName}**: ${line.detail} (${cardTime(line.at)})`
    : md`**${line.groupName}**: ${line.detail}`;
  const button = fixButton(line);
  if (!button) return textBlock(text, { spacing: 'Small' });
  return columns([{ items: [textBlock(text)] }, { items: [actionSet([button])], width: 'auto' }]);
}

function lineText(line: HygieneCardLine): string {
  return `${line.groupName}: ${line.detail}${line.at ? ` (${plainTime(line.at)})` : ''}`;
}

/**
 * The hygiene digest: one section per finding (no owner, expiring, no members, guests, disabled members), each
 * with at most the configured number of lines, "All tidy" when it found nothing, and a button per line that
 * can be fixed. Never throws.
 */
export function buildHygieneCard(model: HygieneCardModel): AdaptiveCard {
  const who = model.scope === 'tenant' ? 'every group in the organisation' : 'the groups you own';
  const body: CardElement[] = [
    heading(plain(model.title ?? 'Group hygiene')),
    subtle(md`Checked ${plain(who)} at ${cardTime(model.generatedAt)}.`),
  ];
  if (model.scope === 'owned') {
    body.push(subtle(plain('Groups without an owner are listed for Global and Groups Administrators.')));
  }
  const fallback: string[] = [`${model.title ?? 'Group hygiene'} (${who}).`];
  for (const s of model.sections) {
    body.push(textBlock(md`${s.title} (${String(s.total)})`, { weight: 'Bolder', spacing: 'Medium', separator: true }));
    if (s.total === 0) {
      const none = s.complete ? 'All tidy.' : 'None found in what I could read.';
      body.push(textBlock(plain(none), { spacing: 'Small', isSubtle: true }));
      fallback.push(`${s.title}: all tidy.`);
      continue;
    }
    for (const line of s.lines) body.push(lineElement(line));
    const more = s.total - s.lines.length;
    if (more > 0) body.push(subtle(md`…and ${String(more)} more.`));
    if (!s.complete) body.push(subtle(plain('There may be more: I stopped reading at the page limit.')));
    const rest = more > 0 ? `; and ${more} more` : '';
    fallback.push(`${s.title} (${s.total}): ${s.lines.map(lineText).join('; ')}${rest}.`);
  }
  const actions = [sendTextButton('Check again', 'group hygiene')];
  return adaptiveCard({ fallbackText: fallback.join(' '), body, actions });
}
