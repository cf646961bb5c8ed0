/**
 * Serves the built shop on SHOP_PORT (default 5174; 0 picks a free one) for `npm start`.
 * /config.json points the app at SYNC_PUBLIC_URL, or at the sync server's PORT on the host the
 * browser used. Build first (`npm run build -w @oa/client-shop`; scripts/start.ts does it).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAppServer } from '@oa/client-sync/server';

const log = (message: string): void => console.log(`[shop] ${message}`);
const toPort = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`[shop] ${name} must be a port number (0-65535), not "${value}"`);
    process.exit(1);
  }
  return port;
};

const distDir = join(import.meta.dirname, '../dist');
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`[shop] no build in ${distDir}: run \`npm run build -w @oa/client-shop\` first`);
  process.exit(1);
}
const shopPort = toPort(process.env.SHOP_PORT, 5174, 'SHOP_PORT');
const syncPort = toPort(process.env.PORT, 4000, 'PORT');
const server = createAppServer({ distDir, syncPublicUrl: process.env.SYNC_PUBLIC_URL || undefined, syncPort });
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? '[shop] the port is already in use; set SHOP_PORT to a free one' : `[shop] ${error.message}`);
  process.exit(1);
});
server.listen(shopPort, process.env.HOST || '0.0.0.0', () => {
  log(`serving the shop on http://localhost:${(server.address() as AddressInfo).port}`);
});
const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
