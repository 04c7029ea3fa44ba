/**
 * The signed-in user's OneDrive (docs/graph-behaviour.md, Files): `GET /me/drive`, `GET /me/drive/root`,
 * `GET /me/drive/items/{id}`, `GET /me/drive/root:/{path}`, simple upload `PUT /me/drive/root:/{path}:/content`
 * (201 new, 200 replaced; at most 250 MB, the driveitem-put-content page) and
 * `POST /me/drive/items/{id}/createLink` (201 new link, 200 the existing one of that type and scope).
 * Reads need a Files.Read-or-better scope, writes Files.ReadWrite (or Files.ReadWrite.All, Sites.ReadWrite.All);
 * otherwise 403 `accessDenied`. A user without a OneDrive (guests) gets 404 `ResourceNotFound`
 * "User's mysite not found.".
 */
import { GraphHttpError } from '../http/graph-error';
import { jsonBody, type EmuResponse, type HandlerContext } from '../http/request-context';
import { driveItemJson, driveJson, permissionJson } from '../drive/drive-json';
import { hasDrive, isValidItemName, splitItemPath, type LinkScope, type LinkType } from '../drive/drive-store';

/** Largest body a simple upload takes: 250 MB (driveitem-put-content). */
export const MAX_SIMPLE_UPLOAD_BYTES = 250 * 1024 * 1024;

const READ_FILES = [
  'Files.Read',
  'Files.ReadWrite',
  'Files.Read.All',
  'Files.ReadWrite.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
];
const WRITE_FILES = ['Files.ReadWrite', 'Files.ReadWrite.All', 'Sites.ReadWrite.All'];

const MIME_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** OneDrive's error for a missing Files scope. */
function accessDenied(): GraphHttpError {
  return new GraphHttpError(403, 'accessDenied', 'Access denied');
}

function itemNotFound(): GraphHttpError {
  return new GraphHttpError(404, 'itemNotFound', 'The resource could not be found.');
}

function invalidRequest(message: string): GraphHttpError {
  return new GraphHttpError(400, 'invalidRequest', message);
}

/** The caller's id once scope and drive are checked. Throws GraphHttpError 403 or 404. */
function ownDrive(ctx: HandlerContext, write: boolean): string {
  if (!(write ? WRITE_FILES : READ_FILES).some((s) => ctx.caller.scopes.has(s))) throw accessDenied();
  if (!hasDrive(ctx.caller.user)) throw new GraphHttpError(404, 'ResourceNotFound', "User's mysite not found.");
  return ctx.caller.user.id;
}

async function itemResponse(ctx: HandlerContext, itemId: string, status = 200): Promise<EmuResponse> {
  const drives = ctx.services.drives;
  const userId = ctx.caller.user.id;
  const d = await drives.drive(userId);
  const item = await drives.item(userId, itemId);
  if (!item) throw itemNotFound();
  return {
    status,
    body: driveItemJson(ctx.services.baseUrl, d, item, drives.pathOf(d, item), ctx.caller.user),
  };
}

/** GET /me/drive. */
export async function getDrive(ctx: HandlerContext): Promise<EmuResponse> {
  const userId = ownDrive(ctx, false);
  return {
    status: 200,
    body: driveJson(ctx.services.baseUrl, await ctx.services.drives.drive(userId), ctx.caller.user),
  };
}

/** GET /me/drive/root. */
export async function getRoot(ctx: HandlerContext): Promise<EmuResponse> {
  const userId = ownDrive(ctx, false);
  return itemResponse(ctx, (await ctx.services.drives.drive(userId)).rootId);
}

/** GET /me/drive/items/{id}. */
export async function getItem(ctx: HandlerContext): Promise<EmuResponse> {
  ownDrive(ctx, false);
  return itemResponse(ctx, ctx.params.id ?? '');
}

/** GET /me/drive/root:/{path} (the router gives the whole path as one parameter). */
export async function getItemByPath(ctx: HandlerContext): Promise<EmuResponse> {
  const userId = ownDrive(ctx, false);
  const item = await ctx.services.drives.itemAtPath(userId, ctx.params.path ?? '');
  if (!item) throw itemNotFound();
  return itemResponse(ctx, item.id);
}

/** PUT /me/drive/root:/{path}:/content: simple upload of a new or replaced file. */
export async function putContentByPath(ctx: HandlerContext): Promise<EmuResponse> {
  const userId = ownDrive(ctx, true);
  const itemPath = ctx.params.path ?? '';
  const names = splitItemPath(itemPath);
  if (names.length === 0 || !names.every(isValidItemName))
    throw invalidRequest('The provided name contains invalid characters or is empty.');
  const bytes = ctx.req.bodyBytes ?? Buffer.from(ctx.req.bodyText ?? '', 'utf8');
  if (bytes.length > MAX_SIMPLE_UPLOAD_BYTES)
    throw new GraphHttpError(
      413,
      'Request_EntityTooLarge',
      'A simple upload takes at most 250 MB; use an upload session for larger files.',
    );
  const behaviour = (ctx.req.query.get('@microsoft.graph.conflictBehavior') ?? 'replace').toLowerCase();
  if (behaviour !== 'replace' && behaviour !== 'fail' && behaviour !== 'rename')
    throw invalidRequest(`Invalid conflict behavior '${behaviour}'.`);
  const name = names[names.length - 1] as string;
  const ext = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  const mime = MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
  const out = await ctx.services.drives.putFile(userId, itemPath, bytes, mime, behaviour);
  if (out.clash === 'folder')
    throw new GraphHttpError(409, 'nameAlreadyExists', 'A folder with this name already exists on the path.');
  if (!out.item) throw new GraphHttpError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  return itemResponse(ctx, out.item.id, out.created ? 201 : 200);
}

/** POST /me/drive/items/{id}/createLink {type, scope}. */
export async function createLink(ctx: HandlerContext): Promise<EmuResponse> {
  const userId = ownDrive(ctx, true);
  const body = jsonBody(ctx.req, { emptyIsError: true });
  const type = body.type;
  if (type === 'embed') throw invalidRequest('Embed links are available only in OneDrive personal.');
  if (type !== 'view' && type !== 'edit') throw invalidRequest("The link type must be 'view' or 'edit'.");
  const scope = body.scope ?? 'organization';
  if (scope === 'anonymous')
    throw new GraphHttpError(403, 'accessDenied', 'Anonymous sharing links are disabled for this organization.');
  if (scope !== 'organization' && scope !== 'users')
    throw invalidRequest("The link scope must be 'anonymous', 'organization' or 'users'.");
  const item = await ctx.services.drives.item(userId, ctx.params.id ?? '');
  if (!item) throw itemNotFound();
  const { link, created } = await ctx.services.drives.createLink(userId, item.id, type as LinkType, scope as LinkScope);
  const d = await ctx.services.drives.drive(userId);
  return { status: created ? 201 : 200, body: permissionJson(ctx.services.baseUrl, d, link) };
}
