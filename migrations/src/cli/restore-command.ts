/**
 * `npm run restore <folder> [-- --no-backup]`: checks the whole backup first (a damaged or
 * incomplete one is refused before anything changes), backs up the current state (unless told
 * not to: a restore is itself a change worth undoing), then restores.
 */
import { parseArgs } from 'node:util';
import { readBackup } from '../backup/read-backup';
import { restoreBackup } from '../backup/restore-backup';
import { writeBackup } from '../backup/write-backup';
import { defaultDatabaseUrl } from '@oa/sync-server/storage';
import { openTarget } from '../database/open-target';
import { MigrationError } from '../errors';
import { parseCommandArgs, type Io } from './run-cli';

const usage = 'usage: npm run restore <backup folder> [-- --no-backup] [--backup-dir <dir>] [--database-url <url>]';

export async function restoreCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = await parseCommandArgs(
    () =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { 'no-backup': { type: 'boolean', default: false }, 'backup-dir': { type: 'string' }, 'database-url': { type: 'string' } },
      }),
    usage,
  );
  if (positionals.length !== 1) throw new MigrationError('BAD_ARGUMENTS', `name one backup folder\n${usage}`);
  const backup = readBackup(positionals[0]!);
  const target = await openTarget(values['database-url'] ?? io.env.DATABASE_URL ?? defaultDatabaseUrl, { cwd: io.cwd });
  try {
    const storage = await target.ready();
    if (!values['no-backup']) {
      const before = await writeBackup({ storage, ledger: target.maintenance.ledger, root: values['backup-dir'] ?? io.env.BACKUP_DIR ?? './backups' });
      io.out(`the current state is backed up to ${before.folder}`);
    }
    const figures = await restoreBackup({ storage, ledger: target.maintenance.ledger, backup });
    io.out(`restored ${backup.manifest.createdAt} backup:`);
    for (const [name, f] of Object.entries(figures.collections)) io.out(`  ${name}: ${f.written} written, ${f.deleted} deleted, ${f.unchanged} unchanged`);
    io.out(`  files: ${figures.files.stored} stored, ${figures.files.existing} already there`);
    return 0;
  } finally {
    await target.close();
  }
}
