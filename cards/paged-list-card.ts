import { executeButton } from './actions';
import type { AdaptiveCard, CardButton, CardElement } from './card-types';
import { groupLine, personLine } from './describe';
import { adaptiveCard, heading, subtle, textBlock } from './elements';
import { md, plain } from './markdown';
import type { ListItem, PagedListCardModel } from './view-models';

function itemLine(item: ListItem) {
  switch (item.kind) {
    case 'group':
      return groupLine(item.group);
    case 'person':
      return personLine(item.person);
    default:
      return item.type ? md`**${item.displayName}** · ${item.type}` : md`**${item.displayName}**`;
  }
}

/**
 * One page of groups, members or owners, with a "More" button carrying the paging cursor (listMore).
 * Never throws.
 */
export function buildPagedListCard(model: PagedListCardModel): AdaptiveCard {
  const from = (model.offset ?? 0) + 1;
  const to = (model.offset ?? 0) + model.items.length;
  const range =
    model.items.length === 0
      ? 'Nothing to show.'
      : model.totalCount !== undefined
        ? `${from}–${to} of ${model.totalCount}`
        : model.nextCursor
          ? `${from}–${to}, more available`
          : from === 1
            ? `${to} in all`
            : `${from}–${to}, the last ones`;
  const body: CardElement[] = [
    heading(plain(model.title)),
    subtle(plain(`${range}${model.transitive ? ' (including nested groups)' : ''}`)),
  ];
  model.items.forEach((item, i) => body.push(textBlock(itemLine(item), { spacing: 'Small', separator: i === 0 })));
  const actions: CardButton[] = [];
  if (model.nextCursor) {
    const data = {
      verb: 'listMore' as const,
      list: model.list,
      cursor: model.nextCursor,
      ...(model.subject ? { subjectId: model.subject.id } : {}),
      ...(model.transitive ? { transitive: true } : {}),
    };
    actions.push(executeButton('More', data));
  }
  const names = model.items
    .slice(0, 10)
    .map((i) =>
      i.kind === 'group' ? i.group.displayName : i.kind === 'person' ? i.person.displayName : i.displayName,
    );
  return adaptiveCard({
    fallbackText: `${model.title} (${range}): ${names.join(', ')}${model.items.length > names.length ? ', …' : ''}`,
    body,
    actions,
  });
}
