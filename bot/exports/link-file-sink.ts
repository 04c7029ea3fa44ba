import type { FileOffer, FileSink } from '../commands/file-sink';
import type { Reply } from '../commands/context';
import { buildFileDownloadCard } from '../../cards/file-download-card';
import type { DownloadStore } from './download-store';

/**
 * The Playground's file sink: keeps the file in the download store and answers with a card linking to it on
 * the bot's own loopback server (`baseUrl()` gives `http://127.0.0.1:<port>` once the server listens).
 */
export function linkFileSink(store: DownloadStore, baseUrl: () => string): FileSink {
  return {
    async offer(file: FileOffer): Promise<Reply> {
      const { path, expiresAt } = store.put(file.name, file.contentType, file.body);
      const url = `${baseUrl()}${path}`;
      const until = new Date(expiresAt).toISOString();
      return {
        text: `${file.description} Download ${file.name}: ${url}`,
        card: buildFileDownloadCard({
          name: file.name,
          description: file.description,
          url,
          expiresAt: until,
          sizeBytes: file.body.length,
        }) as unknown as Record<string, unknown>,
      };
    },
  };
}
