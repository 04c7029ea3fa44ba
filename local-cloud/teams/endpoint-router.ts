/**
 * Where the local Teams sends each request when the bot runs as several instances: the endpoints in turn (round
 * robin, as a load balancer would spread them), or the one a call asks for. Pure (no I/O).
 */
import type { Via } from './teams-client-types';

/** The endpoint index of each successive request of one call; undefined = round robin. */
export type ViaSequence = () => number | undefined;

/** A sequence for `via`: a number for every request, a list in order with its last entry repeating. */
export function viaSequence(via: Via | undefined): ViaSequence {
  if (via === undefined) return () => undefined;
  if (typeof via === 'number') return () => via;
  const list = [...via];
  let n = 0;
  return () => {
    const i = list[Math.min(n, list.length - 1)];
    n++;
    return i;
  };
}

export class EndpointRouter {
  private urls: readonly string[] = [];
  private turn = 0;

  /** Replaces the endpoints and restarts the round robin at the first. Throws Error for an empty list. */
  set(urls: readonly string[]): void {
    if (urls.length === 0) throw new Error('local-cloud: at least one bot endpoint is needed');
    this.urls = [...urls];
    this.turn = 0;
  }

  /** Whether at least one endpoint is set. */
  hasEndpoints(): boolean {
    return this.urls.length > 0;
  }

  /**
   * The endpoint for the next request: `choice` (an index) when given, else the next in turn (a choice does not
   * move the turn). Throws Error when no endpoint is set or `choice` is out of range.
   */
  pick(choice?: number): string {
    if (this.urls.length === 0)
      throw new Error('local-cloud: no bot endpoint; call teams.setBotEndpoint(url) or setBotEndpoints(urls) first');
    if (choice === undefined) return this.urls[this.turn++ % this.urls.length] as string;
    const url = this.urls[choice];
    if (url === undefined) throw new Error(`local-cloud: no bot endpoint #${choice} (there are ${this.urls.length})`);
    return url;
  }
}
