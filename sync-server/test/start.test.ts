/**
 * `npm start`'s entry point as a real process: it creates its SQLite file, listens, answers
 * /health, and stops cleanly on SIGTERM; bad configuration stops it with a clear message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function start(env: Record<string, string>, cwd: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let text = '';
  const child = spawn(tsx, [join(root, 'sync-server/src/main.ts')], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => text, exited };
}

async function waitForText(output: () => string, pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
  const started = Date.now();
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (Date.now() - started > ms) throw new Error(`timed out; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('starting the sync server', () => {
  const folders: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('starts on the embedded database under ./data and answers /health', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oa-start-'));
    folders.push(folder);
    const server = start({ PORT: '0', DATABASE_URL: '' }, folder);
    children.push(server.child);
    const [, port] = await waitForText(server.output, /listening on http:\/\/localhost:(\d+)/);
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite' });
    expect(existsSync(join(folder, 'data/platform.db'))).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('refuses a bad DATABASE_URL at start with a message naming it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oa-start-'));
    folders.push(folder);
    const server = start({ PORT: '0', DATABASE_URL: 'postgres://localhost/shop' }, folder);
    children.push(server.child);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('DATABASE_URL must start with file:');
    expect(server.output()).not.toMatch(/at .*\(.*\.ts:\d+/);
  });
});
