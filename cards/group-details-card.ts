import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { kindTitle, personLine, plural } from './describe';
import { adaptiveCard, factSet, heading, subtle, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { GroupDetailsCardModel } from './view-models';

/** How many owners are listed by name before "and N more". */
const OWNERS_SHOWN = 10;

/**
 * A group's details: kind, mail, visibility, rule, counts and owners, with buttons for its members,
 * owners and (dynamic groups) rule. Never throws.
 */
export function buildGroupDetailsCard(model: GroupDetailsCardModel): AdaptiveCard {
  const g = model.group;
  const kind = kindTitle(g.kind, g.dynamic);
  const body: CardElement[] = [heading(plain(g.displayName)), subtle(plain(kind))];
  if (g.description) body.push(textBlock(Markdown.plain(g.description, { multiline: true })));
  body.push(
    factSet([
      [Markdown.trusted('Kind'), plain(kind)],
      [Markdown.trusted('Mail'), g.mail ? plain(g.mail) : Markdown.trusted('not mail-enabled')],
      [Markdown.trusted('Visibility'), g.visibility ? plain(g.visibility) : undefined],
      [Markdown.trusted('Members'), g.memberCount !== undefined ? plain(String(g.memberCount)) : undefined],
      [Markdown.trusted('Owners'), g.ownerCount !== undefined ? plain(String(g.ownerCount)) : undefined],
      [Markdown.trusted('Rule processing'), g.dynamic && g.processingState ? plain(g.processingState) : undefined],
    ]),
  );
  if (g.dynamic && g.membershipRule) {
    body.push(textBlock(Markdown.trusted('Membership rule'), { weight: 'Bolder', spacing: 'Medium' }));
    body.push(textBlock(plain(g.membershipRule), { fontType: 'Monospace', spacing: 'Small' }));
  }
  if (g.owners) {
    body.push(textBlock(Markdown.trusted('Owners'), { weight: 'Bolder', spacing: 'Medium' }));
    if (g.owners.length === 0) body.push(textBlock(md`This group has no owners.`, { color: 'Warning' }));
    for (const o of g.owners.slice(0, OWNERS_SHOWN)) body.push(textBlock(personLine(o), { spacing: 'Small' }));
    const total = g.ownerCount ?? g.owners.length;
    if (total > OWNERS_SHOWN) body.push(subtle(md`and ${total - OWNERS_SHOWN} more`));
  }
  if (g.deletedDateTime) body.push(textBlock(md`This group is deleted.`, { color: 'Attention' }));

  const actions: CardButton[] = [];
  if (!g.deletedDateTime) {
    actions.push(executeButton('Members', { verb: 'listShow', list: 'members', subjectId: g.id }));
    actions.push(executeButton('Owners', { verb: 'listShow', list: 'owners', subjectId: g.id }));
    if (g.dynamic) actions.push(executeButton('Rule', { verb: 'ruleShow', groupId: g.id }));
  }
  const counts = [
    g.memberCount !== undefined ? plural(g.memberCount, 'member') : undefined,
    g.ownerCount !== undefined ? plural(g.ownerCount, 'owner') : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return adaptiveCard({
    fallbackText: `${g.displayName}: ${kind}${g.mail ? `, ${g.mail}` : ''}${counts ? `, ${counts}` : ''}.`,
    body,
    actions,
  });
}
