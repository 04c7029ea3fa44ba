/**
 * Starts every part of the local cloud on one HTTPS server (being written: this commit publishes the interface).
 */
import type { LocalCloud, LocalCloudOptions } from './index';

/** Rejects until the parts are wired in (next commits). */
export function startCloud(_options: LocalCloudOptions): Promise<LocalCloud> {
  return Promise.reject(new Error('local-cloud: startLocalCloud is being implemented (interface only in this commit)'));
}
