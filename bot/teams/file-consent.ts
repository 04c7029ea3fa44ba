/**
 * Files in a Teams 1:1 chat: the bot sends a file consent card; when the user accepts, Teams gives an upload
 * URL in the user's OneDrive, the bot PUTs the file there and sends a file info card. Offers are kept in memory
 * for 30 minutes and only the person they were made for can accept one. Outside a 1:1 chat Teams has no file
 * consent, so the sink says to ask in a 1:1 chat.
 */
import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../commands/context';
import type { FileOffer, FileSink } from '../commands/file-sink';
import type { Logger } from '../log';

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';
const TTL_MS = 30 * 60_000;

interface Offered {
  file: FileOffer;
  actorId: string;
  expiresAt: number;
}

/** What Teams sends back when a consent card is answered (the parts groupbot reads). */
export interface ConsentResponse {
  action?: string;
  context?: { fileId?: string };
  uploadInfo?: { uploadUrl?: string; contentUrl?: string; name?: string; uniqueId?: string; fileType?: string };
}

/** Uploads one file to the URL Teams gave (a single PUT with Content-Range). Throws Error on a non-2xx answer. */
export type Upload = (url: string, body: Buffer) => Promise<void>;

const realUpload: Upload = async (url, body) => {
  const res = await fetch(url, {
    method: 'PUT',
    body: new Uint8Array(body),
    headers: { 'Content-Length': String(body.length), 'Content-Range': `bytes 0-${body.length - 1}/${body.length}` },
  });
  if (!res.ok) throw new Error(`upload answered ${res.status}`);
};

export class FileConsentOffers {
  private readonly offers = new Map<string, Offered>();

  constructor(private readonly opts: { log: Logger; upload?: Upload; now?: () => number }) {}

  /** The sink of a turn: a consent card in a 1:1 chat, else a sentence saying where files can be sent. Never throws. */
  sinkFor(context: TurnContext, actorId: string): FileSink {
    return {
      offer: async (file: FileOffer): Promise<Reply | undefined> => {
        if (context.activity.conversation?.conversationType !== 'personal') {
          return {
            text: `${file.description} Teams can send files only in a 1:1 chat: message me directly and ask again there.`,
          };
        }
        const fileId = this.keep(file, actorId);
        await context.sendActivity({
          type: 'message',
          attachments: [
            {
              contentType: FILE_CONSENT_TYPE,
              name: file.name,
              content: {
                description: file.description,
                sizeInBytes: file.body.length,
                acceptContext: { fileId },
                declineContext: { fileId },
              },
            },
          ],
        });
        return undefined;
      },
    };
  }

  /** Handles an accepted consent: checks who accepted, uploads, answers with a file info card. Never throws. */
  async accepted(context: TurnContext, response: ConsentResponse): Promise<void> {
    const offered = this.take(response.context?.fileId, context.activity.from?.aadObjectId);
    const info = response.uploadInfo;
    if (!offered || !info?.uploadUrl) {
      await context.sendActivity('That file offer has expired or was not made to you. Ask me for the export again.');
      return;
    }
    try {
      await (this.opts.upload ?? realUpload)(info.uploadUrl, offered.file.body);
    } catch (err) {
      this.opts.log.warn('file.upload.failed', { error: err instanceof Error ? err.message : String(err) });
      await context.sendActivity("I couldn't upload the file to your OneDrive. Please ask me for the export again.");
      return;
    }
    await context.sendActivity({
      type: 'message',
      attachments: [
        {
          contentType: FILE_INFO_TYPE,
          contentUrl: info.contentUrl ?? '',
          name: info.name ?? offered.file.name,
          content: { uniqueId: info.uniqueId ?? '', fileType: info.fileType ?? 'csv' },
        },
      ],
    });
  }

  /** Handles a declined consent: forgets the file. Never throws. */
  async declined(context: TurnContext, response: ConsentResponse): Promise<void> {
    this.take(response.context?.fileId, context.activity.from?.aadObjectId);
    await context.sendActivity('OK, I did not send the file.');
  }

  private keep(file: FileOffer, actorId: string): string {
    const now = (this.opts.now ?? Date.now)();
    for (const [k, o] of this.offers) if (o.expiresAt <= now) this.offers.delete(k);
    const id = randomBytes(18).toString('base64url');
    this.offers.set(id, { file, actorId, expiresAt: now + TTL_MS });
    return id;
  }

  private take(id: string | undefined, who: string | undefined): Offered | undefined {
    if (!id) return undefined;
    const o = this.offers.get(id);
    if (!o || o.actorId !== who || o.expiresAt <= (this.opts.now ?? Date.now)()) return undefined;
    this.offers.delete(id);
    return o;
  }
}
