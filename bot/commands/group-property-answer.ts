/** The yes/no answer to a question about one property of a group ("is Finance Readers a security group?"). Pure. */
import type { GroupProperty } from '../language/intent';
import type { GroupProperties } from '../directory/group-properties-read';
import { groupKind, isDynamic } from '../directory/types';
import { kindLabel } from '../../graph-model/group-kind';

function yes(ok: boolean, sentence: string): string {
  return `${ok ? 'Yes' : 'No'}: ${sentence}`;
}

/** Visibility in words. Pure. */
function visibilityText(v: string | null | undefined): string {
  if (v === 'HiddenMembership') return 'private with hidden membership (only its members and owners see who is in it)';
  if (v === 'Private') return 'private (only members see its content; joining needs an owner)';
  if (v === 'Public') return 'public (anyone in the organisation can see its content and join)';
  return 'without a visibility setting (security groups have none; their members are visible to the directory)';
}

/** Guests: Microsoft 365 groups follow the tenant's setting; security groups can always hold guests. Pure. */
function guestsText(p: GroupProperties, name: string): string {
  if (groupKind(p.group) !== 'microsoft365')
    return yes(true, `${name} is a ${kindLabel(p.group)}; guests can be members of it.`);
  if (p.tenantAllowsGuests === null) return `I couldn't read whether guests may be added to Microsoft 365 groups here.`;
  return yes(
    p.tenantAllowsGuests,
    `owners ${p.tenantAllowsGuests ? 'may' : 'may not'} add guests to Microsoft 365 groups such as ${name} (tenant setting).`,
  );
}

/** Answers one property question about a live group. Pure. */
export function answerProperty(p: GroupProperties, property: GroupProperty): string {
  const g = p.group;
  const name = `'${g.displayName}'`;
  const kind = groupKind(g);
  switch (property) {
    case 'security':
      return yes(
        g.securityEnabled,
        `${name} is a ${kindLabel(g)}${g.securityEnabled ? ' (it can be used to grant access)' : ''}.`,
      );
    case 'groupType':
      return `${name} is a ${kindLabel(g)}.`;
    case 'dynamic':
      return yes(
        isDynamic(g),
        isDynamic(g)
          ? `${name} has dynamic membership, by the rule ${g.membershipRule ?? '(not readable)'}.`
          : `${name} has assigned (static) membership.`,
      );
    case 'visibility':
      return `${name} is ${visibilityText(g.visibility)}.`;
    case 'private':
      return yes(
        g.visibility === 'Private' || g.visibility === 'HiddenMembership',
        `${name} is ${visibilityText(g.visibility)}.`,
      );
    case 'hiddenMembership':
      return yes(g.visibility === 'HiddenMembership', `${name} is ${visibilityText(g.visibility)}.`);
    case 'mailEnabled':
      return yes(
        g.mailEnabled,
        g.mailEnabled ? `${name} has an email address${g.mail ? `, ${g.mail}` : ''}.` : `${name} has no email address.`,
      );
    case 'distributionList':
      return yes(kind === 'distribution', `${name} is a ${kindLabel(g)}.`);
    case 'team':
      return yes(
        p.hasTeam,
        p.hasTeam ? `${name} has a team in Microsoft Teams.` : `${name} has no team in Microsoft Teams.`,
      );
    case 'roleAssignable':
      return yes(
        p.isAssignableToRole === true,
        `${name} ${p.isAssignableToRole ? 'can' : 'cannot'} be assigned to Microsoft Entra roles.`,
      );
    case 'guestsAllowed':
      return guestsText(p, name);
    case 'deleted':
      return yes(false, `${name} is not deleted; it is in use.`);
  }
}
