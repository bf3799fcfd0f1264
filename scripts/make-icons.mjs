// Draws the add-in's icons (a green sheet with a table and a tick) and writes assets/icon-{16,32,64,80,128}.png.
// A tiny PNG encoder (zlib + CRC-32) with 4×4 supersampling, so no image library is needed. Run: node scripts/make-icons.mjs
import { Buffer } from "node:buffer";
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x1b, 0x7a, 0x45];
const WHITE = [0xff, 0xff, 0xff];

/** Colour of one point in the unit square, or null when transparent. */
function paint(x, y) {
  const r = 0.18; // corner radius of the background
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // A white sheet with a header band and grid lines in green.
  const inSheet = x > 0.17 && x < 0.83 && y > 0.17 && y < 0.83;
  if (!inSheet) return GREEN;
  const gridY = [0.35, 0.51, 0.67].some((g) => Math.abs(y - g) < 0.03);
  const gridX = Math.abs(x - 0.4) < 0.03;
  if (y < 0.33) return GREEN.map((c) => Math.round(c * 0.6 + 255 * 0.4));
  // A tick across the lower right.
  const onTick =
    distToSegment(x, y, 0.5, 0.6, 0.6, 0.72) < 0.05 || distToSegment(x, y, 0.6, 0.72, 0.78, 0.44) < 0.05;
  if (onTick) return GREEN;
  return gridY || gridX ? [0xb7, 0xd8, 0xc3] : WHITE;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function render(size) {
  const ss = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      const o = 1 + px * 4;
      if (a)
        row.set(
          [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (ss * ss))],
          o,
        );
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(width, height, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync("assets", { recursive: true });
for (const size of SIZES) writeFileSync(`assets/icon-${size}.png`, render(size));
console.log(`assets/icon-{${SIZES.join(",")}}.png`);
