/**
 * Starts the real sync server (main.ts) as a child process for benchmarks, on a free port; or,
 * with `entry`, another entry point that runs main.ts (command-counting-server.ts). One process
 * (node with tsx's loader, no wrapper), so a signal, SIGKILL included, and /proc reach the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resident memory of the server process, in bytes (Linux /proc). */
  rss(): number;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..');

export async function startServer(env: Record<string, string>, options: { readonly entry?: string } = {}): Promise<RunningServer> {
  // BENCH_SERVER_NODE_ARGS: node flags for the server only, to profile it (e.g. `--cpu-prof
  // --cpu-prof-dir=/tmp/profiles`; node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', options.entry ?? join(root, 'sync-server/src/main.ts')], {
    cwd: root,
    // JSON log lines, as in production: the development default (pino-pretty, formatted in the
    // server's own thread) cost a fifth of the orders per second measured.
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A bench that ends without stopping its server (an exception, process.exit) takes it along:
  // a server left running would share the two cores with the next bench and skew its figures.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  // The last 64 KB only, for the error below: a bench's access lines are megabytes.
  const keep = (chunk: unknown): void => {
    output = (output + String(chunk)).slice(-65_536);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const port = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearInterval(timer);
        done(match[1]!);
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop() {
      return new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    },
  };
}
