/**
 * Builds the shop: React, and the PWA (manifest, a generated service worker that precaches the
 * app shell, images cached at runtime, updates on the shopper's say-so). No server address is
 * baked in: the app reads /config.json at run time.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { minimal2023Preset } from '@vite-pwa/assets-generator/presets/minimal-2023';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  root: import.meta.dirname,
  resolve: {
    // RxDB's leader election (broadcast-channel) takes `unload`, which listens to the deprecated
    // unload event and keeps the page out of the back/forward cache; this one listens to pagehide.
    alias: [{ find: /^unload$/, replacement: fileURLToPath(new URL('../client-sync/src/browser/unload-on-pagehide.ts', import.meta.url)) }],
  },
  plugins: [
    react(),
    // Each text asset also as .br and .gz, served as they are by the app server (sirv): a phone on
    // mobile data gets the smallest file its browser accepts, with no compression work per request.
    compression({ include: /\.(html|css|js|mjs|json|svg|webmanifest)$/, threshold: 1024 }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false, // registered by UpdatePrompt through virtual:pwa-register
      manifest: {
        id: '/',
        name: 'Online Annavaram',
        short_name: 'Annavaram',
        description: 'Prasadam, pooja items and books from Annavaram, even offline.',
        lang: 'en-IN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#b84f0c',
        background_color: '#fffaf5',
      },
      // Every icon (favicon, 64/192/512, maskable, Apple touch) generated from public/icon.svg by the
      // PWA tooling's own assets generator, and written into the manifest and index.html.
      pwaAssets: {
        image: 'public/icon.svg',
        preset: { ...minimal2023Preset, maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: '#b84f0c' } }, apple: { ...minimal2023Preset.apple, resizeOptions: { background: '#b84f0c' } } },
        overrideManifestIcons: true,
      },
      workbox: {
        // The manifest is added by the plugin itself (once: listing it here too gave two entries
        // with different revisions once pwaAssets writes its icons into it, and no service worker).
        // Every chunk, the lazily loaded ones (RxDB's) included: the shop opens its data offline too.
        globPatterns: ['**/*.{js,css,html,png,svg}'],
        // Product pictures are many and change with the catalogue: cached as they are seen, below.
        globIgnores: ['images/**'],
        navigateFallback: '/index.html',
        // The first version takes control at once, so the shell works offline from the first
        // visit; later versions wait for the prompt (no skipWaiting).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Product pictures, from this origin or an image host: kept once seen, for offline.
            urlPattern: ({ request, url }) => request.destination === 'image' || url.pathname.startsWith('/images/'),
            handler: 'CacheFirst',
            options: { cacheName: 'product-images', expiration: { maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 }, cacheableResponse: { statuses: [0, 200] } },
          },
          {
            // The runtime configuration: fresh when the server answers, the last one otherwise.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/config.json',
            handler: 'NetworkFirst',
            options: { cacheName: 'runtime-config', networkTimeoutSeconds: 3 },
          },
        ],
      },
    }),
  ],
  // The first load is about 120 KB gzipped (budget: 300 KB; `npm run bench:shop` measures it), RxDB and Dexie
  // coming right after in their own chunk of about 90 KB (src/shell/shop-data.ts); Vite's 500 KB warning counts unzipped bytes.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { port: 5173 },
});
