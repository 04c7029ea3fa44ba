/** The committed icons are the source of the app package: Teams' size and transparency rules, checked on the files. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePng, readPngHeader } from './png-read';

const DIR = join(__dirname, '..', '..', 'appPackage');
const color = readFileSync(join(DIR, 'color.png'));
const outline = readFileSync(join(DIR, 'outline.png'));

describe('appPackage icons', () => {
  it('color.png is 192×192 and fully opaque with a white glyph on a coloured background', () => {
    const header = readPngHeader(color);
    assert.deepEqual([header.width, header.height], [192, 192]);
    const img = decodePng(color);
    let white = 0;
    const colours = new Set<number>();
    for (let i = 0; i < img.pixels.length; i += 4) {
      assert.equal(img.pixels[i + 3], 255, `pixel ${i / 4} is not opaque`);
      const [r, g, b] = [img.pixels[i] as number, img.pixels[i + 1] as number, img.pixels[i + 2] as number];
      colours.add((r << 16) | (g << 8) | b);
      if (r === 255 && g === 255 && b === 255) white++;
    }
    const share = white / (192 * 192);
    assert.ok(share > 0.05 && share < 0.5, `white glyph covers ${share}`);
    assert.ok(colours.size > 2);
  });

  it('outline.png is 32×32: transparent outside the glyph, pure white where opaque, no partial alpha', () => {
    const header = readPngHeader(outline);
    assert.deepEqual([header.width, header.height, header.colourType], [32, 32, 6]);
    const img = decodePng(outline);
    let opaque = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const i = (y * 32 + x) * 4;
        const alpha = img.pixels[i + 3] as number;
        assert.ok(alpha === 0 || alpha === 255, `pixel ${x},${y} has partial alpha ${alpha}`);
        if (alpha === 0) continue;
        opaque++;
        assert.deepEqual([...img.pixels.subarray(i, i + 3)], [255, 255, 255], `pixel ${x},${y} is not pure white`);
        assert.ok(x > 0 && y > 0 && x < 31 && y < 31, `pixel ${x},${y} touches the border`);
      }
    }
    const share = opaque / (32 * 32);
    assert.ok(share > 0.1 && share < 0.6, `glyph covers ${share}`);
  });
});
