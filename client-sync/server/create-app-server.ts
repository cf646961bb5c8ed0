/**
 * Serves a PWA's production build (dist/: the shop's or the admin app's) through sirv: the
 * build's precompressed `.br`/`.gz` files when the browser accepts them (Content-Encoding, Vary),
 * ETags and 304s, index.html for every unknown path without an extension (a single-page app), no
 * caching for what must update (index.html, sw.js, the manifest, config.json), a year for hashed
 * assets, and /config.json telling the app where the sync server is, decided at run time. The
 * build must exist before the server is created (sirv indexes it once). GET and HEAD only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import sirv from 'sirv';

export interface AppServerOptions {
  readonly distDir: string;
  /** The sync server's public URL; when unset, http://<the host the browser asked for>:<syncPort>. */
  readonly syncPublicUrl?: string | undefined;
  readonly syncPort: number;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const noCache = 'no-cache';
const forever = 'public, max-age=31536000, immutable';

/** Files whose names change with their content (Vite's assets/, workbox-<hash>.js) may be kept for good. */
export function toCacheControl(path: string): string {
  return path.startsWith('/assets/') || /^\/workbox-[\w-]+\.js$/.test(path) ? forever : noCache;
}

/** The sync server's URL for a browser that reached this server as `hostHeader`. */
export function toSyncUrl(options: Pick<AppServerOptions, 'syncPublicUrl' | 'syncPort'>, hostHeader: string | undefined): string {
  if (options.syncPublicUrl) return options.syncPublicUrl.replace(/\/+$/, '');
  // Same host name the browser used (localhost, a LAN address, a phone on Wi-Fi), the sync port.
  let hostname = 'localhost';
  try {
    if (hostHeader) hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    // a malformed Host header: fall back to localhost
  }
  return `http://${hostname}:${options.syncPort}`;
}

export function createAppServer(options: AppServerOptions): Server {
  const files = sirv(options.distDir, {
    dev: false,
    etag: true,
    brotli: true,
    gzip: true,
    // A route of the app (no extension) is index.html; a missing file with an extension is a real
    // 404 (sirv's default), so a missing script never comes back as HTML.
    single: true,
    // Whatever characters the name holds (sirv's own rule only knows plain ones), a path ending in
    // an extension is a file: never answered with index.html.
    ignores: ['\\.\\w+$'],
    setHeaders(response, pathname) {
      const type = contentTypes[extname(pathname)] ?? (extname(pathname) === '' ? contentTypes['.html'] : undefined);
      if (type) response.setHeader('Content-Type', type);
      response.setHeader('Cache-Control', toCacheControl(extname(pathname) === '' ? '/index.html' : pathname));
    },
  });
  return createServer((request, response) => {
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Internal error');
    }
  });

  function handle(request: IncomingMessage, response: ServerResponse): void {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Method not allowed');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://shop').pathname);
    } catch {
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Bad request');
      return;
    }
    if (path === '/config.json') {
      const body = JSON.stringify({ syncUrl: toSyncUrl(options, request.headers.host) });
      response.writeHead(200, { 'Content-Type': contentTypes['.json']!, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    // sirv serves only files it indexed under dist/: `..` in a URL never reaches other files.
    files(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': noCache });
      response.end('Not found');
    });
  }
}
