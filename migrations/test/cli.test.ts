/**
 * The commands as an operator meets them: a bad flag, a bad DATABASE_URL, bad legacy data, a
 * damaged backup each end with `CODE: message` and exit 1, never a stack trace; backup and restore
 * round-trip through the commands.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand } from '../src/cli/backup-command';
import { migrateCommand } from '../src/cli/migrate-command';
import { restoreCommand } from '../src/cli/restore-command';
import { runCommand, type Command } from '../src/cli/run-cli';
import { captureIo } from './io-capture';
import { legacyCollectionsFixture, writeLegacyExport } from './legacy-fixture';
import { createSqliteTarget, type SqliteTarget } from './sqlite-target';

let target: SqliteTarget;
let backups: string;
beforeEach(() => {
  target = createSqliteTarget();
  backups = join(target.folder, 'backups');
});
afterEach(async () => {
  await target.cleanup();
});

const run = async (command: Command, args: string[], env: Record<string, string> = {}) => {
  const io = captureIo({ DATABASE_URL: target.url, BACKUP_DIR: backups, ...env });
  const code = await runCommand(command, args, io);
  return { code, io };
};
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('the operator commands', () => {
  it('refuses an unknown flag with the usage', async () => {
    const { code, io } = await run(migrateCommand, ['--dryrun']);
    expect(code).toBe(1);
    expect(io.errors[0]).toMatch(/^BAD_ARGUMENTS: Unknown option '--dryrun'/);
    expect(io.text()).toContain('usage: npm run migrate');
  });

  it('refuses a DATABASE_URL it cannot use, as the server would', async () => {
    const { code, io } = await run(backupCommand, [], { DATABASE_URL: 'postgres://db/x' });
    expect(code).toBe(1);
    expect(io.errors).toEqual(['BAD_ARGUMENTS: DATABASE_URL must start with file: (embedded SQLite), mongodb:// or mongodb+srv://; got "postgres:…"']);
  });

  it('lists every legacy problem, records the failure, and changes no data', async () => {
    const data = legacyCollectionsFixture();
    data.adminproducts![0]!.price = 'twelve';
    data.products![44]!.price = { amount: 3 };
    const folder = writeLegacyExport(data);
    const { code, io } = await run(migrateCommand, ['--legacy-source', folder]);
    expect(code).toBe(1);
    expect(io.errors[0]).toMatch(/^INVALID_LEGACY_DATA: the legacy data cannot be merged as it is: 2 problem\(s\); nothing was changed$/);
    expect(io.errors.slice(1, 3)).toEqual([
      expect.stringMatching(/^ {2}- adminproducts\.json line 1 \(_id 65a0\w+\): UNPARSEABLE_PRICE: price "twelve": not a number$/),
      expect.stringMatching(/^ {2}- products\.json line \d+ \(_id 65b0\w+\): UNPARSEABLE_PRICE: price \{"amount":3\}: not a number$/),
    ]);
    noStack(io.text());
    const status = await run(migrateCommand, ['status']);
    expect(status.io.lines[0]).toMatch(/^failed +0001-legacy-product-merge[^]*\n +last error: INVALID_LEGACY_DATA: /);
    const storage = await target.open({ ensure: true });
    expect(await storage.latestCheckpoint('products')).toBe(0);
  });

  it('backs up and restores through the commands, refusing a damaged backup', async () => {
    const folder = writeLegacyExport();
    expect((await run(migrateCommand, ['--no-backup', '--legacy-source', folder])).code).toBe(0);
    const backup = await run(backupCommand, []);
    expect(backup.code).toBe(0);
    expect(backup.io.text()).toContain('  products: 75');
    const [made] = readdirSync(backups);

    const restore = await run(restoreCommand, [join(backups, made!)]);
    expect(restore.io.errors).toEqual([]);
    expect(restore.code).toBe(0);
    expect(restore.io.text()).toContain('products: 0 written, 0 deleted, 75 unchanged');
    expect(readdirSync(backups)).toHaveLength(2);

    appendFileSync(join(backups, made!, 'orders.jsonl'), '\n{}\n');
    const damaged = await run(restoreCommand, [join(backups, made!)]);
    expect(damaged.code).toBe(1);
    expect(damaged.io.errors).toEqual(['BACKUP_DAMAGED: orders.jsonl does not match its checksum in the manifest: the file was changed or damaged']);
    expect(readdirSync(backups)).toHaveLength(2);
  });

  it('needs one backup folder to restore', async () => {
    const { code, io } = await run(restoreCommand, []);
    expect(code).toBe(1);
    expect(io.errors[0]).toMatch(/^BAD_ARGUMENTS: name one backup folder/);
  });
});
