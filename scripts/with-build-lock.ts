/**
 * One build at a time across processes (parallel test files each run `npm start`'s script): a
 * lock directory holding its owner's pid. The lock lasts no longer than its owner: released when
 * the work ends, however it ends (a throw, or process.exit from inside it, which skips `finally`),
 * and taken over at once from an owner that died without releasing it (killed), so a failed or
 * killed build never keeps the next start waiting. Synchronous on purpose: it runs before anything
 * starts. Not a general-purpose lock: two waiters may both see a dead owner and both build, which
 * for a build only costs time.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid written in the lock; undefined while its owner has not written it yet, or unreadable. */
function ownerOf(lock: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(lock, 'pid'), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function withBuildLock<T>(lock: string, run: () => T, waitMs = 180_000): T {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const owner = ownerOf(lock);
      if (owner !== undefined && !isAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      // Another process builds. Past the wait, its lock is taken as left behind (a pid never written).
      if (Date.now() > until) break;
      sleep(200);
    }
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  const release = (): void => rmSync(lock, { recursive: true, force: true });
  process.once('exit', release);
  try {
    return run();
  } finally {
    process.off('exit', release);
    release();
  }
}
