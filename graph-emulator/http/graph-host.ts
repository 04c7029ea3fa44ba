/**
 * Which hosts an absolute URL inside a request (an `@odata.id` or `@odata.bind` reference, a `$batch` step's url)
 * may name: Microsoft Graph's own host, or this emulator on a loopback address. Any other host is refused with 400,
 * as Graph refuses references to other services.
 */
const GRAPH_HOSTS = /^(graph\.microsoft\.com|localhost|127\.0\.0\.1|\[::1\])$/i;

/** True when `url` is an absolute http(s) URL on a Graph host (any port on loopback, 443 on Graph). Pure. */
export function isGraphHostUrl(url: string): boolean {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password)
    return false;
  if (!GRAPH_HOSTS.test(parsed.hostname)) return false;
  return parsed.hostname.toLowerCase() !== 'graph.microsoft.com' || parsed.port === '';
}
