/**
 * Saves a file in the signed-in user's own OneDrive, in the folder "groupbot exports", with one simple upload
 * (`PUT /me/drive/root:/groupbot exports/<name>:/content`, delegated Files.ReadWrite). Graph's simple upload takes
 * files of up to 250 MB (driveitem-put-content); exports are far smaller (a row is about 100 bytes, so 250 MB is
 * some two million members), so no upload session is used and a larger file is refused before any request.
 * A file of the same name (the same group exported the same day) is replaced, keeping its id and links.
 */
import type { GraphSession } from '../directory/graph-session';

/** The OneDrive folder exports go to. */
export const EXPORT_FOLDER = 'groupbot exports';
/** Graph's limit for a simple upload: 250 MB. */
export const MAX_SIMPLE_UPLOAD_BYTES = 250 * 1024 * 1024;

/** The file is larger than one simple upload takes. */
export class UploadTooLarge extends Error {
  constructor(readonly sizeBytes: number) {
    super(`The file has ${sizeBytes} bytes; a simple upload takes at most ${MAX_SIMPLE_UPLOAD_BYTES}.`);
    this.name = 'UploadTooLarge';
  }
}

/** The parts of the driveItem Graph answers with that groupbot reads. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  webUrl: string;
}

/** `/me/drive/root:/groupbot%20exports/<name>:/content`, every path segment percent-encoded. Never throws. */
export function uploadPath(name: string): string {
  return `/me/drive/root:/${encodeURIComponent(EXPORT_FOLDER)}/${encodeURIComponent(name)}:/content`;
}

/**
 * Uploads the bytes as the session's user. Throws UploadTooLarge above 250 MB (nothing sent), DomainError when
 * Graph refuses (403 without Files.ReadWrite, 404 when the user has no OneDrive, …).
 */
export async function uploadToOneDrive(
  graph: GraphSession,
  name: string,
  body: Buffer,
  contentType: string,
): Promise<UploadedFile> {
  if (body.length > MAX_SIMPLE_UPLOAD_BYTES) throw new UploadTooLarge(body.length);
  const item = await graph.putBytes<Partial<UploadedFile>>(uploadPath(name), body, contentType);
  return {
    id: String(item?.id ?? ''),
    name: String(item?.name ?? name),
    size: typeof item?.size === 'number' ? item.size : body.length,
    webUrl: String(item?.webUrl ?? ''),
  };
}
