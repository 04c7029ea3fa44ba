import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { groupLine, personLine } from './describe';
import { adaptiveCard, heading, subtle, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { UserGroupsCardModel } from './view-models';

/**
 * A person's groups: direct memberships, then groups through nesting with the chain in between
 * ("via Design Team"); "More" (listMore, list 'userGroups') when there is another page. Never throws.
 */
export function buildUserGroupsCard(model: UserGroupsCardModel): AdaptiveCard {
  const u = model.user;
  const body: CardElement[] = [heading(md`Groups of ${u.displayName}`), subtle(personLine(u))];
  body.push(textBlock(md`Direct member (${model.direct.length})`, { weight: 'Bolder', spacing: 'Medium' }));
  if (model.direct.length === 0) body.push(textBlock(md`None.`, { spacing: 'Small' }));
  for (const g of model.direct) body.push(textBlock(groupLine(g), { spacing: 'Small' }));
  if (model.viaNesting.length > 0) {
    body.push(
      textBlock(md`Through nested groups (${model.viaNesting.length})`, { weight: 'Bolder', spacing: 'Medium' }),
    );
    for (const n of model.viaNesting) {
      const via =
        n.via.length > 0
          ? Markdown.join(
              n.via.map((v) => plain(v.displayName)),
              ' → ',
            )
          : undefined;
      body.push(textBlock(via ? md`${groupLine(n.group)} · via ${via}` : groupLine(n.group), { spacing: 'Small' }));
    }
  }
  const actions: CardButton[] = model.nextCursor
    ? [
        executeButton('More', {
          verb: 'listMore',
          list: 'userGroups',
          cursor: model.nextCursor,
          subjectId: u.id,
          transitive: true,
        }),
      ]
    : [];
  const names = [
    ...model.direct.map((g) => g.displayName),
    ...model.viaNesting.map((n) => `${n.group.displayName} (nested)`),
  ];
  return adaptiveCard({
    fallbackText:
      names.length > 0
        ? `${u.displayName} is in: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.`
        : `${u.displayName} is not in any group.`,
    body,
    actions,
  });
}
