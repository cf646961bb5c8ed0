/**
 * The production build (scripts/build-server.ts) as production runs it: compiled into a temp
 * folder, the server started with plain `node` (no tsx) on a temp SQLite file and answering
 * /health, an operator command run compiled against it, SIGTERM stopping it cleanly (in the
 * image node is the container's first process). The folder's node_modules is the project's, as
 * dist/ sits beside node_modules in the image.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, listStartupPackages, serverEntries, type BuildServerResult } from '../../scripts/build-server';

const root = resolve(import.meta.dirname, '../..');
const adminPassword = 'a long admin password';

/** A port nobody listens on now (the system's pick, released at once). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('the production build', () => {
  let folder: string;
  let built: BuildServerResult;
  let server: ChildProcess | undefined;
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: `file:${join(folder, 'platform.db')}`,
    DATA_DIR: join(folder, 'data'),
    ADMIN_EMAIL: 'admin@annavaram.local',
    ADMIN_PASSWORD: adminPassword,
  });
  /** The output's key in the metafile, which names files from the project root. */
  const outputOf = (name: string): string => relative(root, join(folder, 'server', `${name}.js`));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oa-build-'));
    symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
    built = await buildServer(join(folder, 'server'));
  }, 60_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('compiles every entry to ES modules with source maps, the workspaces bundled in', () => {
    for (const name of Object.keys(serverEntries)) {
      expect(existsSync(join(folder, 'server', `${name}.js`)), name).toBe(true);
      expect(existsSync(join(folder, 'server', `${name}.js.map`)), name).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(folder, 'server/package.json'), 'utf8'))).toEqual({ type: 'module' });
    const externals = Object.values(built.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
    expect(externals.filter((path) => path.startsWith('@oa/'))).toEqual([]);
    expect(externals).toEqual(expect.arrayContaining(['koa', 'better-sqlite3', 'mongodb']));
  });

  it('loads the MongoDB driver only when DATABASE_URL names MongoDB', () => {
    const atStart = listStartupPackages(built.metafile, outputOf('main'));
    expect(atStart).toEqual(expect.arrayContaining(['koa', 'better-sqlite3']));
    expect(atStart).not.toContain('mongodb');
  });

  it('runs with plain node on a SQLite file: /health answers ok, verify passes, SIGTERM stops it', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--enable-source-maps', join(folder, 'server/main.js')], {
      cwd: folder,
      env: { ...env(), PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (chunk) => (output += String(chunk)));
    server.stderr!.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((done) => server!.once('exit', (code) => done(code)));

    let health: unknown;
    for (const until = Date.now() + 45_000; health === undefined; ) {
      if (server.exitCode !== null) throw new Error(`the compiled server exited (${server.exitCode}):\n${output}`);
      if (Date.now() > until) throw new Error(`no /health within 45 s:\n${output}`);
      health = await fetch(`${url}/health`).then(
        (response) => (response.ok ? response.json() : undefined),
        () => undefined,
      );
      if (health === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toMatchObject({ status: 'ok', database: 'sqlite' });

    // An operator command, compiled too: health, the first admin's sign-in, a pull, the indexes.
    const verify = spawnSync(process.execPath, [join(folder, 'server/verify.js')], { cwd: folder, env: { ...env(), SYNC_URL: url }, encoding: 'utf8', timeout: 30_000 });
    expect(verify.stderr).toBe('');
    expect(verify.stdout).toContain(`verified: ${url} is working`);
    expect(verify.status).toBe(0);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
