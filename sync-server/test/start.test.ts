/**
 * `npm start`'s entry point as a real process: with DATABASE_URL empty it creates its SQLite file
 * under ./data; on the project's database (SQLite or MongoDB) it listens and answers /health within
 * seconds; it stops cleanly on SIGTERM; bad configuration stops it with a clear message.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, startServer, type ServerProcess } from './server-process';
import { dropDatabase, freshDatabaseUrl } from './test-storage';

/** What /health must name for a DATABASE_URL, by its scheme (the server's own parser is not asked). */
const databaseKindByScheme: Readonly<Record<string, string>> = { file: 'sqlite', mongodb: 'mongodb', 'mongodb+srv': 'mongodb' };

describe('starting the sync server', () => {
  const folders: string[] = [];
  const servers: ServerProcess[] = [];
  const databases: string[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) server.kill();
    for (const url of databases.splice(0)) await dropDatabase(url);
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const newFolder = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'oa-start-'));
    folders.push(folder);
    return folder;
  };

  // An empty DATABASE_URL means the embedded default, on every project: SQLite by design.
  it('starts on the embedded database under ./data when DATABASE_URL is empty', async () => {
    const folder = newFolder();
    const server = await startServer({ DATABASE_URL: '' }, folder);
    servers.push(server);
    const response = await fetch(`${server.url}/health`);
    expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite', streams: 0 });
    expect(existsSync(join(folder, 'data/platform.db'))).toBe(true);
    expect(await server.stop()).toBe(0);
  });

  // The check that would have caught a server that never listened on a MongoDB replica set: a
  // start-up step waiting forever shows here as no /health within the bound.
  it('starts on the project’s database and answers /health within seconds', async () => {
    const folder = newFolder();
    const databaseUrl = freshDatabaseUrl(folder);
    databases.push(databaseUrl);
    const started = Date.now();
    const server = await startServer({ DATABASE_URL: databaseUrl, DATA_DIR: join(folder, 'data') }, folder, 15_000);
    servers.push(server);
    const response = await fetch(`${server.url}/health`);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: databaseKindByScheme[databaseUrl.split(':')[0]!], streams: 0 });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('SIGTERM: shutting down');
  });

  it('refuses a bad DATABASE_URL at start with a message naming it', async () => {
    const folder = newFolder();
    const server = spawnServer({ PORT: '0', DATABASE_URL: 'postgres://localhost/shop' }, folder);
    servers.push(server);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('DATABASE_URL must start with file:');
    expect(server.output()).not.toMatch(/at .*\(.*\.ts:\d+/);
  });
});
