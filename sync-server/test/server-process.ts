/**
 * Test helper: the sync server as a real process, `tsx sync-server/src/main.ts` as `npm start`
 * runs it, on the port the system gives it (PORT=0, read back from its "listening on" line).
 * Not for in-process servers (http-server.ts starts those); tests reuse its HTTP clients through
 * clientOf().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestServer } from './http-server';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Its exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** SIGTERM, as a supervisor sends it; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL to it and anything it started; never throws. */
  kill(): void;
}

export interface ListeningServer extends ServerProcess {
  readonly url: string;
}

// Every process still running, killed when the test worker exits however it exits: a failed or
// interrupted run must not leave servers holding ports and database connections.
const running = new Set<ServerProcess>();
process.once('exit', () => {
  for (const server of running) server.kill();
});

export function spawnServer(env: Record<string, string>, cwd: string): ServerProcess {
  let text = '';
  const child = spawn(tsx, [join(root, 'sync-server/src/main.ts')], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, killed whole: tsx's CLI runs the server as a child process, so a
    // SIGKILL to tsx alone would leave the server running.
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (text += String(chunk)));
  child.stderr!.on('data', (chunk) => (text += String(chunk)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const server: ServerProcess = {
    child,
    output: () => text,
    exited,
    stop() {
      if (isRunning()) {
        // To the server itself (tsx's child), so what is tested is main.ts's shutdown, not tsx's
        // signal relay. The relay is racy: signalled alone, tsx waits 30 ms for its child to
        // report a signal, resends it, and SIGKILLs the child (exit 143) if no report comes within
        // 30 ms more, which a busy machine can miss. Signalled with its child (the whole group),
        // tsx can miss a report sent before it started waiting and resend the signal, which main.ts,
        // handling SIGTERM once, answers with exit 143 (2 stops in 8 here, under load).
        const pid = serverPidOf(child.pid!);
        if (pid === undefined) child.kill('SIGTERM');
        else process.kill(pid, 'SIGTERM');
      }
      return exited;
    },
    kill() {
      running.delete(server);
      if (child.pid === undefined) return;
      try {
        // The whole group, even when tsx is gone: the server may have outlived it.
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // ESRCH: nothing of it is left.
      }
    },
  };
  running.add(server);
  void exited.then(() => running.delete(server));
  return server;
}

/** The process tsx's CLI started to run the script (Linux's /proc), or undefined where unknown. */
function serverPidOf(tsxPid: number): number | undefined {
  try {
    const [pid] = readFileSync(`/proc/${tsxPid}/task/${tsxPid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    return pid && Number.isSafeInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function waitForText(output: () => string, pattern: RegExp, ms = 20_000, gone: () => boolean = () => false): Promise<RegExpMatchArray> {
  const started = Date.now();
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (gone()) throw new Error(`the process ended before printing ${pattern}; output:\n${output()}`);
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${pattern}; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts a server and resolves once it says where it listens (within `ms` of the spawn). */
export async function startServer(env: Record<string, string>, cwd: string, ms = 20_000): Promise<ListeningServer> {
  const server = spawnServer({ PORT: '0', ...env }, cwd);
  const gone = (): boolean => server.child.exitCode !== null || server.child.signalCode !== null;
  try {
    const [, port] = await waitForText(server.output, /listening on http:\/\/localhost:(\d+)/, ms, gone);
    return { ...server, url: `http://127.0.0.1:${port}` };
  } catch (error) {
    server.kill();
    throw error;
  }
}

/**
 * http-server.ts's clients (register, signInAdmin, pushRows, pullOnce, pullAll) use nothing of a
 * server but its `url`; this lets them speak to a real process.
 */
export function clientOf(server: { readonly url: string }): TestServer {
  return { url: server.url } as TestServer;
}
