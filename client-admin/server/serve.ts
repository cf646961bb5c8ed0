/**
 * Serves the built admin app on ADMIN_PORT (default 5173) for `npm start`. /config.json points the
 * app at SYNC_PUBLIC_URL, or at the sync server's PORT on the host the browser used. Build first
 * (`npm run build -w @oa/client-admin`; scripts/start.ts does it).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveApp } from '@oa/client-sync/server';

// The build beside this package's package.json, found by Node's module resolution: the same
// line works from source and compiled into dist/server/ (scripts/build-server.ts).
const distDir = join(dirname(fileURLToPath(import.meta.resolve('@oa/client-admin/package.json'))), 'dist');

serveApp({ name: 'admin app', tag: 'admin', distDir, portVariable: 'ADMIN_PORT', defaultPort: 5173, buildCommand: 'npm run build -w @oa/client-admin' });
