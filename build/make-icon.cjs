#!/usr/bin/env node
'use strict';
// Draws build/icon.png (512x512 RGBA): a small graph of linked notes on a dark rounded square.
// Plain zlib + a hand-written PNG encoder, so regenerating it needs nothing beyond Node.
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  const under = pixels[i + 3] / 255;
  const out = a + under * (1 - a);
  for (const [k, c] of [
    [0, r],
    [1, g],
    [2, b],
  ])
    pixels[i + k] = Math.round((c * a + pixels[i + k] * under * (1 - a)) / (out || 1));
  pixels[i + 3] = Math.round(out * 255);
}

/** Coverage of a pixel by a shape given its signed distance (negative inside), anti-aliased. */
const cover = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function fill(sdf, color) {
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) blend(x, y, color, cover(sdf(x + 0.5, y + 0.5)));
}

const roundedSquare = (m, r) => (x, y) => {
  const qx = Math.abs(x - SIZE / 2) - (SIZE / 2 - m - r);
  const qy = Math.abs(y - SIZE / 2) - (SIZE / 2 - m - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) - w / 2;
};

const nodes = [
  [256, 250, 46],
  [140, 150, 30],
  [380, 140, 28],
  [130, 370, 26],
  [375, 380, 34],
  [256, 420, 20],
];
const edges = [
  [0, 1],
  [0, 2],
  [0, 3],
  [0, 4],
  [4, 5],
  [3, 5],
  [1, 3],
];

fill(roundedSquare(16, 96), [30, 32, 44]);
for (const [a, b] of edges) fill(segment(nodes[a][0], nodes[a][1], nodes[b][0], nodes[b][1], 12), [120, 130, 170]);
nodes.forEach(([x, y, r], i) => fill(circle(x, y, r), i === 0 ? [167, 139, 250] : [125, 211, 252]));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(path.join(__dirname, 'icon.png'), png);
console.log(`wrote build/icon.png (${png.length} bytes)`);
