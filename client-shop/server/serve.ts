/**
 * Serves the built shop on SHOP_PORT (default 5174) for `npm start`. /config.json points the app
 * at SYNC_PUBLIC_URL, or at the sync server's PORT on the host the browser used. Build first
 * (`npm run build -w @oa/client-shop`; scripts/start.ts does it).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveApp } from '@oa/client-sync/server';

// The build beside this package's package.json, found by Node's module resolution: the same
// line works from source and compiled into dist/server/ (scripts/build-server.ts).
const distDir = join(dirname(fileURLToPath(import.meta.resolve('@oa/client-shop/package.json'))), 'dist');

serveApp({ name: 'shop', tag: 'shop', distDir, portVariable: 'SHOP_PORT', defaultPort: 5174, buildCommand: 'npm run build -w @oa/client-shop' });
