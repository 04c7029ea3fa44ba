/**
 * Regenerates appPackage/color.png (192×192) and appPackage/outline.png (32×32) from the glyph in
 * scripts/app-package/icon-draw.ts. Run: node bin/run-ts.js scripts/generate-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './app-package/icon-draw';
import { encodePng } from './app-package/png-encode';

const dir = join(__dirname, '..', 'appPackage');
writeFileSync(join(dir, 'color.png'), encodePng(drawColorIcon(192)));
writeFileSync(join(dir, 'outline.png'), encodePng(drawOutlineIcon(32)));
process.stdout.write(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}\n`);
