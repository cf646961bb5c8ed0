/**
 * Builds the admin app: React, and the PWA (manifest, a generated service worker that precaches
 * the app shell, updates on the admin's say-so). No server address is baked in: the app reads
 * /config.json at run time. What the two apps' builds share: client-sync/build/ (pwa-build-config.ts,
 * drop-rxdb-storage-notice.ts).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dropRxdbStorageNoticePlugin } from '../client-sync/build/drop-rxdb-storage-notice.ts';
import { createPwaPlugin, precompressTextAssets, unloadOnPagehideAlias } from '../client-sync/build/pwa-build-config.ts';

export default defineConfig({
  root: import.meta.dirname,
  resolve: { alias: [unloadOnPagehideAlias] },
  plugins: [
    react(),
    dropRxdbStorageNoticePlugin(),
    precompressTextAssets(),
    createPwaPlugin({
      manifest: {
        name: 'Annavaram Admin',
        short_name: 'OA Admin',
        description: 'Run the Online Annavaram shop: orders, catalogue, reviews, even offline.',
        theme_color: '#1b3a5c',
        background_color: '#f4f6f9',
      },
      cachedImages: ({ request }) => request.destination === 'image',
      // The demo catalogue's pictures (public/images: a link to the shop's, whose paths the demo
      // products hold): cached as they are seen, as in the shop, not precached.
      precacheIgnores: ['images/**'],
    }),
  ],
  // The first load is about 126 KB gzipped, RxDB and Dexie coming right after in their own chunk of about 91 KB
  // (src/shell/admin-data.ts); Vite's 500 KB warning counts unzipped bytes.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { port: 5175 },
});
