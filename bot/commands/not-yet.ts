/**
 * TEMPORARY BRIDGE (p26 "table" branch): the intents added in issue 23 whose commands helper "tasks" is writing
 * (user-offboard.ts, membership-copy.ts, members-remove-by-kind.ts, user-access-check.ts, group-property.ts,
 * group-find.ts). The lead replaces this file's uses in dispatch.ts with those commands at merge and deletes it.
 */
import type { Intent } from '../language';
import type { CommandContext, Outcome } from './context';
import { say } from './reply';

const SAID: Record<string, string> = {
  offboardUser: 'remove someone from every group',
  copyMembership: 'copy membership',
  removeMembersByKind: 'remove guests or disabled accounts from a group',
  userAccessCheck: 'check whether someone still has access anywhere',
  groupPropertyQuestion: 'answer a question about a group',
  findGroup: 'find a group for a purpose',
};

/** "I understood X but cannot do it yet." Never throws. */
export async function run(intent: Intent, _ctx: CommandContext): Promise<Outcome> {
  const what = SAID[intent.intent] ?? intent.intent;
  return say(`I understood that you want me to ${what}, but I cannot do that yet.`);
}
