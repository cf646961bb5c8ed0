/**
 * The mission's deployment flow with the real commands on a real SQLite database: migrate (which
 * backs up first) with a legacy export, status, a second run that has nothing to do, then the real
 * sync server (`sync-server/src/main.ts`, as `npm start` runs it) started on the migrated database
 * and `verify` passing against it, with the merged catalogue served to shoppers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCommand } from '../src/cli/migrate-command';
import { runCommand } from '../src/cli/run-cli';
import { verifyCommand } from '../src/cli/verify-command';
import { captureIo } from './io-capture';
import { writeLegacyExport } from './legacy-fixture';
import { createSqliteTarget, type SqliteTarget } from './sqlite-target';

const root = join(import.meta.dirname, '..', '..');
const adminPassword = 'a long admin password for tests';
let target: SqliteTarget;
let folder: string;
let backups: string;
let server: ChildProcess | undefined;

beforeAll(() => {
  target = createSqliteTarget();
  folder = writeLegacyExport();
  backups = join(target.folder, 'backups');
});
afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  await target.cleanup();
});

const env = () => ({ DATABASE_URL: target.url, BACKUP_DIR: backups });

describe('test, back up, migrate, deploy, verify', () => {
  it('shows the legacy merge as pending, through the npm script', () => {
    const result = spawnSync('npm', ['run', '--silent', 'migrate:status'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env() }, timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^pending  0001-legacy-product-merge/m);
    expect(result.status).toBe(0);
  });

  it('reports what a dry run would change, and changes nothing', async () => {
    const io = captureIo(env());
    expect(await runCommand(migrateCommand, ['--dry-run', '--legacy-source', folder], io)).toBe(0);
    expect(io.text()).toContain('would apply: 0001-legacy-product-merge');
    expect(io.text()).toContain('"products": 75');
    expect(io.lines.at(-1)).toBe('dry run: nothing was changed');
    expect(existsSync(backups)).toBe(false);
    const status = captureIo(env());
    await runCommand(migrateCommand, ['status'], status);
    expect(status.lines[0]).toMatch(/^pending /);
  });

  it('backs up, then migrates', async () => {
    const io = captureIo(env());
    const code = await runCommand(migrateCommand, ['--legacy-source', folder], io);
    expect(io.errors).toEqual([]);
    expect(code).toBe(0);
    expect(io.lines[0]).toMatch(/^backup: .*backups\/\d{4}-\d\d-\d\dT/);
    expect(readdirSync(backups)).toHaveLength(1);
    expect(io.text()).toContain('applied: 0001-legacy-product-merge');
    expect(io.lines.at(-1)).toBe('migrated');
  });

  it('has nothing left to do on a second run', async () => {
    const io = captureIo(env());
    expect(await runCommand(migrateCommand, ['--legacy-source', folder], io)).toBe(0);
    expect(io.lines).toEqual(['nothing to migrate: every migration is applied']);
    const status = captureIo(env());
    await runCommand(migrateCommand, ['status'], status);
    expect(status.lines).toEqual([
      expect.stringMatching(/^applied  0001-legacy-product-merge/),
      expect.stringMatching(/^applied  0002-one-review-per-shopper/),
      expect.stringMatching(/^applied  documents-payments-v1/),
      'up to date',
    ]);
  });

  it('starts the real server on the migrated database, which verify passes and which serves the merged catalogue', async () => {
    server = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'sync-server/src/main.ts')], {
      cwd: target.folder,
      env: { ...process.env, DATABASE_URL: target.url, PORT: '0', HOST: '127.0.0.1', DATA_DIR: target.folder, ADMIN_PASSWORD: adminPassword, SEED_DEMO_CATALOG: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 25_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
        if (port) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${port}`);
        }
      };
      server!.stdout!.on('data', read);
      server!.stderr!.on('data', read);
      server!.once('exit', () => reject(new Error(`the server stopped: ${output}`)));
    });

    const io = captureIo({ SYNC_URL: url, ADMIN_EMAIL: 'admin@annavaram.local', ADMIN_PASSWORD: adminPassword, DATABASE_URL: target.url });
    expect(await runCommand(verifyCommand, [], io)).toBe(0);
    expect(io.lines.at(-1)).toBe(`verified: ${url} is working`);

    // Shoppers see the 68 active products of the 75 (admin products 7, 14, … 49 are inactive).
    const seen = new Set<string>();
    let checkpoint: string | undefined;
    for (;;) {
      const query = new URLSearchParams({ limit: '50', ...(checkpoint ? { checkpoint } : {}) });
      const body = (await (await fetch(`${url}/sync/products/pull?${query}`)).json()) as { documents: Array<{ id: string }>; checkpoint: string };
      for (const doc of body.documents) seen.add(doc.id);
      if (body.documents.length === 0) break;
      checkpoint = body.checkpoint;
    }
    expect(seen.size).toBe(68);
  }, 40_000);
});
