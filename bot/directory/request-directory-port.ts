/**
 * The directory as the access-request workflow (bot/requests) reaches it: the RequestDirectory port and the
 * outcomes of its membership writes. Declared here, beside their Graph implementation (request-directory.ts), so
 * that bot/directory imports nothing from bot/requests; bot/requests re-exports them.
 */
import type { PersonRef } from '../shared/types';

/** What happened when the caller ran the Graph add. */
export type MemberAddResult =
  /** Added now; `tokenOf` when someone else's token than the approver's made the add (background fallback). */
  | { outcome: 'added'; status?: number; tokenOf?: PersonRef }
  /** The user was a member already (Graph 400 "added object references already exist"): nothing to undo. */
  | { outcome: 'already-member'; status?: number }
  /** Refused for good (403, group gone, user gone): the request ends `failed` with `message`. */
  | { outcome: 'failed'; message: string; status?: number }
  /** Transient (throttled, no token right now): the request stays `approving` and the sweeper retries later. */
  | { outcome: 'retry-later'; message: string };

/** What happened when the caller ran the Graph removal. */
export type MemberRemoveResult =
  | { outcome: 'removed'; tokenOf: PersonRef; status?: number }
  /** Not a member any more (someone removed them): nothing to do. */
  | { outcome: 'not-member' }
  /** Could not remove now (no token, throttled, forbidden): retried after the lease. */
  | { outcome: 'retry-later'; message: string };

/** A person as the directory knows them. */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  userPrincipalName?: string;
  mail?: string;
  department?: string;
  jobTitle?: string;
  /** `Guest` for people from another tenant. */
  userType?: string;
}

/** A group as the workflow needs it. */
export interface DirectoryGroupRef {
  id: string;
  displayName: string;
}

/**
 * The directory, as one user (their delegated token). Reads throw the directory's errors; `addMember` and
 * `removeMember` never throw (they report their outcome).
 */
export interface RequestDirectory {
  /** The signed-in user. */
  me(): Promise<DirectoryPerson>;
  group(groupId: string): Promise<DirectoryGroupRef>;
  /** The group's owners that are users (ids lower-case). */
  owners(groupId: string): Promise<{ id: string; name: string }[]>;
  /** True when `userId` is an owner of the group or the session's user holds a Groups/Global Administrator role. */
  mayDecide(groupId: string, userId: string): Promise<boolean>;
  /** True when the session's user is a Groups or Global Administrator. */
  holdsDecidingRole(): Promise<boolean>;
  /** The users holding the Groups Administrator role (escalation), empty when none or not readable. */
  groupsAdministrators(): Promise<{ id: string; name: string }[]>;
  /** Team-mates (same department) of the requester and how many are members, when the requester has one. */
  teammates(
    groupId: string,
    requester: { id: string; department: string | null },
  ): Promise<{ members: number; total: number } | undefined>;
  addMember(groupId: string, userId: string): Promise<MemberAddResult>;
  removeMember(groupId: string, userId: string, grantedBy: { id: string; name: string }): Promise<MemberRemoveResult>;
}
