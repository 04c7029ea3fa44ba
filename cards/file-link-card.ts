import type { AdaptiveCard } from './card-types';
import { adaptiveCard, factSet, heading, plainTitle, subtle, textBlock } from './elements';
import { plain } from './markdown';

export interface FileLinkCardModel {
  /** File name, e.g. "Marketing members 2026-12-05.csv". */
  name: string;
  /** One sentence about what the file holds. */
  description: string;
  /** Data rows in the file (the header not counted). */
  rows: number;
  sizeBytes: number;
  /** Where the file was saved, e.g. "OneDrive › groupbot exports". */
  location: string;
  /** The sharing link that opens the file. */
  url: string;
}

/** "812 bytes", "14 KB", "3.2 MB". Never throws. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A file saved in the user's OneDrive: its name, what it holds, rows, size and where it is, an Open button
 * (Action.OpenUrl on a sharing link), and who can open the link: only the person who asked for it, also when the
 * card is shown in a group chat or channel. Never throws.
 */
export function buildFileLinkCard(model: FileLinkCardModel): AdaptiveCard {
  const size = fileSize(model.sizeBytes);
  const rows = `${model.rows.toLocaleString('en-US')} ${model.rows === 1 ? 'row' : 'rows'}`;
  const who =
    'Only the person who asked for this export can open the link. To give others the file, open it and use Share in OneDrive.';
  return adaptiveCard({
    fallbackText: `${model.name} (${rows}, ${size}) in ${model.location}: ${model.description} Open: ${model.url} ${who}`,
    body: [
      heading(plain(model.name)),
      textBlock(plain(model.description)),
      factSet([
        [plain('Rows'), plain(rows)],
        [plain('Size'), plain(size)],
        [plain('Saved in'), plain(model.location)],
      ]),
      subtle(plain(who)),
    ],
    actions: [{ type: 'Action.OpenUrl', title: plainTitle(`Open ${model.name}`, 80), url: model.url }],
  });
}
