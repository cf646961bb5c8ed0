/**
 * Writes an app's PNG icons (192, 512 and a 512 maskable one) into its public/icons with nothing
 * but zlib: a white "bag" on the app's colour (the shop's saffron, the admin app's deep blue).
 * Run once per app; the PNGs are committed.   npx tsx scripts/make-icons.ts shop|admin
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** The icon's picture; `safe` is the fraction of the side the bag may use (maskable: the 80 % safe zone). */
function drawIcon(size: number, safe: number, background: readonly number[]): Buffer {
  const bag = [0xff, 0xff, 0xff];
  const rows: Buffer[] = [];
  const half = size / 2;
  const bagHalf = (size * safe) / 2 * 0.6;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const dx = Math.abs(x + 0.5 - half);
      const dy = y + 0.5 - half;
      const inBody = dx < bagHalf && dy > -bagHalf * 0.6 && dy < bagHalf;
      const ring = Math.hypot(dx, dy + bagHalf * 0.6);
      const inHandle = dy < -bagHalf * 0.6 && ring < bagHalf * 0.55 && ring > bagHalf * 0.38;
      const colour = inBody || inHandle ? bag : background;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const apps: Record<string, { folder: string; background: readonly number[] }> = {
  shop: { folder: 'client-shop', background: [0xe8, 0x6a, 0x10] },
  admin: { folder: 'client-admin', background: [0x1b, 0x3a, 0x5c] },
};
const app = apps[process.argv[2] ?? ''];
if (!app) {
  console.error('usage: npx tsx scripts/make-icons.ts shop|admin');
  process.exit(1);
}
const folder = join(import.meta.dirname, '..', app.folder, 'public/icons');
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'icon-192.png'), drawIcon(192, 1, app.background));
writeFileSync(join(folder, 'icon-512.png'), drawIcon(512, 1, app.background));
writeFileSync(join(folder, 'icon-maskable-512.png'), drawIcon(512, 0.8, app.background));
console.log(`icons written to ${folder}`);
