import type { GroupObject, LinkRel, SkuObject, UserObject } from '../model/types';

/**
 * One change to the directory. Every write is a list of these, applied to memory and persisted to PGlite in
 * a single transaction (all or nothing).
 */
export type Mutation =
  | { op: 'putUser'; user: UserObject }
  | { op: 'deleteUser'; id: string }
  | { op: 'putGroup'; group: GroupObject }
  | { op: 'deleteGroup'; id: string }
  | { op: 'link'; rel: LinkRel; src: string; dst: string }
  | { op: 'unlink'; rel: LinkRel; src: string; dst: string }
  | { op: 'putRole'; userId: string; roleId: string }
  | { op: 'deleteRole'; userId: string; roleId: string }
  | { op: 'putSku'; sku: SkuObject }
  | { op: 'deleteSku'; id: string }
  | { op: 'setMeta'; key: string; value: string }
  | { op: 'deleteMeta'; key: string };
