/**
 * The directory audit log behind `GET /auditLogs/directoryAudits` (docs/graph-behaviour.md, Directory audit log):
 * one record per member or owner added to or removed from a group by a delegated caller, oldest first. Kept in
 * memory only: an emulator restart starts an empty log (the directory itself survives).
 */
import { randomUUID } from 'node:crypto';

/** The four group activities the emulator records, spelled as Entra's audit log spells them. */
export type GroupAuditActivity =
  'Add member to group' | 'Remove member from group' | 'Add owner to group' | 'Remove owner from group';

/** A user or group named in a record. */
export interface AuditTarget {
  id: string;
  displayName: string | null;
  type: 'User' | 'Group';
  userPrincipalName: string | null;
}

/** Who made the change (delegated: always a user). */
export interface AuditInitiator {
  id: string;
  displayName: string | null;
  userPrincipalName: string | null;
}

/** One directoryAudit record, before it is shaped as Graph JSON. */
export interface AuditRecord {
  id: string;
  activityDateTime: string;
  activityDisplayName: GroupAuditActivity;
  initiatedBy: AuditInitiator;
  /** The member or owner first, the group second (as Entra lists them). */
  targetResources: [AuditTarget, AuditTarget];
  correlationId: string;
}

/** The log: append and read in order. */
export class AuditLog {
  private readonly records: AuditRecord[] = [];

  /** Appends one record stamped now (never earlier than the previous one). Never throws. */
  append(
    activity: GroupAuditActivity,
    initiatedBy: AuditInitiator,
    subject: AuditTarget,
    group: AuditTarget,
    now = new Date(),
  ): AuditRecord {
    const last = this.records.at(-1)?.activityDateTime;
    const at = last && last > now.toISOString() ? last : now.toISOString();
    const record: AuditRecord = {
      id: `Directory_${randomUUID()}`,
      activityDateTime: at,
      activityDisplayName: activity,
      initiatedBy,
      targetResources: [subject, group],
      correlationId: randomUUID(),
    };
    this.records.push(record);
    return record;
  }

  /** Every record, oldest first. Never throws. */
  all(): readonly AuditRecord[] {
    return this.records;
  }
}

/** The Graph JSON of a record (the directoryAudit resource). Never throws. */
export function auditJson(r: AuditRecord): Record<string, unknown> {
  const [subject, group] = r.targetResources;
  const groupProps = [
    { displayName: 'Group.ObjectID', oldValue: null, newValue: JSON.stringify(group.id) },
    { displayName: 'Group.DisplayName', oldValue: null, newValue: JSON.stringify(group.displayName) },
  ];
  return {
    id: r.id,
    category: 'GroupManagement',
    correlationId: r.correlationId,
    result: 'success',
    resultReason: '',
    activityDisplayName: r.activityDisplayName,
    activityDateTime: r.activityDateTime,
    loggedByService: 'Core Directory',
    operationType: r.activityDisplayName.startsWith('Add') ? 'Assign' : 'Unassign',
    initiatedBy: {
      app: null,
      user: {
        id: r.initiatedBy.id,
        displayName: r.initiatedBy.displayName,
        userPrincipalName: r.initiatedBy.userPrincipalName,
        ipAddress: null,
        userType: null,
        homeTenantId: null,
        homeTenantName: null,
      },
    },
    targetResources: [
      {
        id: subject.id,
        displayName: subject.displayName,
        type: subject.type,
        userPrincipalName: subject.userPrincipalName,
        groupType: null,
        modifiedProperties: groupProps,
      },
      {
        id: group.id,
        displayName: group.displayName,
        type: 'Group',
        userPrincipalName: null,
        groupType: null,
        modifiedProperties: [],
      },
    ],
    additionalDetails: [],
  };
}
