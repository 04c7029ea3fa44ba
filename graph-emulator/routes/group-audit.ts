/** Records a member or owner change in the directory audit log (audit/audit-log.ts) as the caller's doing. */
import type { GroupAuditActivity } from '../audit/audit-log';
import type { HandlerContext } from '../http/request-context';
import type { GroupObject } from '../model/types';

/** Appends the record for `subjectId` joining or leaving `g`. Never throws. */
export function recordGroupAudit(
  ctx: HandlerContext,
  activity: GroupAuditActivity,
  g: GroupObject,
  subjectId: string,
): void {
  const { store } = ctx.services;
  const user = store.users.get(subjectId);
  const group = user ? undefined : store.groups.get(subjectId);
  const u = ctx.caller.user;
  store.audits.append(
    activity,
    { id: u.id, displayName: u.displayName ?? null, userPrincipalName: u.userPrincipalName ?? null },
    {
      id: subjectId,
      displayName: user?.displayName ?? group?.displayName ?? null,
      type: user ? 'User' : 'Group',
      userPrincipalName: user?.userPrincipalName ?? null,
    },
    { id: g.id, displayName: g.displayName, type: 'Group', userPrincipalName: null },
  );
}
