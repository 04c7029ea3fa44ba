/**
 * Where a command hands a file for the user (a CSV export). In a Teams 1:1 chat the sink sends a file consent
 * card and uploads once the user accepts; in the Playground it publishes a short-lived download link on the
 * bot's own loopback server and answers with a card that opens it. Commands never see either mechanism.
 */
import type { Reply } from '../shared/types';

export interface FileOffer {
  /** File name shown to the user, e.g. "Marketing members 2026-12-05.csv". */
  name: string;
  contentType: string;
  body: Buffer;
  /** One sentence about the file, shown with it. */
  description: string;
}

export interface FileSink {
  /** Offers the file; resolves to the reply that carries it (or undefined when the sink sent it itself). Throws when it cannot. */
  offer(file: FileOffer): Promise<Reply | undefined>;
}
