/**
 * Draws groupbot's icons: a "group of people" glyph (one person in front, two behind), as RGBA pixels.
 * Shapes are defined in unit coordinates (0..1, y down) and sampled per pixel.
 */
import type { RgbaImage } from './png-encode';

interface Circle { kind: 'circle'; cx: number; cy: number; r: number }
/** The upper half of an ellipse (shoulders), cut flat at its centre line. */
interface Shoulders { kind: 'shoulders'; cx: number; cy: number; rx: number; ry: number }
type Shape = Circle | Shoulders;

function inside(shape: Shape, x: number, y: number, grow = 0): boolean {
  if (shape.kind === 'circle') {
    const dx = x - shape.cx;
    const dy = y - shape.cy;
    return dx * dx + dy * dy <= (shape.r + grow) * (shape.r + grow);
  }
  if (y > shape.cy + grow) return false;
  const nx = (x - shape.cx) / (shape.rx + grow);
  const ny = (y - shape.cy) / (shape.ry + grow);
  return nx * nx + ny * ny <= 1;
}

const FRONT: Shape[] = [
  { kind: 'circle', cx: 0.5, cy: 0.34, r: 0.13 },
  { kind: 'shoulders', cx: 0.5, cy: 0.8, rx: 0.23, ry: 0.26 },
];
const BACK: Shape[] = [
  { kind: 'circle', cx: 0.22, cy: 0.42, r: 0.095 },
  { kind: 'shoulders', cx: 0.2, cy: 0.76, rx: 0.16, ry: 0.2 },
  { kind: 'circle', cx: 0.78, cy: 0.42, r: 0.095 },
  { kind: 'shoulders', cx: 0.8, cy: 0.76, rx: 0.16, ry: 0.2 },
];
/** Gap between the front person and the ones behind, in unit coordinates. */
const GAP = 0.045;

/** The glyph's bounding box in unit space (left, top, right, bottom). */
const BOX = { x0: 0.04, y0: 0.21, x1: 0.96, y1: 0.8 } as const;

/**
 * True when the point (x, y) of a square canvas of side 1 belongs to the glyph scaled to fit inside the
 * canvas with `margin` on every side, centred.
 */
function fittedContains(x: number, y: number, margin: number): boolean {
  const w = BOX.x1 - BOX.x0;
  const h = BOX.y1 - BOX.y0;
  const scale = (1 - 2 * margin) / Math.max(w, h);
  const offX = (1 - w * scale) / 2;
  const offY = (1 - h * scale) / 2;
  return glyphContains(BOX.x0 + (x - offX) / scale, BOX.y0 + (y - offY) / scale);
}

/** True when the unit-space point (x, y) belongs to the glyph. */
export function glyphContains(x: number, y: number): boolean {
  if (FRONT.some((s) => inside(s, x, y))) return true;
  if (FRONT.some((s) => inside(s, x, y, GAP))) return false;
  return BACK.some((s) => inside(s, x, y));
}

/**
 * The Teams outline icon: pure white glyph on a fully transparent background, no partial alpha
 * (Teams wants only white and transparent). The glyph fills the inner area, leaving a transparent margin.
 * @throws RangeError when size < 8.
 */
export function drawOutlineIcon(size = 32): RgbaImage {
  if (size < 8) throw new RangeError('outline icon must be at least 8 px');
  const pixels = new Uint8Array(size * size * 4);
  const margin = 2 / 32;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      if (!fittedContains((px + 0.5) / size, (py + 0.5) / size, margin)) continue;
      pixels.set([255, 255, 255, 255], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** groupbot's accent colour (#4F52B2, the Teams purple family), also the manifest's accentColor. */
export const ACCENT = { r: 0x4f, g: 0x52, b: 0xb2 } as const;

/**
 * The Teams colour icon: a white glyph on a full-bleed accent background with a lighter lower band,
 * antialiased by 4×4 supersampling, fully opaque.
 * @throws RangeError when size < 16.
 */
export function drawColorIcon(size = 192): RgbaImage {
  if (size < 16) throw new RangeError('colour icon must be at least 16 px');
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  const margin = 0.2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          if (fittedContains((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, margin)) hits++;
        }
      }
      const cover = hits / (samples * samples);
      // A gentle vertical gradient: slightly lighter at the top.
      const shade = 1.12 - 0.18 * (py / size);
      const bg = [ACCENT.r * shade, ACCENT.g * shade, ACCENT.b * shade].map((c) => Math.min(255, c));
      const out = bg.map((c) => Math.round(c * (1 - cover) + 255 * cover));
      pixels.set([out[0] as number, out[1] as number, out[2] as number, 255], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}
