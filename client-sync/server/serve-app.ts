/**
 * Runs an app's static server for `npm start` (or `npm run serve -w <app>`): the port from the
 * app's variable (0 picks a free one), /config.json pointing at SYNC_PUBLIC_URL or at the sync
 * server's PORT on the host the browser used, a plain message and exit 1 for a bad port, a
 * missing build or a port in use, and a clean stop on SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAppServer } from './create-app-server';

export interface ServeAppOptions {
  /** "shop", "admin app": for messages. */
  readonly name: string;
  readonly tag: string;
  readonly distDir: string;
  readonly portVariable: string;
  readonly defaultPort: number;
  readonly buildCommand: string;
}

export function serveApp(options: ServeAppOptions): void {
  const { name, tag, distDir, portVariable } = options;
  const fail = (message: string): never => {
    console.error(`[${tag}] ${message}`);
    process.exit(1);
  };
  const toPort = (value: string | undefined, fallback: number, variable: string): number => {
    if (value === undefined || value === '') return fallback;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`${variable} must be a port number (0-65535), not "${value}"`);
    return port;
  };

  if (!existsSync(join(distDir, 'index.html'))) fail(`no build in ${distDir}: run \`${options.buildCommand}\` first`);
  const port = toPort(process.env[portVariable], options.defaultPort, portVariable);
  const syncPort = toPort(process.env.PORT, 4000, 'PORT');
  const server = createAppServer({ distDir, syncPublicUrl: process.env.SYNC_PUBLIC_URL || undefined, syncPort });
  server.on('error', (error: NodeJS.ErrnoException) => {
    fail(error.code === 'EADDRINUSE' ? `the port is already in use; set ${portVariable} to a free one` : error.message);
  });
  server.listen(port, process.env.HOST || '0.0.0.0', () => {
    console.log(`[${tag}] serving the ${name} on http://localhost:${(server.address() as AddressInfo).port}`);
  });
  const stop = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
