/**
 * A mocha root hook plugin for the e2e run (loaded through `require` in test/e2e/.mocharc.json, or `-r` on the
 * command line): after every suite, fails the run when anything the bot showed (a card it sent or updated, a card
 * answering a click, a text reply), as recorded by the Playground driver, carries an object id or Graph's own error
 * wording, naming the card's text and what matched; and fails when no card was scanned at all, so the check can
 * never pass by seeing nothing.
 */
import { shownByBot, type CardScanLog } from '../../support/card-scan-collector';

/**
 * The hook's check, on any log.
 * @throws Error with the verdict when something leaked or no card was scanned.
 */
export function assertShownClean(log: CardScanLog): void {
  const verdict = log.verdict();
  if (verdict) throw new Error(`card scan: ${verdict}`);
}

export const mochaHooks = {
  afterAll(): void {
    assertShownClean(shownByBot);
    process.stdout.write(
      `card scan: ${shownByBot.cardCount()} cards and ${shownByBot.scanned.length - shownByBot.cardCount()} ` +
        'text replies the bot showed carry no object id or Graph error wording\n',
    );
  },
};
