import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withBuildLock } from './with-build-lock';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const newLock = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-build-lock-'));
  folders.push(folder);
  return join(folder, '.build-lock');
};

/** Runs withBuildLock in another process, whose work ends it the way `npm start` used to end a failed build. */
function exitInsideLock(lock: string): number | null {
  const module = resolve(import.meta.dirname, 'with-build-lock.ts');
  const script = `import { withBuildLock } from ${JSON.stringify(module)}; withBuildLock(${JSON.stringify(lock)}, () => process.exit(3));`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' }).status;
}

describe('withBuildLock', () => {
  it('holds the lock while the work runs and releases it after, returning what the work returns', () => {
    const lock = newLock();
    expect(withBuildLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work throws', () => {
    const lock = newLock();
    expect(() => withBuildLock(lock, () => { throw new Error('vite failed'); })).toThrow('vite failed');
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the process exits from inside the work (a failed build left it behind)', () => {
    const lock = newLock();
    expect(exitInsideLock(lock)).toBe(3);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes a lock over at once from an owner that died holding it', () => {
    const lock = newLock();
    mkdirSync(lock);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(lock, 'pid'), dead.stdout);
    const started = Date.now();
    expect(withBuildLock(lock, () => 'built', 10_000)).toBe('built');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('waits for a live owner as long as it is told to, then takes the lock over', () => {
    const lock = newLock();
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    const started = Date.now();
    // The owner (this process) is alive, so the wait runs out first.
    expect(withBuildLock(lock, () => 'built', 500)).toBe('built');
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});
