/**
 * What kind of conversation an activity comes from, decided once for the whole Teams shell: Teams names it in
 * `conversationType`; other channels (and older activities) only say `isGroup`.
 */
export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** The kind of `conversation` (an activity's); a 1:1 chat unless it says otherwise. Pure. */
export function conversationKind(
  conversation: { conversationType?: string; isGroup?: boolean } | undefined,
): ConversationKind {
  if (conversation?.conversationType === 'channel') return 'channel';
  const group =
    conversation?.conversationType === 'groupChat' ||
    (conversation?.conversationType === undefined && conversation?.isGroup === true);
  return group ? 'groupChat' : 'personal';
}
