/**
 * docker-compose.yml, the proxy's configuration and the Dockerfile, checked without a Docker
 * engine: the YAML parsed and its shape held to what production needs (a MongoDB replica set
 * initiated by its health check, a persistent volume, several sync-server replicas with one key
 * and one database behind a proxy that passes the live stream through, the apps pointed at the
 * proxy, secrets only from the environment, the compiled server on production dependencies run
 * as a non-root user), and `docker-compose config -q` run when Debian's docker-compose is installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(text) as {
  services: Record<
    string,
    {
      image?: string;
      build?: { context: string; dockerfile: string };
      command?: string[];
      environment?: Record<string, string>;
      volumes?: string[];
      ports?: string[];
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { test: string[] };
      deploy?: { replicas?: number };
    }
  >;
  volumes: Record<string, unknown>;
};
const { mongodb, 'sync-server': server, proxy, shop, admin } = compose.services;
const proxyConfig = readFileSync(join(root, 'deploy/nginx/sync-proxy.conf'), 'utf8');

describe('docker-compose.yml', () => {
  it('runs MongoDB as a single-node replica set, initiated by its health check', () => {
    expect(mongodb?.image).toMatch(/^mongo:\d/);
    expect(mongodb?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    const check = mongodb?.healthcheck?.test.join(' ') ?? '';
    expect(check).toContain('rs.initiate(');
    expect(check).toContain("_id: 'rs0'");
    expect(check).toMatch(/isWritablePrimary \? 0 : 1/);
  });

  it('keeps MongoDB data in a named volume', () => {
    const [volume] = (mongodb?.volumes ?? []).filter((v) => v.endsWith(':/data/db'));
    expect(volume).toBeDefined();
    expect(compose.volumes).toHaveProperty(volume!.split(':')[0]!);
    // No authentication is configured, so MongoDB is not published on the host.
    expect(mongodb?.ports).toBeUndefined();
  });

  it('runs several sync-server replicas of the compiled server, on the replica set once healthy', () => {
    expect(server?.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(server?.command).toEqual(['node', 'dist/server/main.js']);
    expect(server?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(server?.environment?.DATABASE_URL).toMatch(/^mongodb:\/\/mongodb:27017\/online_annavaram\?replicaSet=rs0$/);
    expect(server?.environment?.NODE_ENV).toBe('production');
    expect(server?.depends_on?.mongodb?.condition).toBe('service_healthy');
    // The image's HEALTHCHECK (GET /health) applies: not replaced, not disabled.
    expect(server?.healthcheck).toBeUndefined();
    // Replicas cannot share a host port: the proxy is the way in.
    expect(server?.ports).toBeUndefined();
  });

  it('gives every replica the same signing key and database, and trusts the proxy for client addresses', () => {
    // One service definition: the replicas' environment is one and the same.
    expect(server?.environment?.JWT_PRIVATE_KEY).toMatch(/^\$\{JWT_PRIVATE_KEY:\?.+\}$/);
    expect(server?.environment?.TRUST_PROXY).toBe('true');
    expect(Object.keys(compose.services).filter((name) => compose.services[name]?.command?.includes('dist/server/main.js'))).toEqual(['sync-server']);
  });

  it('puts nginx in front of the replicas on :4000, finding them by DNS, balancing open connections', () => {
    expect(proxy?.image).toMatch(/^nginx:1\.(2[89]|[3-9]\d)/); // `server … resolve` needs 1.27.3+
    expect(proxy?.ports).toEqual(['4000:4000']);
    expect(proxy?.volumes).toContain('./deploy/nginx/sync-proxy.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(proxy?.depends_on?.['sync-server']?.condition).toBe('service_healthy');
    expect(proxy?.healthcheck?.test.join(' ')).toContain('/health');
    expect(proxyConfig).toMatch(/^\s*listen 4000;/m);
    expect(proxyConfig).toMatch(/^\s*resolver 127\.0\.0\.11 /m);
    expect(proxyConfig).toMatch(/^\s*server sync-server:4000 resolve;/m);
    expect(proxyConfig).toMatch(/^\s*least_conn;/m);
  });

  it('passes the live stream through unbuffered, uncompressed, with a long read timeout', () => {
    const stream = proxyConfig.match(/location = \/sync\/stream \{([^}]*)\}/)?.[1] ?? '';
    expect(stream).toMatch(/proxy_pass http:\/\/sync_servers;/);
    expect(stream).toMatch(/proxy_buffering off;/);
    expect(stream).toMatch(/gzip off;/);
    const [, minutes] = stream.match(/proxy_read_timeout (\d+)m;/) ?? [];
    // Longer than many of the server's 25 s heartbeats.
    expect(Number(minutes)).toBeGreaterThanOrEqual(2);
  });

  it('compresses JSON, never the event stream, and sets X-Forwarded-For to the client rather than appending', () => {
    const types = proxyConfig.match(/^\s*gzip_types ([^;]+);/m)?.[1]?.split(/\s+/) ?? [];
    expect(types).toContain('application/json');
    expect(types).not.toContain('text/event-stream');
    expect(proxyConfig).toMatch(/^\s*gzip on;/m);
    // The server takes the first address of the header: a client-sent one must not survive.
    expect(proxyConfig).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;/m);
    expect(proxyConfig).not.toContain('$proxy_add_x_forwarded_for');
    // Bodies the server refuses itself (4 MiB pushes) must reach it.
    expect(Number(proxyConfig.match(/client_max_body_size (\d+)m;/)?.[1])).toBeGreaterThanOrEqual(5);
  });

  it('serves the admin app on 5173 from the same image, pointed at the proxy', () => {
    expect(admin?.command).toEqual(['node', 'dist/server/serve-admin.js']);
    expect(admin?.environment?.ADMIN_PORT).toBe('5173');
    expect(admin?.ports).toContain('5173:5173');
    expect(admin?.image).toBe(server?.image);
    expect(admin?.environment?.SYNC_PUBLIC_URL).toBe('${SYNC_PUBLIC_URL:-http://localhost:4000}');
    expect(admin?.depends_on?.proxy?.condition).toBe('service_healthy');
    // Its own check: the image's is the sync server's /health, which this container does not serve.
    expect(admin?.healthcheck?.test.join(' ')).toContain('127.0.0.1:5173');
  });

  it('serves the shop on 5174 from the same image, pointed at the proxy', () => {
    expect(shop?.command).toEqual(['node', 'dist/server/serve-shop.js']);
    expect(shop?.environment?.SHOP_PORT).toBe('5174');
    expect(shop?.ports).toContain('5174:5174');
    expect(shop?.image).toBe(server?.image);
    expect(shop?.environment?.SYNC_PUBLIC_URL).toBe('${SYNC_PUBLIC_URL:-http://localhost:4000}');
    expect(shop?.healthcheck?.test.join(' ')).toContain('127.0.0.1:5174');
  });

  it('takes every secret from the environment, refusing to start without it', () => {
    expect(server?.environment?.JWT_PRIVATE_KEY).toMatch(/^\$\{JWT_PRIVATE_KEY:\?.+\}$/);
    expect(server?.environment?.ADMIN_PASSWORD).toMatch(/^\$\{ADMIN_PASSWORD:\?.+\}$/);
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (/PASSWORD|SECRET|PRIVATE_KEY|TOKEN/.test(key)) expect(value, `${name}.${key}`).toMatch(/^\$\{[A-Z_]+:\?.+\}$/);
      }
    }
    expect(text).not.toMatch(/BEGIN PRIVATE KEY/);
  });

  const dockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!dockerCompose)('passes docker-compose config, and names a missing secret', () => {
    const run = (env: Record<string, string>) =>
      spawnSync('docker-compose', ['-f', join(root, 'docker-compose.yml'), 'config', '-q'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
    const ok = run({ JWT_PRIVATE_KEY: 'a key', ADMIN_PASSWORD: 'a long password' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const missing = run({ JWT_PRIVATE_KEY: 'a key' });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('set ADMIN_PASSWORD');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const workspaces = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  // Each stage's text from its FROM line, comments dropped.
  const stages = dockerfile
    .replace(/^#.*\n/gm, '')
    .split(/^(?=FROM )/m)
    .filter((stage) => stage.startsWith('FROM '));
  const stageNamed = (name: string): string => stages.find((stage) => new RegExp(`^FROM \\S+ AS ${name}$`, 'm').test(stage)) ?? '';
  const image = stages.at(-1) ?? '';

  it('builds with development dependencies in a stage of its own', () => {
    const build = stageNamed('build');
    expect(build).toMatch(/^RUN npm ci --no-audit --no-fund$/m);
    expect(build).toMatch(/^RUN npm run build$/m);
  });

  it('installs production dependencies only, where the compiler is, and copies them into an image without one', () => {
    expect(stageNamed('production-dependencies')).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(image).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(image).not.toMatch(/npm ci|npm install|apt-get/);
    expect(image).toMatch(/^COPY --from=production-dependencies \/app \.\/$/m);
  });

  it('copies only the compiled output and the apps\' builds from the build stage', () => {
    const copied = [...image.matchAll(/^COPY --from=build (\S+) /gm)].map((match) => match[1]);
    expect(copied).toEqual(['/app/dist', '/app/client-shop/dist', '/app/client-admin/dist']);
    expect(image).not.toMatch(/^COPY (?!--from)/m);
  });

  it('runs the compiled server with node as the non-root node user, with a health check and its ports', () => {
    expect(image).toMatch(/^USER node$/m);
    expect(image).toMatch(/^CMD \["node", "dist\/server\/main\.js"\]$/m);
    expect(image).toMatch(/^EXPOSE 4000 5173 5174$/m);
    const check = image.match(/^HEALTHCHECK [^\n]*\\\n\s*CMD \["node", "-e", "([^\n]*)"\]$/m)?.[1] ?? '';
    expect(check).toContain('/health');
    expect(check).toContain('process.env.PORT');
  });

  it('copies every workspace manifest before npm ci (or npm ci would refuse the lock file)', () => {
    const install = stageNamed('install');
    for (const workspace of workspaces) expect(install).toContain(`COPY ${workspace}/package.json ${workspace}/`);
  });

  it('keeps local data, installs, builds and secrets out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', 'data', 'backups', '.env']));
  });
});
