/**
 * The emulator's stand-in for OneDrive's web addresses: `GET /personal/<ownerKey>/Documents/<path>` (a driveItem's
 * `webUrl`, its owner only) and `GET /personal/<ownerKey>/s/<token>` (a sharing link's `webUrl`: a `users` link
 * opens for the owner only, since no one was added to it; an `organization` link for any member of the tenant).
 * Either downloads the file. Instead of a browser session the caller shows who they are with a bearer token of
 * this emulator (`groupbot token --as <upn>`); without one the answer is 401.
 */
import { GraphHttpError } from '../http/graph-error';
import type { GraphPipeline } from '../http/graph-pipeline';
import type { Caller } from '../http/request-context';
import { PERSONAL_PREFIX } from './drive-json';
import type { DriveItemRecord } from './drive-store';

export interface WebResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

function text(status: number, body: string, extra: Record<string, string> = {}): WebResponse {
  return { status, headers: { ...TEXT, ...extra }, body: `${body}\n` };
}

const NOT_FOUND = (): WebResponse => text(404, 'This item might not exist or is no longer available.');

function decoded(segments: string[]): string[] | undefined {
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    // A malformed escape names no item.
    return undefined;
  }
}

/**
 * The answer to a request for a drive web address. Never throws: unexpected file system errors become a 500
 * without detail.
 */
export async function driveWebResponse(
  pipeline: GraphPipeline,
  method: string,
  pathname: string,
  authorization: string | undefined,
): Promise<WebResponse> {
  if (method !== 'GET') return text(405, 'Only GET is served here.', { Allow: 'GET' });
  const segs = decoded(pathname.slice(PERSONAL_PREFIX.length).split('/').filter(Boolean));
  if (!segs || segs.length < 2) return NOT_FOUND();
  let caller: Caller;
  try {
    caller = pipeline.authenticate(authorization);
  } catch (err) {
    if (!(err instanceof GraphHttpError)) throw err;
    return text(401, "Sign in to open this file: send the owner's bearer token (groupbot token --as <upn>).", {
      'WWW-Authenticate': 'Bearer realm="graph-emulator"',
    });
  }
  try {
    return await serve(pipeline, caller, segs);
  } catch (err) {
    if (err instanceof GraphHttpError) return text(err.status, err.message);
    return text(500, 'The emulator failed to read the file.');
  }
}

async function serve(pipeline: GraphPipeline, caller: Caller, segs: string[]): Promise<WebResponse> {
  const drives = pipeline.services.drives;
  const [ownerKey, kind, ...rest] = segs as [string, string, ...string[]];
  const ownerId = await drives.ownerByKey(ownerKey);
  const owner = ownerId ? pipeline.services.store.users.get(ownerId) : undefined;
  if (!owner) return NOT_FOUND();
  let item: DriveItemRecord | undefined;
  let allowed = caller.user.id === owner.id;
  if (kind === 's' && rest.length === 1) {
    const link = await drives.linkByToken(owner.id, rest[0] as string);
    if (!link) return NOT_FOUND();
    item = await drives.item(owner.id, link.itemId);
    allowed ||= link.scope === 'organization' && caller.user.userType === 'Member';
  } else if (kind === 'Documents' && rest.length > 0) {
    item = await drives.itemAtPath(owner.id, rest.join('/'));
  } else {
    return NOT_FOUND();
  }
  if (!item || item.folder) return NOT_FOUND();
  if (!allowed) return text(403, 'You need permission to access this item.');
  const body = await drives.content(owner.id, item.id);
  const ascii = item.name.replace(/[^A-Za-z0-9._ -]/g, '_');
  return {
    status: 200,
    headers: {
      'Content-Type': item.mimeType ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(item.name)}`,
      'Content-Length': String(body.length),
    },
    body,
  };
}
