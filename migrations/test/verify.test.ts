/**
 * `npm run verify` against a real sync server (the real app on a fresh database of the project's
 * kind, SQLite or MongoDB, and a free port): every check passes on a healthy deployment; a wrong
 * password, a server that is down and a missing index each fail with a plain reason and a non-zero exit.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseDatabaseUrl } from '@oa/sync-server/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/mongo-standin/start-standin';
import { adminEmail, adminPassword, startTestServer, type TestServer } from '../../sync-server/test/http-server';
import { runCommand } from '../src/cli/run-cli';
import { verifyCommand } from '../src/cli/verify-command';
import { dropIndex } from './drop-index';
import { captureIo } from './io-capture';

let server: TestServer;
let databaseUrl: string;
const root = join(import.meta.dirname, '..', '..');

beforeAll(async () => {
  server = await startTestServer();
  databaseUrl = server.databaseUrl;
});
afterAll(async () => {
  await server.close();
});

const verify = async (env: Record<string, string | undefined>, args: string[] = []) => {
  const io = captureIo(env);
  const code = await runCommand(verifyCommand, args, io);
  return { code, io };
};

describe('npm run verify', () => {
  it('passes every check on a healthy deployment', async () => {
    const { code, io } = await verify({ SYNC_URL: server.url, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, DATABASE_URL: databaseUrl });
    expect(io.errors).toEqual([]);
    expect(code).toBe(0);
    expect(io.lines).toEqual(expect.arrayContaining([
      // The kind DATABASE_URL names (sqlite or mongodb), as the server's health answer must say.
      `ok   health: ok (database: ${parseDatabaseUrl(databaseUrl).kind})`,
      `ok   admin sign-in: ok (${adminEmail})`,
      'ok   pull products: ok',
      'ok   pull orders: ok',
      'ok   pull admins: ok',
      'ok   indexes products: ok',
      'ok   indexes orders: ok',
      `verified: ${server.url} is working`,
    ]));
    // Collections the admin may not read (carts, cart items, sessions, wishlists) are not pulled.
    expect(io.text()).not.toContain('pull carts');
  });

  it('takes the flags over the environment', async () => {
    const { code } = await verify({}, ['--url', server.url, '--email', adminEmail, '--password', adminPassword]);
    expect(code).toBe(0);
  });

  it('says the admin sign-in was refused, and why', async () => {
    const { code, io } = await verify({ SYNC_URL: server.url, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: 'not the password at all' });
    expect(code).toBe(1);
    expect(io.errors).toEqual([expect.stringMatching(/^FAIL admin sign-in: refused: 401 INVALID_CREDENTIALS: .*\(check ADMIN_EMAIL and ADMIN_PASSWORD\)$/)]);
    expect(io.lines.at(-1)).toBe('NOT verified: 1 check(s) failed');
  });

  it('says when no admin credentials were given', async () => {
    const { code, io } = await verify({ SYNC_URL: server.url });
    expect(code).toBe(1);
    expect(io.errors[0]).toMatch(/no admin email or password given/);
  });

  it('names a missing index', async () => {
    await dropIndex(databaseUrl, 'products', 'products_slug');
    const { code, io } = await verify({ SYNC_URL: server.url, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, DATABASE_URL: databaseUrl });
    expect(code).toBe(1);
    expect(io.errors).toEqual([expect.stringMatching(/^FAIL indexes products: missing products_slug /)]);
  });

  it('says plainly when the server cannot be reached, exiting non-zero (the npm script itself)', async () => {
    const port = await freePort();
    const result = spawnSync('npm', ['run', '--silent', 'verify', '--', '--url', `http://127.0.0.1:${port}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, DATABASE_URL: '' },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`FAIL health: cannot reach http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(result.stderr).toMatch(/FAIL admin sign-in: skipped: the server is not reachable/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
