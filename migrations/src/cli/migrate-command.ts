/**
 * `npm run migrate [-- --dry-run] [--no-backup] [--legacy-source <folder|mongodb://…>]`,
 * `npm run migrate:status`, and `npm run migrate:legacy -- --legacy-source <folder> [--dry-run]`
 * (the legacy merge alone, outside the ledger: for an export that turns up later).
 */
import { parseArgs } from 'node:util';
import { writeBackup } from '../backup/write-backup';
import { defaultDatabaseUrl } from '@oa/sync-server/storage';
import { openTarget } from '../database/open-target';
import { MigrationError } from '../errors';
import { openLegacySource } from '../legacy/open-legacy-source';
import { runLegacyMerge } from '../legacy/run-legacy-merge';
import { migrationStatus } from '../runner/migration-status';
import { projectMigrations } from '../runner/project-migrations';
import { runMigrations } from '../runner/run-migrations';
import { parseCommandArgs, type Io } from './run-cli';

const usage = `usage: npm run migrate [-- --dry-run] [--no-backup] [--legacy-source <folder|mongodb://…>] [--backup-dir <dir>] [--database-url <url>]
       npm run migrate:status
       npm run migrate:legacy -- --legacy-source <folder|mongodb://…> [--dry-run]`;

export async function migrateCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = await parseCommandArgs(
    () =>
      parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          'dry-run': { type: 'boolean', default: false },
          'no-backup': { type: 'boolean', default: false },
          'legacy-source': { type: 'string' },
          'backup-dir': { type: 'string' },
          'database-url': { type: 'string' },
        },
      }),
    usage,
  );
  const action = positionals[0] ?? 'apply';
  if (!['apply', 'status', 'legacy'].includes(action) || positionals.length > 1) throw new MigrationError('BAD_ARGUMENTS', `unknown command ${positionals.join(' ')}\n${usage}`);
  const dryRun = values['dry-run'];
  const target = await openTarget(values['database-url'] ?? io.env.DATABASE_URL ?? defaultDatabaseUrl, { cwd: io.cwd });
  const source = action === 'status' ? undefined : await openLegacySource(values['legacy-source'] ?? io.env.LEGACY_SOURCE, target);
  try {
    const rows = migrationStatus(projectMigrations, await target.maintenance.ledger.list());
    if (action === 'status') {
      for (const row of rows) io.out(`${row.status.padEnd(8)} ${row.id}${row.at ? `  (${row.at})` : ''}  ${row.description}${row.error ? `\n         last error: ${row.error}` : ''}`);
      const pending = rows.filter((row) => row.status === 'pending' || row.status === 'failed').length;
      io.out(pending === 0 ? 'up to date' : `${pending} to apply: npm run migrate (npm run migrate -- --dry-run to see what would change)`);
      return 0;
    }
    if (action === 'legacy') {
      if (!source) throw new MigrationError('BAD_ARGUMENTS', `migrate:legacy needs --legacy-source <folder|mongodb://…>\n${usage}`);
      const report = await runLegacyMerge({ source, storage: await target.storage(), dryRun, log: io.out });
      io.out(JSON.stringify(report, null, 2));
      return 0;
    }

    const pending = rows.filter((row) => row.status === 'pending' || row.status === 'failed');
    if (pending.length === 0) {
      io.out('nothing to migrate: every migration is applied');
      return 0;
    }
    if (!dryRun && !values['no-backup']) {
      const inPlace = source ? Object.entries(await source.countInPlace()).filter(([, n]) => n > 0) : [];
      if (inPlace.length > 0) {
        // Such a database cannot be read through the storage until the merge has moved them; the
        // merge copies every legacy collection to `<name>_backup` before it changes anything.
        io.out(`backup: the database still holds legacy documents (${inPlace.map(([c, n]) => `${c}: ${n}`).join(', ')}); the legacy merge copies them to <collection>_backup first. Run npm run backup after this migration.`);
      } else {
        const backup = await writeBackup({ storage: await target.readable(), ledger: target.maintenance.ledger, root: values['backup-dir'] ?? io.env.BACKUP_DIR ?? './backups' });
        io.out(`backup: ${backup.folder} (restore with npm run restore ${backup.folder})`);
      }
    }
    const result = await runMigrations(projectMigrations, target.maintenance.ledger, {
      storage: await target.storage(),
      ready: target.ready,
      readable: target.readable,
      ...(source ? { legacySource: source } : {}),
      now: () => new Date(),
      log: io.out,
    }, { dryRun });
    for (const outcome of result.outcomes) {
      io.out(`${outcome.status}: ${outcome.id}`);
      if (outcome.report !== undefined) io.out(JSON.stringify(outcome.report, null, 2));
      if (outcome.error) {
        io.err(`${outcome.error.code}: ${outcome.error.message}`);
        for (const problem of (outcome.error.problems ?? []) as Array<{ where: string; code: string; message: string }>) io.err(`  - ${problem.where}: ${problem.code}: ${problem.message}`);
      }
    }
    if (result.notRun.length > 0) io.err(`not run (an earlier migration failed): ${result.notRun.join(', ')}`);
    if (result.ok) io.out(dryRun ? 'dry run: nothing was changed' : 'migrated');
    return result.ok ? 0 : 1;
  } finally {
    await source?.close();
    await target.close();
  }
}
