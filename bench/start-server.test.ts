import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'oa-start-server-'));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a bench’s server', () => {
  it('ends with the bench that started it, even when the bench exits without stopping it', { timeout: 60_000 }, async () => {
    // A bench that starts the real server, prints its pid and exits at once.
    const script = join(folder, 'leaves-server.mts');
    writeFileSync(
      script,
      `import { startServer } from ${JSON.stringify(join(import.meta.dirname, 'start-server.ts'))};
const server = await startServer({ DATABASE_URL: 'file:${join(folder, 'sync.db')}', DATA_DIR: ${JSON.stringify(folder)}, SEED_DEMO_CATALOG: 'false', ADMIN_PASSWORD: 'bench admin password 1234' });
console.log('server pid', server.child.pid);
process.exit(0);
`,
    );
    const bench = spawn(process.execPath, ['--import', 'tsx', script], { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    bench.stdout.on('data', (chunk) => (printed += String(chunk)));
    const code = await new Promise<number | null>((done) => bench.once('exit', done));
    expect(code).toBe(0);
    const pid = Number(/server pid (\d+)/.exec(printed)?.[1]);
    expect(pid).toBeGreaterThan(0);
    await expect.poll(() => isRunning(pid), { timeout: 5000 }).toBe(false);
  });
});
