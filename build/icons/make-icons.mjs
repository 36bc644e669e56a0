// Draws the Warebench icon (a parcel with a barcode label on a blue tile) and writes PNGs with zlib:
// resources/icons/icon.png (512), 512x512.png and 256x256.png (Linux icon set). Run: node build/icons/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'icons');

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour of the icon at (u, v) in 0..1, or null for transparent. */
function shade(u, v) {
  const r = 0.18; // corner radius of the tile
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  const inBox = u > 0.2 && u < 0.8 && v > 0.26 && v < 0.8;
  if (inBox) {
    if (v < 0.34) return [0xc9, 0x8a, 0x3d]; // lid
    const inLabel = u > 0.3 && u < 0.7 && v > 0.44 && v < 0.72;
    if (inLabel) {
      const bars = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1];
      const i = Math.floor(((u - 0.33) / 0.34) * bars.length);
      if (u > 0.33 && u < 0.67 && v > 0.48 && v < 0.68 && bars[i] === 1) return [0x11, 0x18, 0x22];
      return [0xff, 0xff, 0xff];
    }
    if (Math.abs(u - 0.5) < 0.03 && v < 0.44) return [0xe8, 0xb8, 0x6d]; // tape
    return [0xe0, 0xa4, 0x58];
  }
  return [0x2f, 0x80, 0xed];
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = 4; // supersampling per axis, for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rr = 0,
        gg = 0,
        bb = 0,
        aa = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          rr += c[0];
          gg += c[1];
          bb += c[2];
          aa += 1;
        }
      }
      const o = (y * size + x) * 4;
      if (aa) {
        rgba[o] = Math.round(rr / aa);
        rgba[o + 1] = Math.round(gg / aa);
        rgba[o + 2] = Math.round(bb / aa);
      }
      rgba[o + 3] = Math.round((255 * aa) / (ss * ss));
    }
  }
  return png(size, rgba);
}

mkdirSync(out, { recursive: true });
const big = draw(512);
writeFileSync(join(out, 'icon.png'), big);
writeFileSync(join(out, '512x512.png'), big);
writeFileSync(join(out, '256x256.png'), draw(256));
console.log(`icons written to ${out}`);
