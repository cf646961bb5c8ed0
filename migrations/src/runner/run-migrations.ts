/**
 * Applies pending migrations in order, recording each in the ledger, and stops at the first that
 * fails (recorded as failed, with its error code and message; later ones do not run). Each
 * migration converges when run again, so the next `migrate` resumes where this one stopped. A
 * dry run asks each pending migration what it would change and records nothing.
 */
import { randomUUID } from 'node:crypto';
import { MigrationError } from '../errors';
import type { Ledger, LedgerEntry } from './ledger';
import type { Migration, MigrationContext } from './migration';

export interface MigrationOutcome {
  readonly id: string;
  readonly status: 'applied' | 'failed' | 'would apply';
  readonly report?: unknown;
  readonly error?: { readonly code: string; readonly message: string; readonly problems?: readonly unknown[] };
}

export interface RunResult {
  readonly dryRun: boolean;
  readonly outcomes: readonly MigrationOutcome[];
  /** Pending migrations not attempted because an earlier one failed. */
  readonly notRun: readonly string[];
  readonly ok: boolean;
}

// A run holds the lock for at most this long; a run killed without releasing it blocks others
// only until then. Long enough for the legacy merge on a large catalogue.
const lockTtlMs = 60 * 60 * 1000;

export async function runMigrations(
  migrations: readonly Migration[],
  ledger: Ledger,
  context: Omit<MigrationContext, 'dryRun'>,
  options: { readonly dryRun?: boolean } = {},
): Promise<RunResult> {
  const dryRun = options.dryRun ?? false;
  const owner = randomUUID();
  if (!dryRun && !(await ledger.lock(owner, lockTtlMs))) {
    throw new MigrationError('MIGRATION_LOCKED', 'another `npm run migrate` is running on this database (its lock expires after an hour if it was killed)');
  }
  try {
    const applied = new Set((await ledger.list()).filter((entry) => entry.status === 'applied').map((entry) => entry.id));
    const pending = migrations.filter((migration) => !applied.has(migration.id));
    const outcomes: MigrationOutcome[] = [];
    for (const [index, migration] of pending.entries()) {
      const startedAt = context.now().toISOString();
      context.log(`${dryRun ? 'dry run' : 'applying'} ${migration.id}: ${migration.description}`);
      try {
        const report = await migration.run({ ...context, dryRun });
        if (!dryRun) await ledger.record({ id: migration.id, status: 'applied', startedAt, finishedAt: context.now().toISOString(), report: toJson(report) });
        outcomes.push({ id: migration.id, status: dryRun ? 'would apply' : 'applied', report });
      } catch (error) {
        const failure = describeError(error);
        if (!dryRun) {
          const entry: LedgerEntry = { id: migration.id, status: 'failed', startedAt, finishedAt: context.now().toISOString(), error: { code: failure.code, message: failure.message } };
          await ledger.record(entry);
        }
        outcomes.push({ id: migration.id, status: 'failed', error: failure });
        return { dryRun, outcomes, notRun: pending.slice(index + 1).map((m) => m.id), ok: false };
      }
    }
    return { dryRun, outcomes, notRun: [], ok: true };
  } finally {
    if (!dryRun) await ledger.unlock(owner);
  }
}

function describeError(error: unknown): { code: string; message: string; problems?: readonly unknown[] } {
  if (error instanceof MigrationError) return { code: error.code, message: error.message, ...(error.problems.length > 0 ? { problems: error.problems } : {}) };
  const code = (error as { code?: unknown } | null)?.code;
  // Storage errors carry a stable code too (UNAVAILABLE, DUPLICATE_KEY, …); anything else is a bug.
  return { code: typeof code === 'string' ? code : 'MIGRATION_FAILED', message: error instanceof Error ? error.message : String(error) };
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
