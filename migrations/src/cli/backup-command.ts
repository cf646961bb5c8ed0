/** `npm run backup [-- --out <dir>]`: every collection and the ledger to `<dir>/<timestamp>/` (BACKUP_DIR, default ./backups). */
import { parseArgs } from 'node:util';
import { writeBackup } from '../backup/write-backup';
import { defaultDatabaseUrl, openTarget } from '../database/open-target';
import { parseCommandArgs, type Io } from './run-cli';

export async function backupCommand(args: readonly string[], io: Io): Promise<number> {
  const { values } = await parseCommandArgs(
    () => parseArgs({ args: [...args], options: { out: { type: 'string' }, 'database-url': { type: 'string' } } }),
    'usage: npm run backup [-- --out <dir>] [--database-url <url>]',
  );
  const target = await openTarget(values['database-url'] ?? io.env.DATABASE_URL ?? defaultDatabaseUrl, { cwd: io.cwd });
  try {
    const { folder, counts } = await writeBackup({ storage: await target.ready(), ledger: target.maintenance.ledger, root: values.out ?? io.env.BACKUP_DIR ?? './backups' });
    io.out(`backed up to ${folder}`);
    io.out(Object.entries(counts).map(([name, count]) => `  ${name}: ${count}`).join('\n'));
    return 0;
  } finally {
    await target.close();
  }
}
