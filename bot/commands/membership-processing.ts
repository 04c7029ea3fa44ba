/**
 * Follow-up for dynamic membership, which Entra processes in the background: after creating a dynamic group or
 * changing a rule the bot says so and offers Check again (never a turn that waits on a poll); Check again
 * (the rule view) reports where processing stands. Text building is pure; `processingNow` reads Graph.
 */
import { buildMembershipProcessingCard } from '../../cards/membership-processing-card';
import { getMembershipProcessing, type MembershipProcessing } from '../directory/dynamic-status';
import type { RecordedChanges } from '../journal/journal-sink';
import type { CommandContext, Reply } from './context';
import { plainTime } from '../../cards/card-time';
import { reply } from './reply';

/** The reply to a write that started processing: the sentence, Check again, and Undo when recorded. Never throws. */
export function processingStartedReply(text: string, groupId: string, recorded: RecordedChanges | undefined): Reply {
  const undo = recorded?.undo ? { journalId: recorded.undo.key, until: recorded.undo.until.toISOString() } : undefined;
  return reply(text, buildMembershipProcessingCard({ text, groupId, ...(undo ? { undo } : {}) }));
}

function timeText(iso: string): string {
  return plainTime(iso);
}

function members(n: number | null): string {
  return n === null ? '' : ` ${n} member${n === 1 ? '' : 's'} so far.`;
}

/** One sentence on where processing stands, and whether it is finished. Never throws. */
export function processingText(groupName: string, p: MembershipProcessing): { text: string; done: boolean } {
  switch (p.state) {
    case 'NotStarted':
      return {
        text: `Entra has not started processing the membership of '${groupName}' yet.${members(p.memberCount)} Check again in a minute.`,
        done: false,
      };
    case 'Running':
      return {
        text: `Entra is processing the membership of '${groupName}' right now.${members(p.memberCount)} Check again in a minute.`,
        done: false,
      };
    case 'Failed':
      return {
        text: `Entra could not process the membership of '${groupName}'${p.errorMessage ? `: ${p.errorMessage.replace(/\.$/, '')}` : ''}. Check the rule, then set it again.`,
        done: true,
      };
    case 'Succeeded': {
      const when = p.lastMembershipUpdated ? ` (last updated ${timeText(p.lastMembershipUpdated)})` : '';
      const count = p.memberCount === null ? '' : `: ${p.memberCount} member${p.memberCount === 1 ? '' : 's'}`;
      return { text: `The membership of '${groupName}' is up to date${when}${count}.`, done: true };
    }
    default:
      return {
        text: `I can't tell whether Entra has finished processing the membership of '${groupName}'.${members(p.memberCount)}`,
        done: false,
      };
  }
}

/** Reads the processing status of a dynamic group and builds the Check again reply. Never throws. */
export async function processingNow(
  ctx: CommandContext,
  group: { id: string; displayName: string },
): Promise<{ reply: Reply; done: boolean }> {
  const p = await getMembershipProcessing(ctx.graph, group.id);
  const { text, done } = processingText(group.displayName, p);
  return { reply: reply(text, buildMembershipProcessingCard({ text, groupId: group.id, done })), done };
}
