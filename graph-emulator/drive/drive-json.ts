/**
 * The JSON shapes of drive resources as Graph v1.0 returns them (drive, driveItem, permission with a link facet),
 * and the emulator's web addresses: a file's `webUrl` `https://localhost:P/personal/<ownerKey>/Documents/<path>`
 * and a sharing link's `https://localhost:P/personal/<ownerKey>/s/<token>` (ownerKey: megan_contoso_com) (served by drive/drive-web.ts). Pure.
 */
import type { UserObject } from '../model/types';
import type { DriveItemRecord, DriveRecord, SharingLinkRecord } from './drive-store';

/** Path prefix of every drive web address. */
export const PERSONAL_PREFIX = '/personal/';

function identity(user: UserObject | undefined, ownerId: string): Record<string, unknown> {
  return {
    user: {
      id: user?.id ?? ownerId,
      displayName: user?.displayName ?? '',
      ...(user?.mail ? { email: user.mail } : {}),
    },
  };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** The web address of a file or folder (opens for its owner). Never throws. */
export function itemWebUrl(baseUrl: string, d: DriveRecord, itemPath: string): string {
  return `${baseUrl}${PERSONAL_PREFIX}${d.ownerKey}/Documents${itemPath ? `/${encodePath(itemPath)}` : ''}`;
}

/** The web address of a sharing link. Never throws. */
export function linkWebUrl(baseUrl: string, d: DriveRecord, link: SharingLinkRecord): string {
  return `${baseUrl}${PERSONAL_PREFIX}${d.ownerKey}/s/${link.token}`;
}

/** A drive resource. Never throws. */
export function driveJson(baseUrl: string, d: DriveRecord, owner: UserObject | undefined): Record<string, unknown> {
  return {
    '@odata.context': `${baseUrl}/v1.0/$metadata#drives/$entity`,
    id: d.id,
    driveType: 'business',
    name: 'OneDrive',
    createdDateTime: d.createdDateTime,
    lastModifiedDateTime: d.createdDateTime,
    webUrl: itemWebUrl(baseUrl, d, ''),
    owner: identity(owner, d.ownerId),
    createdBy: { user: { displayName: 'System Account' } },
  };
}

/** A driveItem (file or folder). `itemPath` is the item's path below the root. Never throws. */
export function driveItemJson(
  baseUrl: string,
  d: DriveRecord,
  item: DriveItemRecord,
  itemPath: string,
  owner: UserObject | undefined,
): Record<string, unknown> {
  const parentPath = itemPath.includes('/') ? itemPath.slice(0, itemPath.lastIndexOf('/')) : '';
  const by = identity(owner, d.ownerId);
  return {
    '@odata.context': `${baseUrl}/v1.0/$metadata#drives('${d.id}')/items/$entity`,
    id: item.id,
    name: item.name,
    eTag: `"{${item.uid.toUpperCase()}},${item.version}"`,
    cTag: `"c:{${item.uid.toUpperCase()}},${item.version}"`,
    size: item.size,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: itemWebUrl(baseUrl, d, itemPath),
    createdBy: by,
    lastModifiedBy: by,
    parentReference: item.parentId
      ? {
          driveType: 'business',
          driveId: d.id,
          id: item.parentId,
          path: `/drive/root:${parentPath ? `/${parentPath}` : ''}`,
        }
      : { driveType: 'business', driveId: d.id },
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
    ...(item.folder
      ? {
          folder: { childCount: Object.values(d.items).filter((i) => i.parentId === item.id).length },
          ...(item.parentId ? {} : { root: {} }),
        }
      : { file: { mimeType: item.mimeType ?? 'application/octet-stream' } }),
  };
}

/** A permission with its link facet, as createLink returns it. Never throws. */
export function permissionJson(baseUrl: string, d: DriveRecord, link: SharingLinkRecord): Record<string, unknown> {
  return {
    '@odata.context': `${baseUrl}/v1.0/$metadata#microsoft.graph.permission`,
    id: link.id,
    roles: [link.type === 'edit' ? 'write' : 'read'],
    shareId: `u!${Buffer.from(linkWebUrl(baseUrl, d, link)).toString('base64url')}`,
    hasPassword: false,
    grantedToIdentitiesV2: [],
    grantedToIdentities: [],
    link: {
      scope: link.scope,
      type: link.type,
      webUrl: linkWebUrl(baseUrl, d, link),
      preventsDownload: false,
    },
  };
}
