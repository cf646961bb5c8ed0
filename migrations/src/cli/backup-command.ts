/** `npm run backup [-- --out <dir>]`: every collection, the stored files and the ledger to `<dir>/<timestamp>/` (BACKUP_DIR, default ./backups). */
import { parseArgs } from 'node:util';
import { writeBackup } from '../backup/write-backup';
import { defaultDatabaseUrl } from '@oa/sync-server/storage';
import { openTarget, type Target } from '../database/open-target';
import { MigrationError } from '../errors';
import { openLegacySource } from '../legacy/open-legacy-source';
import { parseCommandArgs, type Io } from './run-cli';

export async function backupCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = await parseCommandArgs(
    () => parseArgs({ args: [...args], options: { out: { type: 'string' }, 'database-url': { type: 'string' } } }),
    'usage: npm run backup [-- --out <dir>] [--database-url <url>]',
  );
  const target = await openTarget(values['database-url'] ?? io.env.DATABASE_URL ?? defaultDatabaseUrl, { cwd: io.cwd });
  try {
    await refuseLegacyInPlace(target);
    const { folder, counts } = await writeBackup({ storage: await target.readable(), ledger: target.maintenance.ledger, root: values.out ?? io.env.BACKUP_DIR ?? './backups' });
    io.out(`backed up to ${folder}`);
    io.out(Object.entries(counts).map(([name, count]) => `  ${name}: ${count}`).join('\n'));
    return 0;
  } finally {
    await target.close();
  }
}

/**
 * A legacy MongoDB (documents without the platform's `id` and `_seq`) cannot be read through the
 * storage until the legacy merge has run; say so, and how to copy it meanwhile, instead of failing
 * on an index build.
 */
async function refuseLegacyInPlace(target: Target): Promise<void> {
  if (target.database.kind !== 'mongodb') return;
  const source = await openLegacySource(undefined, target);
  try {
    const inPlace = Object.entries((await source?.countInPlace()) ?? {}).filter(([, n]) => n > 0);
    if (inPlace.length === 0) return;
    throw new MigrationError(
      'LEGACY_DATA_IN_PLACE',
      `the database still holds legacy documents (${inPlace.map(([c, n]) => `${c}: ${n}`).join(', ')}), which only \`npm run migrate\` can read (it copies them to <collection>_backup first). ` +
        `For a full copy of the legacy database now: mongodump --uri "<DATABASE_URL>" --archive=pre-migration.archive`,
    );
  } finally {
    await source?.close();
  }
}
