/**
 * Serves the built shop on SHOP_PORT (default 5174) for `npm start`. /config.json points the app
 * at SYNC_PUBLIC_URL, or at the sync server's PORT on the host the browser used. Build first
 * (`npm run build -w @oa/client-shop`; scripts/start.ts does it).
 */
import { join } from 'node:path';
import { serveApp } from '@oa/client-sync/server';

serveApp({ name: 'shop', tag: 'shop', distDir: join(import.meta.dirname, '../dist'), portVariable: 'SHOP_PORT', defaultPort: 5174, buildCommand: 'npm run build -w @oa/client-shop' });
