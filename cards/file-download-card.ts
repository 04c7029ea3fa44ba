import type { AdaptiveCard } from './card-types';
import { plainTime } from './card-time';
import { adaptiveCard, heading, plainTitle, subtle, textBlock } from './elements';
import { md, plain } from './markdown';

export interface FileDownloadCardModel {
  name: string;
  description: string;
  /** Absolute link on the bot's own loopback server. */
  url: string;
  expiresAt: string;
  sizeBytes: number;
}

/**
 * A file ready to download (the Playground): name, what it holds, a Download button (Action.OpenUrl) and
 * until when the link works, in UTC. Never throws.
 */
export function buildFileDownloadCard(model: FileDownloadCardModel): AdaptiveCard {
  const size = model.sizeBytes < 1024 ? `${model.sizeBytes} bytes` : `${Math.ceil(model.sizeBytes / 1024)} KB`;
  return adaptiveCard({
    fallbackText: `${model.name} (${size}): ${model.description} Download: ${model.url} (until ${plainTime(model.expiresAt)}).`,
    body: [
      heading(plain(model.name)),
      textBlock(plain(model.description)),
      subtle(md`${size}. The link works on this computer only, until ${plainTime(model.expiresAt)}.`),
    ],
    actions: [{ type: 'Action.OpenUrl', title: plainTitle(`Download ${model.name}`, 80), url: model.url }],
  });
}
