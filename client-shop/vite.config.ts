/**
 * Builds the shop: React, and the PWA (manifest, a generated service worker that precaches the
 * app shell, images cached at runtime, updates on the shopper's say-so). No server address is
 * baked in: the app reads /config.json at run time. What the two apps' builds share:
 * client-sync/build/ (pwa-build-config.ts, drop-rxdb-storage-notice.ts).
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
        name: 'Online Annavaram',
        short_name: 'Annavaram',
        description: 'Prasadam, pooja items and books from Annavaram, even offline.',
        theme_color: '#b84f0c',
        background_color: '#fffaf5',
      },
      // Product pictures, from this origin or an image host: kept once seen, for offline.
      cachedImages: ({ request, url }) => request.destination === 'image' || url.pathname.startsWith('/images/'),
      // Product pictures are many and change with the catalogue: cached as they are seen, above.
      precacheIgnores: ['images/**'],
    }),
  ],
  // The first load is about 120 KB gzipped (budget: 300 KB; `npm run bench:shop` measures it), RxDB and Dexie
  // coming right after in their own chunk of about 90 KB (src/shell/shop-data.ts); Vite's 500 KB warning counts unzipped bytes.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { port: 5173 },
});
