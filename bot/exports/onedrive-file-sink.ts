/**
 * The file sink groupbot uses in every scope (personal chat, group chat, channel) and in both modes: the file is
 * saved in the requester's own OneDrive with their delegated token (onedrive-upload.ts), a view link that only
 * they can open is made (share-link.ts), and the answer is a card with the link, rows and size. Nothing is kept
 * in the process. When the user's token lacks Files.ReadWrite or the user has no OneDrive, the offer fails with
 * FileNotDelivered saying what to do, so that the command can show the data another way.
 */
import { buildFileLinkCard } from '../../cards/file-link-card';
import { FileNotDelivered, type FileOffer, type FileSink } from './file-sink';
import type { Reply } from '../shared/types';
import { DomainError } from '../directory/errors';
import type { GraphSession } from '../directory/graph-session';
import type { Logger } from '../log';
import { createPrivateViewLink } from './share-link';
import { EXPORT_FOLDER, UploadTooLarge, uploadToOneDrive, type UploadedFile } from './onedrive-upload';

const LOCATION = `OneDrive › ${EXPORT_FOLDER}`;

/** Why the upload could not happen, in words the user can act on; undefined for failures that are not theirs. */
export function deliveryProblem(err: unknown): string | undefined {
  if (err instanceof UploadTooLarge)
    return `The file is ${(err.sizeBytes / (1024 * 1024)).toFixed(0)} MB, more than the 250 MB OneDrive takes in one upload.`;
  if (!(err instanceof DomainError)) return undefined;
  switch (err.kind) {
    case 'forbidden':
      return "I couldn't save the file in your OneDrive: your sign-in doesn't let groupbot write files there (it needs the delegated permission Files.ReadWrite). Ask an administrator to grant it to groupbot, then ask me again.";
    case 'notFound':
      return "I couldn't save the file: you have no OneDrive in this organization yet (guests have none). Open OneDrive once from office.com, or ask IT to set it up for you, then ask me again.";
    case 'unauthenticated':
      return 'Your sign-in has expired, so I could not save the file in your OneDrive. Sign in again and ask me again.';
    case 'throttled':
    case 'unavailable':
      return 'OneDrive is not answering right now, so I could not save the file. Please try again in a minute.';
    default:
      return undefined;
  }
}

/** The OneDrive sink. `log` gets a warning when a link could not be made (the file's own address is used). */
export function oneDriveFileSink(opts: { log: Logger }): FileSink {
  return {
    async offer(file: FileOffer, graph: GraphSession): Promise<Reply> {
      let saved: UploadedFile;
      try {
        saved = await uploadToOneDrive(graph, file.name, file.body, file.contentType);
      } catch (err) {
        const problem = deliveryProblem(err);
        if (problem) throw new FileNotDelivered(problem);
        throw err;
      }
      let url: string;
      try {
        url = await createPrivateViewLink(graph, saved.id);
      } catch (err) {
        // The file is saved; its own address opens it for its owner just as the link would.
        opts.log.warn('export.link.failed', { error: err });
        if (!/^https:\/\//.test(saved.webUrl)) {
          throw new FileNotDelivered(
            `The file ${saved.name} is saved in your ${LOCATION}, but I couldn't make a link to it. Open it from OneDrive.`,
          );
        }
        url = saved.webUrl;
      }
      const card = buildFileLinkCard({
        name: saved.name,
        description: file.description,
        rows: file.rows,
        sizeBytes: saved.size,
        location: LOCATION,
        url,
      });
      return {
        text: `${file.description} Saved as ${saved.name} in your ${LOCATION}: ${url} (only you can open this link).`,
        card: card as unknown as Record<string, unknown>,
      };
    },
  };
}
