/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine: the YAML parsed and its
 * shape held to what production needs (a MongoDB replica set initiated by its health check, a
 * persistent volume, the server pointed at it, the shop served, secrets only from the
 * environment), and `docker-compose config -q` run when Debian's docker-compose is installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(text) as {
  services: Record<string, { image?: string; build?: { context: string; dockerfile: string }; command?: string[]; environment?: Record<string, string>; volumes?: string[]; ports?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] } }>;
  volumes: Record<string, unknown>;
};
const { mongodb, 'sync-server': server, shop, admin } = compose.services;

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

  it('builds the sync server from the Dockerfile and points it at the replica set once healthy', () => {
    expect(server?.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(server?.command).toEqual(['node_modules/.bin/tsx', 'sync-server/src/main.ts']);
    expect(server?.environment?.DATABASE_URL).toMatch(/^mongodb:\/\/mongodb:27017\/online_annavaram\?replicaSet=rs0$/);
    expect(server?.environment?.NODE_ENV).toBe('production');
    expect(server?.depends_on?.mongodb?.condition).toBe('service_healthy');
    expect(server?.healthcheck?.test.join(' ')).toContain('/health');
    expect(server?.ports).toContain('4000:4000');
  });

  it('serves the admin app on 5173 from the same image, after the server is healthy', () => {
    expect(admin?.command).toEqual(['node_modules/.bin/tsx', 'client-admin/server/serve.ts']);
    expect(admin?.environment?.ADMIN_PORT).toBe('5173');
    expect(admin?.ports).toContain('5173:5173');
    expect(admin?.image).toBe(server?.image);
    expect(admin?.depends_on?.['sync-server']?.condition).toBe('service_healthy');
  });

  it('serves the shop on 5174 from the same image', () => {
    expect(shop?.command).toEqual(['node_modules/.bin/tsx', 'client-shop/server/serve.ts']);
    expect(shop?.environment?.SHOP_PORT).toBe('5174');
    expect(shop?.ports).toContain('5174:5174');
    expect(shop?.image).toBe(server?.image);
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

  it('builds on Node 20 with npm ci and runs the server with tsx', () => {
    expect(dockerfile).toMatch(/^FROM node:20[\w.-]*$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(dockerfile).toMatch(/^CMD \["node_modules\/\.bin\/tsx", "sync-server\/src\/main\.ts"\]$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('copies every workspace manifest before npm ci (or npm ci would refuse the lock file)', () => {
    for (const workspace of workspaces) expect(dockerfile).toContain(`COPY --chown=node:node ${workspace}/package.json ${workspace}/`);
  });

  it('keeps local data, installs and secrets out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'data', 'backups', '.env']));
  });
});
