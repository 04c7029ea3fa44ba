import type { AdaptiveCard, CardElement } from './card-types';
import { personLine } from './describe';
import { adaptiveCard, heading, subtle, textBlock } from './elements';
import { Markdown, md, plain } from './markdown';
import type { GroupRef, MembershipPathCardModel, PersonSummary } from './view-models';

const PATHS_SHOWN = 5;

/** "Ana Lopez → Design Team → SecurityGroup101" as escaped markdown. */
export function pathLine(user: PersonSummary, path: readonly GroupRef[]): Markdown {
  return Markdown.join([plain(user.displayName), ...path.map((g) => plain(g.displayName))], ' → ');
}

/** Plain-text form of pathLine (fallback text). */
export function pathPlain(user: PersonSummary, path: readonly GroupRef[]): string {
  return [user.displayName, ...path.map((g) => g.displayName)].join(' → ');
}

/**
 * "Is Ana in SecurityGroup101?": yes/no, and each path that makes her a member ("Ana → Design Team →
 * SecurityGroup101"); a one-group path means a direct member. Never throws.
 */
export function buildMembershipPathCard(model: MembershipPathCardModel): AdaptiveCard {
  const { user, group } = model;
  const paths = model.paths.filter((p) => p.length > 0);
  const direct = paths.some((p) => p.length === 1);
  const rule = model.dynamicRule;
  const answer = rule
    ? model.isMember
      ? md`Yes, ${user.displayName} is in ${group.displayName} because of its membership rule: ${rule.reason}.`
      : md`No, ${user.displayName} is not in ${group.displayName}: its membership rule does not match (${rule.reason}).`
    : !model.isMember
      ? md`No, ${user.displayName} is not a member of ${group.displayName}.`
      : direct
        ? md`Yes, ${user.displayName} is a direct member of ${group.displayName}.`
        : md`Yes, ${user.displayName} is a member of ${group.displayName} through nested groups.`;
  const body: CardElement[] = [heading(answer), subtle(personLine(user))];
  if (rule) body.push(textBlock(md`Rule: ${rule.rule}`, { spacing: 'Small', fontType: 'Monospace' }));
  if (model.isMember && paths.length > 0 && !(rule && direct)) {
    body.push(textBlock(md`How`, { weight: 'Bolder', spacing: 'Medium' }));
    for (const p of paths.slice(0, PATHS_SHOWN)) body.push(textBlock(pathLine(user, p), { spacing: 'Small' }));
    if (paths.length > PATHS_SHOWN) body.push(subtle(md`and ${paths.length - PATHS_SHOWN} more paths`));
  }
  const first = paths[0];
  return adaptiveCard({
    fallbackText: rule
      ? `${model.isMember ? 'Yes' : 'No'}, ${user.displayName} is ${model.isMember ? '' : 'not '}in ${group.displayName}: its membership rule (${rule.rule}) says ${rule.reason}.`
      : model.isMember
        ? `Yes, ${user.displayName} is a member of ${group.displayName}${first ? `: ${pathPlain(user, first)}` : ''}.`
        : `No, ${user.displayName} is not a member of ${group.displayName}.`,
    body,
  });
}
