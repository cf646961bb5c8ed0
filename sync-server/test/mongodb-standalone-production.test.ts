/**
 * A MongoDB standalone has no transactions, so orders, stock and payments cannot be written all or
 * nothing there: the real server refuses it in production, saying why and how to fix it, and in
 * development starts with a warning. Runs in the mongodb-standalone project only.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, waitForText, type ServerProcess } from './server-process';
import { dropDatabase, freshDatabaseUrl } from './test-storage';

describe('a MongoDB standalone', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function start(env: Record<string, string>): ServerProcess {
    const folder = mkdtempSync(join(tmpdir(), 'oa-standalone-'));
    const databaseUrl = freshDatabaseUrl(folder);
    const server = spawnServer({ PORT: '0', DATABASE_URL: databaseUrl, DATA_DIR: folder, ...env }, folder);
    cleanups.push(async () => {
      server.kill();
      await dropDatabase(databaseUrl);
      rmSync(folder, { recursive: true, force: true });
    });
    return server;
  }

  it('is refused in production, with the reason and the fix, before anything is written', async () => {
    const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const server = start({ NODE_ENV: 'production', JWT_PRIVATE_KEY: key, ADMIN_PASSWORD: 'a long admin password' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/standalone server: no transactions/);
    expect(server.output()).toMatch(/replica set/);
    expect(server.output()).not.toMatch(/listening on/);
    expect(server.output()).not.toMatch(/at .*\(.*\.ts:\d+/);
  });

  it('starts in development, with a warning that units of work are not atomic there', async () => {
    const server = start({});
    await waitForText(server.output, /listening on/, 20_000);
    expect(server.output()).toMatch(/warning: this MongoDB is a standalone server/);
  });
});
