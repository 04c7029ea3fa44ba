/**
 * Graph calls a benchmark makes between its timed rounds (setting a group's owners, removing a member), as Megan,
 * the demo tenant's Global Administrator, straight to the Graph emulator (not through the bot).
 */
import { Agent } from 'undici';
import type { RunningEmulator } from '../../graph-emulator';
import { DEMO_USERS } from '../../graph-emulator/seed/demo-tenant';

/**
 * One Graph call as Megan; resolves to the status and body text.
 * @throws Error when Graph answers with a status not in `ok` (the body's first 300 characters in the message).
 */
export async function graphAsAdmin(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  ok: readonly number[] = [200, 201, 204],
): Promise<{ status: number; text: string }> {
  const token = await emulator.issueToken(DEMO_USERS.megan.upn);
  const dispatcher = new Agent({ connect: { ca: emulator.caPem } });
  try {
    const res = await fetch(`${emulator.graphUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      dispatcher,
    } as RequestInit);
    const text = await res.text();
    if (!ok.includes(res.status))
      throw new Error(`Graph ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return { status: res.status, text };
  } finally {
    await dispatcher.close();
  }
}

/** The `@odata.id` of a directory object, as Graph's $ref calls take it. */
export function directoryRef(id: string): { '@odata.id': string } {
  return { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` };
}
