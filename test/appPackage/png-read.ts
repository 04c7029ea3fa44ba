/** Test helper: reads PNG headers and decodes 8-bit RGBA/RGB PNGs (all five filter types) with node:zlib. */
import { inflateSync } from 'node:zlib';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}
export interface DecodedPng extends PngHeader {
  /** RGBA bytes, row after row. */ pixels: Uint8Array;
}

const SIGNATURE = '89504e470d0a1a0a';

/** Reads the IHDR chunk. Throws Error when the file is not a PNG. */
export function readPngHeader(file: Buffer): PngHeader {
  if (file.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG signature');
  if (file.toString('latin1', 12, 16) !== 'IHDR') throw new Error('first chunk is not IHDR');
  return {
    width: file.readUInt32BE(16),
    height: file.readUInt32BE(20),
    bitDepth: file[24] as number,
    colourType: file[25] as number,
    interlace: file[28] as number,
  };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit RGB or RGBA PNG into RGBA. Throws Error on anything else. */
export function decodePng(file: Buffer): DecodedPng {
  const header = readPngHeader(file);
  if (header.bitDepth !== 8 || (header.colourType !== 6 && header.colourType !== 2) || header.interlace !== 0) {
    throw new Error(
      `unsupported PNG: depth ${header.bitDepth}, colour type ${header.colourType}, interlace ${header.interlace}`,
    );
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const len = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(file.subarray(at + 8, at + 8 + len));
    if (type === 'IEND') break;
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = header.colourType === 6 ? 4 : 3;
  const stride = header.width * bpp;
  const rows = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= bpp ? (rows[y * stride + x - bpp] as number) : 0;
      const b = y > 0 ? (rows[(y - 1) * stride + x] as number) : 0;
      const c = x >= bpp && y > 0 ? (rows[(y - 1) * stride + x - bpp] as number) : 0;
      const pred =
        filter === 0
          ? 0
          : filter === 1
            ? a
            : filter === 2
              ? b
              : filter === 3
                ? (a + b) >> 1
                : filter === 4
                  ? paeth(a, b, c)
                  : NaN;
      if (Number.isNaN(pred)) throw new Error(`bad filter type ${filter} on row ${y}`);
      rows[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const pixels = new Uint8Array(header.width * header.height * 4);
  for (let i = 0; i < header.width * header.height; i++) {
    pixels[i * 4] = rows[i * bpp] as number;
    pixels[i * 4 + 1] = rows[i * bpp + 1] as number;
    pixels[i * 4 + 2] = rows[i * bpp + 2] as number;
    pixels[i * 4 + 3] = bpp === 4 ? (rows[i * bpp + 3] as number) : 255;
  }
  return { ...header, pixels };
}
