import type { CommandContext } from './context';

/**
 * A Graph nextLink kept server-side in a pending operation (a card's "More" carries only the pending id). Still
 * checked before it is followed: bot/directory accepts only a link on the session's own Graph.
 */
export function nextLinkOf(ctx: CommandContext): string | undefined {
  const c = ctx.continuation;
  if (c?.kind !== 'page') return undefined;
  return ctx.graph.isOwnLink(c.next) ? c.next : undefined;
}

/** Items already shown before this page (for "21-40"). */
export function offsetOf(ctx: CommandContext): number {
  const c = ctx.continuation;
  return c?.kind === 'page' && Number.isInteger(c.offset) && c.offset >= 0 ? c.offset : 0;
}
