/**
 * Serves a PWA's production build (dist/: the shop's or the admin app's) with node:http: right content types, index.html for
 * every unknown path (a single-page app), no caching for what must update (index.html, sw.js,
 * the manifest, config.json), a year for hashed assets, and /config.json telling the app where
 * the sync server is, decided at run time. Not a general web server: GET and HEAD of files only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

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
  const root = normalize(options.distDir);
  return createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
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
    // Resolved under dist/ and checked to stay there: `..` in a URL never reaches other files.
    const file = normalize(join(root, path));
    const insideRoot = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
    const found = insideRoot ? await stat(file).then((s) => (s.isFile() ? s : undefined), () => undefined) : undefined;
    // A path with a file extension that does not exist is a real 404 (a missing script must not
    // come back as HTML); any other path is a route of the app: index.html.
    if (!found && extname(path) !== '') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': noCache });
      response.end('Not found');
      return;
    }
    const served = found ? file : join(root, 'index.html');
    const servedPath = found ? path : '/index.html';
    const size = found ? found.size : (await stat(served)).size;
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(served)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': toCacheControl(servedPath),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(served).on('error', () => response.destroy()).pipe(response);
  }
}
