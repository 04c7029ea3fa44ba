/**
 * Reading what the bot sent through the local cloud's Bot Connector: sign-in cards, Adaptive Cards, text. Pure.
 */
import type { BotSent } from '../../../local-cloud';

export const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

interface Attachment {
  contentType?: string;
  content?: unknown;
}

function attachmentsOf(sent: BotSent): Attachment[] {
  const list = sent.activity?.attachments;
  return Array.isArray(list) ? (list as Attachment[]) : [];
}

/** True when the bot sent a sign-in card (OAuthCard). */
export function isSignInCard(sent: BotSent): boolean {
  return attachmentsOf(sent).some((a) => a.contentType === OAUTH_CARD || a.contentType?.includes('signin'));
}

/** The OAuthCard's content, when `sent` carries one. */
export function oauthCardOf(
  sent: BotSent,
): { connectionName?: string; tokenExchangeResource?: { id?: string; uri?: string } } | undefined {
  const card = attachmentsOf(sent).find((a) => a.contentType === OAUTH_CARD)?.content;
  return card && typeof card === 'object' ? (card as ReturnType<typeof oauthCardOf>) : undefined;
}

/** The message's text, summary and every string in its attachments, in one string to match on. */
export function textOf(sent: BotSent): string {
  const a = sent.activity ?? {};
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(a.text);
  walk(a.summary);
  walk(attachmentsOf(sent).map((x) => x.content));
  return parts.join(' \n');
}

/** One line per entry (kind, sign-in card or not, first 120 characters), for assertion messages. */
export function describeSent(list: readonly BotSent[]): string {
  if (list.length === 0) return '(the bot sent nothing)';
  return list
    .map(
      (s) =>
        `#${s.seq} ${s.kind}${isSignInCard(s) ? ' [sign-in card]' : ''}: ${textOf(s).replace(/\s+/g, ' ').slice(0, 120)}`,
    )
    .join('\n');
}

/** The data of the card's requestSubmit button (found wherever the card keeps its actions). */
export function submitDataOf(activity: unknown): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const data = (node as { data?: Record<string, unknown> }).data;
      if (data?.['verb'] === 'requestSubmit') found.push(data);
      Object.values(node).forEach(walk);
    }
  };
  walk(activity);
  if (!found[0]) throw new Error('the "Ask to join" card has no Submit button');
  return found[0];
}
