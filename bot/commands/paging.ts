import type { CommandContext } from './context';

/**
 * A Graph nextLink kept server-side in a pending operation (a card's "More" carries only the pending id).
 * Still checked before it is followed: an absolute https URL on a Graph v1.0 path, nothing else.
 */
export function nextLinkOf(ctx: CommandContext): string | undefined {
  const next = ctx.flags['next'];
  if (typeof next !== 'string') return undefined;
  try {
    const u = new URL(next);
    return u.protocol === 'https:' && u.pathname.startsWith('/v1.0/') ? next : undefined;
  } catch (err) {
    process.emitWarning(`groupbot: ignoring a malformed stored nextLink (${(err as Error).message})`);
    return undefined;
  }
}

/** Items already shown before this page (for "21-40"). */
export function offsetOf(ctx: CommandContext): number {
  const o = ctx.flags['offset'];
  return typeof o === 'number' && o >= 0 ? o : 0;
}
