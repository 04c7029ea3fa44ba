import { Client } from '@microsoft/microsoft-graph-client';
import { Agent } from 'undici';

/** Where Graph lives and how to reach it. Local mode and production differ only in these values. */
export interface GraphEndpoint {
  /** `https://graph.microsoft.com` in production, `https://localhost:<port>` for the local emulator. */
  baseUrl: string;
  /** Graph version segment; always `v1.0` for groupbot. */
  version?: string;
  /** PEM of an extra certificate authority to trust (the local emulator's CA); undefined in production. */
  caPem?: string;
  /** How many `$batch` requests run at once (BotConfig.directory.batchConcurrency; default 4). */
  batchConcurrency?: number;
  /** False: member adds are written one `$ref` step each instead of 20 binds per PATCH (default true). */
  patchBinds?: boolean;
}

/** Supplies the acting user's delegated access token. Called once per request by the Graph client. */
export type TokenSource = () => Promise<string>;

const agents = new Map<string, Agent>();

/** One keep-alive connection pool per trusted CA, shared by every client of the process. */
function agentFor(caPem: string): Agent {
  let agent = agents.get(caPem);
  if (!agent) {
    agent = new Agent({ connect: { ca: caPem }, keepAliveTimeout: 30_000 });
    agents.set(caPem, agent);
  }
  return agent;
}

/**
 * Builds a `@microsoft/microsoft-graph-client` Client exactly as the bot uses it: the default middleware
 * chain (auth, retry on 429/503/504 honouring Retry-After, telemetry), the endpoint's host trusted for the
 * bearer token, and the emulator's CA trusted only when one is given. Never throws; errors surface per call.
 */
export function createGraphClient(endpoint: GraphEndpoint, token: TokenSource): Client {
  const url = new URL(endpoint.baseUrl);
  if (url.protocol !== 'https:') {
    // Graph's JS client sends the bearer token only over https (docs/graph-behaviour.md, Transport); refuse to pretend otherwise.
    throw new Error(`Graph base URL must be https, got '${endpoint.baseUrl}'`);
  }
  const isMicrosoftHost = url.hostname === 'graph.microsoft.com';
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: token },
    baseUrl: `${url.protocol}//${url.host}`,
    defaultVersion: endpoint.version ?? 'v1.0',
    ...(isMicrosoftHost ? {} : { customHosts: new Set([url.hostname]) }),
    ...(endpoint.caPem ? { fetchOptions: { dispatcher: agentFor(endpoint.caPem) } as RequestInit } : {}),
  });
}

/** Closes the shared connection pools (tests and clean shutdown). */
export async function closeGraphConnections(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close()));
}
