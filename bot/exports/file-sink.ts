/**
 * Where a command hands a file for the user (a CSV export). The sink groupbot uses everywhere (Teams personal
 * chats, group chats and channels, the Agents Playground) saves the file in the user's own OneDrive with their
 * delegated token and answers with a card linking to it (onedrive-file-sink.ts, beside it). Commands never see
 * the mechanism; they only learn, through FileNotDelivered, why a file could not be delivered.
 */
import type { GraphSession } from '../directory/graph-session';
import type { Reply } from '../shared/types';

export interface FileOffer {
  /** File name shown to the user, e.g. "Marketing members 2026-12-05.csv". */
  name: string;
  contentType: string;
  body: Buffer;
  /** One sentence about the file, shown with it. */
  description: string;
  /** Data rows in the file (the header not counted), shown with it. */
  rows: number;
}

/**
 * The file could not be delivered, for a reason the user can act on (`reason` is one or two sentences saying
 * what happened and what to do). The caller keeps the data visible some other way.
 */
export class FileNotDelivered extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FileNotDelivered';
  }
}

export interface FileSink {
  /**
   * Delivers the file as the user of `graph` (their own delegated session). Resolves to the reply that carries
   * it. Throws FileNotDelivered when the user's drive or permissions stop it, any other Error when it fails.
   */
  offer(file: FileOffer, graph: GraphSession): Promise<Reply>;
}
