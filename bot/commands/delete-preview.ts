/**
 * What a delete takes with it and whether, and until when, it can be restored. Pure: the clock comes in.
 * Cloud Microsoft 365 and security groups are soft-deleted and restorable for 30 days (security groups since
 * Entra's soft delete for them reached general availability in March 2026); groups synced from on-premises
 * Active Directory are deleted permanently; distribution lists and mail-enabled security groups never reach
 * this point (they are refused as read-only).
 */
import type { DeleteFacts } from '../directory/delete-lookahead';
import type { GroupKind } from '../directory/types';
import { plainTime } from '../../cards/card-time';

export const RESTORE_DAYS = 30;

export interface DeletePreview {
  /** What goes with the group (lower-case phrases, to join with "; "). */
  goes: string[];
  /** What members lose while it is deleted, and what cannot be undone. */
  warnings: string[];
  /** ISO time until which it can be restored; undefined when it cannot be. */
  restorableUntil?: string;
  /** One sentence about restoring. */
  restore: string;
}

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

/** Works out the delete preview of a group of `kind` at `now`. Never throws. */
export function previewDelete(p: {
  name: string;
  kind: GroupKind;
  dynamic: boolean;
  facts: DeleteFacts;
  now: Date;
}): DeletePreview {
  const { facts, kind } = p;
  const goes: string[] = [];
  const warnings: string[] = [];
  const members = facts.memberCount;
  const reach = facts.transitiveUserCount;
  if (members !== null) {
    const nested = reach !== null && reach !== members ? ` (${people(reach)} counting nested groups)` : '';
    goes.push(
      `its ${members === 1 ? 'member' : `${members} members`}${nested} and ${facts.ownerNames.length === 1 ? `its owner (${facts.ownerNames[0]})` : `${facts.ownerNames.length} owners`}`,
    );
  }
  if (kind === 'microsoft365') {
    goes.push(
      facts.hasTeam
        ? 'its team in Microsoft Teams, its SharePoint site and files, its mailbox, calendar and Planner plans'
        : 'its SharePoint site and files, its mailbox, calendar and Planner plans',
    );
  }
  if (p.dynamic) goes.push('its dynamic membership rule');
  const who = reach ?? members;
  const lose = [
    kind === 'microsoft365'
      ? 'its conversations, files and calendar'
      : 'the apps, files and sites shared with the group',
    ...(facts.licenseNames.length
      ? [`the licences it assigns (${facts.licenseNames.join(', ')}) unless they get them another way`]
      : []),
    'anything else granted to the group, such as Conditional Access or app assignments',
  ];
  warnings.push(
    `While it is deleted, ${who === null ? 'its members' : people(who)} lose ${lose.slice(0, -1).join(', ')}, and ${lose[lose.length - 1]}.`,
  );
  if (facts.onPremisesSyncEnabled === true) {
    warnings.push(
      'It is synced from on-premises Active Directory, so it is deleted permanently: it cannot be restored here.',
    );
    return { goes, warnings, restore: 'It cannot be restored afterwards.' };
  }
  const until = new Date(p.now.getTime() + RESTORE_DAYS * 86_400_000).toISOString();
  return {
    goes,
    warnings,
    restorableUntil: until,
    restore: `It can be restored, with its members and owners, until ${plainTime(until)} (${RESTORE_DAYS} days); after that it is gone for good.`,
  };
}
