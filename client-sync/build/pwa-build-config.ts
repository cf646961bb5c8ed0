/**
 * What the shop's and the admin's Vite builds share: the `unload` alias, the precompressed assets,
 * the PWA (manifest, icons, the generated service worker and its caches). Each app's vite.config.ts
 * keeps its own names, words, colours, cached pictures and port. Build time only, imported by path
 * so Vite bundles it with the config (a package import is left to Node, which loads no .ts file).
 */
import { fileURLToPath } from 'node:url';
import { minimal2023Preset } from '@vite-pwa/assets-generator/presets/minimal-2023';
import type { Alias, Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA, type ManifestOptions, type VitePWAOptions } from 'vite-plugin-pwa';

type RuntimeCaching = NonNullable<NonNullable<VitePWAOptions['workbox']>['runtimeCaching']>[number];

/**
 * RxDB's leader election (broadcast-channel) takes `unload`, which listens to the deprecated
 * unload event and keeps the page out of the back/forward cache; this one listens to pagehide.
 */
export const unloadOnPagehideAlias: Alias = { find: /^unload$/, replacement: fileURLToPath(new URL('../src/browser/unload-on-pagehide.ts', import.meta.url)) };

/**
 * Each text asset also as .br and .gz, served as they are by the app server (sirv): a phone on
 * mobile data gets the smallest file its browser accepts, with no compression work per request.
 */
export const precompressTextAssets = (): Plugin => compression({ include: /\.(html|css|js|mjs|json|svg|webmanifest)$/, threshold: 1024 });

export interface PwaApp {
  /** The app's own words and colours; its maskable and Apple icons sit on its theme colour. */
  readonly manifest: Required<Pick<ManifestOptions, 'name' | 'short_name' | 'description' | 'theme_color' | 'background_color'>>;
  /**
   * The images kept once seen, for offline. Written into the service worker as source text, so it
   * must be a literal arrow function of its arguments alone (nothing from the config's scope).
   */
  readonly cachedImages: RuntimeCaching['urlPattern'];
  /** Files left out of the precache (the shop's product pictures: cached as they are seen instead). */
  readonly precacheIgnores?: string[];
}

/** The app's PWA: installable, precached, updated on the person's say-so (UpdatePrompt). */
export function createPwaPlugin(app: PwaApp): Plugin[] {
  const { name, short_name, description, theme_color, background_color } = app.manifest;
  const onThemeColour = { resizeOptions: { background: theme_color } };
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // registered by UpdatePrompt through virtual:pwa-register
    // In this order, so the written manifest.webmanifest reads as it always has.
    manifest: { id: '/', name, short_name, description, lang: 'en-IN', start_url: '/', scope: '/', display: 'standalone', orientation: 'portrait', theme_color, background_color },
    // Every icon (favicon, 64/192/512, maskable, Apple touch) generated from public/icon.svg by the
    // PWA tooling's own assets generator, and written into the manifest and index.html.
    pwaAssets: {
      image: 'public/icon.svg',
      preset: { ...minimal2023Preset, maskable: { ...minimal2023Preset.maskable, ...onThemeColour }, apple: { ...minimal2023Preset.apple, ...onThemeColour } },
      overrideManifestIcons: true,
    },
    workbox: {
      // The manifest is added by the plugin itself (once: listing it here too gave two entries
      // with different revisions once pwaAssets writes its icons into it, and no service worker).
      // Every chunk, the lazily loaded ones (RxDB's) included: each app opens its data offline too.
      globPatterns: ['**/*.{js,css,html,png,svg}'],
      ...(app.precacheIgnores ? { globIgnores: app.precacheIgnores } : {}),
      navigateFallback: '/index.html',
      // The first version takes control at once, so the shell works offline from the first
      // visit; later versions wait for the prompt (no skipWaiting).
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: app.cachedImages,
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
  });
}
