/**
 * Serves the built admin app on ADMIN_PORT (default 5173) for `npm start`. /config.json points the
 * app at SYNC_PUBLIC_URL, or at the sync server's PORT on the host the browser used. Build first
 * (`npm run build -w @oa/client-admin`; scripts/start.ts does it).
 */
import { join } from 'node:path';
import { serveApp } from '@oa/client-sync/server';

serveApp({ name: 'admin app', tag: 'admin', distDir: join(import.meta.dirname, '../dist'), portVariable: 'ADMIN_PORT', defaultPort: 5173, buildCommand: 'npm run build -w @oa/client-admin' });
