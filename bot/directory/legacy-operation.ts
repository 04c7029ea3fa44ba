/**
 * Journal rows written before operations were typed stored their Undo as a Graph call (`{ method, path, body }`,
 * path relative to the version root). This reads such a row into a DirectoryOperation, accepting only the shapes
 * the journal itself used to write, so old rows stay undoable and a damaged one never becomes an arbitrary call.
 */
import type { DirectoryOperation } from './directory-operation';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const RELATION_DELETE = new RegExp(`^/groups/(${GUID})/(members|owners)/(${GUID})/\\$ref$`);
const RELATION_POST = new RegExp(`^/groups/(${GUID})/(members|owners)/\\$ref$`);
const OBJECT_REF = new RegExp(`^https://[^/]+/v1\\.0/directoryObjects/(${GUID})$`);
const GROUP = new RegExp(`^/groups/(${GUID})$`);
const RESTORE = new RegExp(`^/directory/deletedItems/(${GUID})/restore$`);
const LICENSE = new RegExp(`^/groups/(${GUID})/assignLicense$`);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function licenseOperation(groupId: string, body: Record<string, unknown>): DirectoryOperation | undefined {
  const add = body['addLicenses'];
  const remove = body['removeLicenses'];
  if (!Array.isArray(add) || !Array.isArray(remove) || Object.keys(body).length !== 2) return undefined;
  const first = add[0] as unknown;
  if (add.length === 1 && remove.length === 0 && isRecord(first) && typeof first['skuId'] === 'string') {
    const plans = Array.isArray(first['disabledPlans'])
      ? first['disabledPlans'].filter((p): p is string => typeof p === 'string')
      : [];
    return { kind: 'setLicense', groupId, skuId: first['skuId'], assign: { disabledPlans: plans } };
  }
  if (add.length === 0 && remove.length === 1 && typeof remove[0] === 'string')
    return { kind: 'setLicense', groupId, skuId: remove[0], assign: null };
  return undefined;
}

/**
 * The operation an old `{ method, path, body }` Undo row stands for, or undefined when `raw` is not one of the
 * shapes the journal wrote. Never throws.
 */
export function operationFromLegacyCall(raw: unknown): DirectoryOperation | undefined {
  if (!isRecord(raw) || typeof raw['path'] !== 'string' || typeof raw['method'] !== 'string') return undefined;
  const { method, path } = raw as { method: string; path: string };
  const body = isRecord(raw['body']) ? raw['body'] : undefined;
  let m: RegExpExecArray | null;
  if (method === 'DELETE' && !body && (m = RELATION_DELETE.exec(path))) {
    return {
      kind: m[2] === 'members' ? 'removeMember' : 'removeOwner',
      groupId: m[1] as string,
      principalId: m[3] as string,
    };
  }
  if (method === 'POST' && body && (m = RELATION_POST.exec(path))) {
    const ref =
      Object.keys(body).length === 1 && typeof body['@odata.id'] === 'string'
        ? OBJECT_REF.exec(body['@odata.id'])
        : null;
    return ref
      ? { kind: m[2] === 'members' ? 'addMember' : 'addOwner', groupId: m[1] as string, principalId: ref[1] as string }
      : undefined;
  }
  if (method === 'PATCH' && body && (m = GROUP.exec(path)))
    return { kind: 'updateGroup', groupId: m[1] as string, set: body };
  if (method === 'DELETE' && !body && (m = GROUP.exec(path))) return { kind: 'deleteGroup', groupId: m[1] as string };
  if (method === 'POST' && !body && (m = RESTORE.exec(path))) return { kind: 'restoreGroup', groupId: m[1] as string };
  if (method === 'POST' && body && (m = LICENSE.exec(path))) return licenseOperation(m[1] as string, body);
  return undefined;
}
