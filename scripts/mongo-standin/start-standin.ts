/**
 * Starts the MongoDB stand-in (../shared/mongo-standin: an in-memory test double of MongoDB, not a
 * database) as a one-member replica set or a standalone on a free port, for the test runs, the
 * benchmarks and trying the platform on "MongoDB" here. Used by the vitest projects' global
 * set-up and by `npm run mongo:standin`. Installs nothing: Java 17+ and Debian's libnetty-java
 * and libslf4j-java must be there (.ci/run installs them).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export type StandinTopology = 'replset' | 'standalone';

export interface RunningStandin {
  /** The URL to connect with, database-less (`?replicaSet=rs0` for a replica set). */
  readonly url: string;
  readonly topology: StandinTopology;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');

/** Where the stand-in's sources are: MONGO_STANDIN_DIR, or shared/mongo-standin beside the checkout. */
export function findStandin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.MONGO_STANDIN_DIR, join(root, '../shared/mongo-standin')].filter((path): path is string => Boolean(path));
  return candidates.find((path) => existsSync(join(path, 'start.sh')));
}

/** Whether this machine can run the stand-in at all (a JDK and its sources); the reason when not. */
export function standinUnavailableReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!findStandin(env)) return 'the MongoDB stand-in was not found (set MONGO_STANDIN_DIR to shared/mongo-standin)';
  if (spawnSync('javac', ['-version'], { stdio: 'ignore' }).status !== 0) return 'no Java (a JDK 17+ runs the MongoDB stand-in)';
  return undefined;
}

/** A port the system says is free now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * Starts one stand-in and resolves once it listens. Its classes are compiled once per machine
 * (MJS_CLASSES, default a folder under the temporary directory: shared/ may be read-only), a few
 * seconds; start.sh serialises concurrent builds.
 */
export async function startStandin(
  topology: StandinTopology,
  options: { readonly timeoutMs?: number; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<RunningStandin> {
  const folder = findStandin();
  if (!folder) throw new Error(standinUnavailableReason() ?? 'the MongoDB stand-in was not found');
  const port = await freePort();
  const args = topology === 'replset' ? [String(port), '--replset', 'rs0'] : [String(port), '--standalone'];
  const child = spawn('sh', [join(folder, 'start.sh'), ...args], {
    env: { ...process.env, MJS_CLASSES: process.env.MJS_CLASSES ?? join(tmpdir(), `oa-mongo-standin-classes-${process.getuid?.() ?? 0}`), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  await waitForListening(child, () => output, options.timeoutMs ?? 120_000);
  const url = topology === 'replset' ? `mongodb://127.0.0.1:${port}/?replicaSet=rs0` : `mongodb://127.0.0.1:${port}/`;
  return { url, topology, stop: () => stopChild(child) };
}

function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => finish(new Error(`the MongoDB stand-in did not start within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const poll = setInterval(() => {
      if (output().includes('listening on')) finish();
    }, 50);
    const exited = (code: number | null): void => finish(new Error(`the MongoDB stand-in exited (${String(code)}) before listening:\n${output()}`));
    child.once('exit', exited);
    function finish(error?: Error): void {
      clearTimeout(timer);
      clearInterval(poll);
      child.off('exit', exited);
      if (error) {
        child.kill('SIGKILL');
        fail(error);
      } else done();
    }
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Pure: a MongoDB URL naming another database (the path), keeping its host list and options. */
export function withDatabaseName(url: string, databaseName: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error(`not a MongoDB URL: ${url}`);
  return `${match[1]}/${databaseName}${match[2] ?? ''}`;
}
