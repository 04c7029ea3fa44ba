/**
 * A sharing link for a file in the user's OneDrive that exposes nothing new: `POST /me/drive/items/{id}/createLink`
 * with `type: view` (read-only) and `scope: users` ("specific people") and no one added, so the link opens only for
 * people who already have access, the owner. An export holds what the requester's own permissions let them read
 * (hidden memberships, guests' addresses); an `organization` link would let anyone in the tenant who sees the card
 * (a group chat, a channel, a forwarded message) open it. Graph returns the existing link of that type and scope if
 * there is one (200), else a new one (201).
 */
import type { GraphSession } from '../directory/graph-session';

/** The body groupbot sends to createLink. */
export const LINK_REQUEST = { type: 'view', scope: 'users' } as const;

/** Creates (or gets) the link and resolves to its webUrl. Throws DomainError when Graph refuses, Error when the answer has no link. */
export async function createPrivateViewLink(graph: GraphSession, itemId: string): Promise<string> {
  const permission = await graph.post<{ link?: { webUrl?: unknown } }>(
    `/me/drive/items/${encodeURIComponent(itemId)}/createLink`,
    LINK_REQUEST,
  );
  const url = permission?.link?.webUrl;
  if (typeof url !== 'string' || !/^https:\/\//.test(url))
    throw new Error('createLink answered without an https link.');
  return url;
}
