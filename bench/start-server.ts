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
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? join(root, 'sync-server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
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
