/**
 * The manifest's `supportsFiles` agrees with the code: Teams' bot file APIs (file consent cards, file info
 * cards, fileConsent/invoke handlers) work only when the bot declares `supportsFiles: true`, and groupbot
 * declares it only if some code uses them. Exports go to the user's OneDrive with a link instead (bot/exports).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** What marks a use of Teams' bot file APIs in source. */
const FILE_API_MARKERS = [
  'application/vnd.microsoft.teams.card.file.consent',
  'application/vnd.microsoft.teams.card.file.info',
  'application/vnd.microsoft.teams.file.download.info',
  'fileConsent/invoke',
  'fileConsentAccept',
  'fileConsentDecline',
  'handleTeamsFileConsent',
];

/** Every .ts file under a directory. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** The markers a text contains. */
function markersIn(text: string): string[] {
  return FILE_API_MARKERS.filter((m) => text.includes(m));
}

describe('appPackage/manifest.json supportsFiles agrees with the code', () => {
  it('the scan recognises a file consent card and a consent handler', () => {
    assert.deepEqual(markersIn("contentType: 'application/vnd.microsoft.teams.card.file.consent'"), [
      'application/vnd.microsoft.teams.card.file.consent',
    ]);
    assert.deepEqual(markersIn('app.fileConsentAccept(async () => {})'), ['fileConsentAccept']);
  });

  it('supportsFiles is true exactly when bot/ or cards/ use Teams file APIs', () => {
    const files = [...sources(join(ROOT, 'bot')), ...sources(join(ROOT, 'cards'))];
    assert.ok(files.length > 100, `scanned ${files.length} files`);
    const uses = files.flatMap((f) => markersIn(readFileSync(f, 'utf8')).map((m) => `${relative(ROOT, f)}: ${m}`));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8')) as {
      bots: { supportsFiles?: boolean }[];
    };
    const declared = manifest.bots.map((b) => b.supportsFiles === true);
    assert.deepEqual(
      declared,
      manifest.bots.map(() => uses.length > 0),
      uses.length
        ? `code uses Teams file APIs but supportsFiles is false:\n${uses.join('\n')}`
        : 'supportsFiles is true but no code uses Teams file APIs',
    );
  });
});
