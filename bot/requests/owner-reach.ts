/**
 * How an approval card reaches each approver, as pure decisions: where the card goes for the approvers no 1:1 chat
 * could reach (the group's own team channel, else the shared chat it was asked in, else the Groups Administrators),
 * and the sentence that tells the requester who got the card and where, and who did not and why.
 */

/** Why no 1:1 chat could be had with someone. */
export type NoChatReason =
  /** Teams says groupbot is not installed for them, and groupbot could not install it. */
  | 'no-app'
  /** groupbot knows no chat with them and cannot open one (no Teams address known yet, or local mode). */
  | 'no-chat'
  /** Teams refused or failed just now. */
  | 'failed';

/** Where someone got the card. */
export type CardPlace =
  | { kind: 'personal' }
  | { kind: 'team-channel'; teamName: string }
  /** The shared chat the request was asked in (where the requester reads this). */
  | { kind: 'shared-chat' };

/** One approver and how the card reached them (or not). */
export interface ApproverReach {
  name: string;
  /** Where they got it; absent when nowhere. */
  place?: CardPlace;
  /** Why no 1:1 chat could be had (set even when the card then reached them elsewhere). */
  noChat?: NoChatReason;
  /** groupbot installed the app for them just now: the card follows in their new 1:1 chat when Teams says so. */
  installing?: boolean;
  /** A Groups Administrator asked because some owners could not be reached. */
  administrator?: boolean;
}

/** The group's team channel groupbot is installed in, when it knows one. */
export interface TeamChannel {
  conversationId: string;
  teamName: string;
}

/** Where the card goes for the approvers without a 1:1 chat. */
export type Fallback =
  | { kind: 'team-channel'; conversationId: string; teamName: string }
  | { kind: 'shared-chat'; conversationId: string }
  | { kind: 'administrators' }
  | { kind: 'none' };

/**
 * The fallback for approvers no 1:1 chat reached: the group's own team channel when groupbot is installed there,
 * else the shared chat the request was asked in (a route stored before `askedInShared` existed counts as shared),
 * else the Groups Administrators when there are any left to ask, else none. Pure.
 */
export function chooseFallback(opts: {
  teamChannel?: TeamChannel;
  askedIn: string;
  askedInShared: boolean | undefined;
  administratorsLeft: boolean;
}): Fallback {
  if (opts.teamChannel) return { kind: 'team-channel', ...opts.teamChannel };
  if (opts.askedInShared !== false && opts.askedIn) return { kind: 'shared-chat', conversationId: opts.askedIn };
  if (opts.administratorsLeft) return { kind: 'administrators' };
  return { kind: 'none' };
}

/** "A", "A and B", "A, B and C". Pure. */
export function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function placeText(p: ApproverReach): string {
  const place = p.place;
  if (!place) return '';
  const where =
    place.kind === 'personal'
      ? '1:1 chat'
      : place.kind === 'team-channel'
        ? `${place.teamName} team channel`
        : 'this chat';
  return p.administrator ? `Groups Administrator, ${where}` : where;
}

const has = (n: number): string => (n === 1 ? 'has' : 'have');

/**
 * The sentences that tell the requester who got the card and where, who did not and why, and what to do about
 * it: "Sent to Olga Owner (1:1 chat) and Lee Gu (Finance team channel). Adele Vance has not installed groupbot, so I
 * could not send them the card. Ask your Teams admin to pre-install groupbot for everyone (see README)." Empty when
 * there is nobody to report on. No ids. Pure.
 */
export function reachSentence(reach: readonly ApproverReach[]): string {
  const out: string[] = [];
  const placed = reach.filter((p) => p.place);
  if (placed.length > 0) out.push(`Sent to ${nameList(placed.map((p) => `${p.name} (${placeText(p)})`))}.`);
  const installing = reach.filter((p) => !p.place && p.installing).map((p) => p.name);
  if (installing.length > 0) {
    out.push(
      `I installed groupbot for ${nameList(installing)}; the card goes to their 1:1 chat as soon as Teams confirms it.`,
    );
  }
  const owners = reach.filter((p) => !p.administrator);
  const elsewhere = owners.filter((p) => p.place && p.place.kind !== 'personal' && p.noChat === 'no-app');
  if (elsewhere.length > 0) {
    // One notice has one fallback, so they all got it in the same place.
    const where = placeText({ ...(elsewhere[0] as ApproverReach), administrator: false });
    const there = where === 'this chat' ? 'here' : `to the ${where}`;
    out.push(
      `${nameList(elsewhere.map((p) => p.name))} ${has(elsewhere.length)} not installed groupbot, so the card went ${there} instead.`,
    );
  }
  const nowhere = owners.filter((p) => !p.place && !p.installing);
  const why = (reason: NoChatReason) => nowhere.filter((p) => (p.noChat ?? 'no-chat') === reason).map((p) => p.name);
  const noApp = why('no-app');
  const noChat = why('no-chat');
  const failed = why('failed');
  if (noApp.length > 0) {
    out.push(
      `${nameList(noApp)} ${has(noApp.length)} not installed groupbot, so I could not send them the card yet; ` +
        'it reaches them as soon as groupbot is installed for them.',
    );
  }
  if (noChat.length > 0) {
    out.push(`${nameList(noChat)} ${has(noChat.length)} not chatted with me yet, so I could not send them the card.`);
  }
  if (failed.length > 0) {
    out.push(`Teams did not let me open a chat with ${nameList(failed)} just now, so they did not get the card.`);
  }
  if (noChat.length + failed.length > 0) {
    out.push(
      'They will see your request under "pending approvals" when they message me, and I remind them when it is due.',
    );
  }
  if (noApp.length + elsewhere.length > 0) {
    out.push('Ask your Teams admin to pre-install groupbot for everyone (see README).');
  }
  return out.join(' ');
}

/**
 * True when the requester should be told where the card went even though they can see their own request: someone
 * got it somewhere other than a 1:1 chat or this chat (a team channel, the Groups Administrators), is being
 * installed for, or got it nowhere. Pure.
 */
export function reachWorthTelling(reach: readonly ApproverReach[]): boolean {
  return reach.some((p) => !p.place || p.administrator || p.place.kind === 'team-channel');
}
