/**
 * Waiting on what the bot sends through the local cloud's connector, by position in the cloud-wide log (`seq`),
 * so that a test can ask "anything matching after this point" without consuming the Teams client's read cursor.
 */
import type { BotSent, TeamsClient } from '../../../local-cloud';
import { describeSent } from './sent-activity';

/** The highest `seq` the cloud has logged so far (0 when nothing was sent). */
export function lastSeq(teams: TeamsClient): number {
  return teams.sent().reduce((max, s) => Math.max(max, s.seq), 0);
}

/** What the bot sent to `conversationId` after `since`, in order. */
export function sentAfter(teams: TeamsClient, conversationId: string, since: number): BotSent[] {
  return teams.sent(conversationId).filter((s) => s.seq > since);
}

/**
 * The first entry sent to `conversationId` after `since` that `match` accepts.
 * @throws Error naming `what` and listing what the bot did send, when none arrives within `timeoutMs`.
 */
export async function awaitSent(
  teams: TeamsClient,
  conversationId: string,
  since: number,
  match: (sent: BotSent) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<BotSent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sentAfter(teams, conversationId, since).find(match);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `Waited ${timeoutMs} ms for ${what}; the bot sent to that conversation:\n${describeSent(sentAfter(teams, conversationId, since))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits `ms` and returns what the bot sent to `conversationId` after `since` (for "sends nothing" checks). */
export async function sentWithin(
  teams: TeamsClient,
  conversationId: string,
  since: number,
  ms: number,
): Promise<BotSent[]> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return sentAfter(teams, conversationId, since);
}
