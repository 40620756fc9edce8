#!/usr/bin/env node
// Writes icons/icon-{16,32,48,128}.png: a teal disc with a white broken wave (a stream with a
// gap). Pure Node (zlib), so the icons can be regenerated without image tools.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function pixel(x, y, size) {
  const c = (size - 1) / 2;
  const r = Math.hypot(x - c, y - c) / (size / 2);
  if (r > 0.98) return [0, 0, 0, 0];
  const u = x / size;
  const wave = 0.5 + 0.16 * Math.sin(u * Math.PI * 4);
  const onWave = Math.abs(y / size - wave) < Math.max(0.07, 1.5 / size) && (u < 0.42 || u > 0.58) && u > 0.14 && u < 0.86;
  return onWave ? [255, 255, 255, 255] : [13, 128, 128, 255];
}

export function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const dir = new URL('../icons/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`icon-${size}.png`, dir), png(size));
console.log('wrote icons/icon-{16,32,48,128}.png');
