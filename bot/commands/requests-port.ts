/**
 * The requests layer as the commands see it (CommandContext.requests): filing, deciding and listing access
 * requests. Bound to a turn's place and actor by bot/teams/request-coordinator.ts.
 */
import type { Reply } from '../shared/types';

/** What filing from the justification card needs; `blocked` says why the actor cannot ask (run late, within the answer time). */
export interface RequestSubmission {
  groupId: string;
  justification: string;
  durationDays?: number;
  blocked: () => Promise<string | null>;
}

/**
 * What the requests layer (bot/requests/request-workflow.ts, bound to this turn's place and actor by
 * bot/teams/request-coordinator.ts) offers the commands of this turn. The card verbs of requests are routed to it
 * by bot/commands/request-actions.ts.
 */
export interface RequestsPort {
  /** Files the request (or merges it) and asks the owners. Throws RequestInputError and the directory's errors. */
  submit(input: RequestSubmission): Promise<Reply[]>;
  /** Approve or deny as the actor (checked again on the server). Throws RequestInputError and directory errors. */
  decide(action: 'approve' | 'deny', requestId: string, reason?: string): Promise<Reply[]>;
  /** Cancel, by the requester. Throws the directory's and database errors. */
  cancel(requestId: string): Promise<Reply[]>;
  /** Posts the approval card of a request in this chat (from "pending approvals"). Throws directory errors. */
  open(requestId: string): Promise<Reply[]>;
  /** The card this viewer should see now (Universal Actions refresh); needs no Graph token. Throws database errors. */
  refresh(requestId: string): Promise<Reply[]>;
  /** The group's owners (id, name), read with the actor's token. Throws DomainError. */
  owners(groupId: string): Promise<{ id: string; name: string }[]>;
  /** True when the actor may add members to the group themselves (owner, Groups or Global Administrator). */
  canManage(groupId: string): Promise<boolean>;
  /** "my requests": the actor's requests as replies (a list card). Never throws. */
  listMine(): Promise<Reply[]>;
  /** "pending approvals": requests the actor may decide, as replies (none when empty and `omitWhenEmpty`). Never throws. */
  listPending(opts?: { omitWhenEmpty?: boolean }): Promise<Reply[]>;
}
