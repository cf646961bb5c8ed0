/**
 * Units of work on SQLite, committed in groups: the units given are run in ONE IMMEDIATE
 * transaction, synchronously, each inside its own savepoint (better-sqlite3's nested
 * transaction). A unit's first write that cannot be made rolls back that unit's savepoint only:
 * each unit is still all or nothing and answered alone, while the transaction's fixed cost
 * (taking the write lock, and writing to the WAL the pages units share: the sequences row, the
 * index pages new orders append to) is paid once for the group. The write lock is held from the
 * first compare to the commit, and the function never yields, so no other request's statements
 * (this process runs one JavaScript turn at a time) or process can enter between them; readers,
 * who read in snapshots, see a unit whole or not at all, after the group's commit.
 */
import { checkUnit } from '../check-unit';
import type { CommitResult, UnitWrite } from '../port';
import type { SqliteContext } from './context';
import type { Outcome } from './create-commit-queue';
import { writeOne } from './write';

/** What became of one unit of a group: its answer, or the error that stopped it alone. */
export type UnitOutcome = Outcome<CommitResult>;

/** Thrown inside a unit's savepoint to roll it back, carrying the answer. */
class Refused {
  constructor(readonly result: Exclude<CommitResult, { kind: 'committed' }>) {}
}

/**
 * Checks a unit before it is queued (check-unit.ts, and that its tables exist, their names
 * quoted), so a malformed unit is refused alone and never reaches a group.
 */
export function checkSqliteUnit(ctx: SqliteContext, writes: readonly UnitWrite[]): void {
  checkUnit(writes);
  for (const write of writes) ctx.table(write.collection);
}

/**
 * Commits each unit in its own savepoint of one transaction. Throws, with nothing committed,
 * when the transaction as a whole fails (the lock not had within busy_timeout, the disk); a
 * unit's own error (a statement failing inside it) stops that unit alone.
 */
export function commitUnits(ctx: SqliteContext, units: ReadonlyArray<readonly UnitWrite[]>): UnitOutcome[] {
  const unit = ctx.db.transaction((writes: readonly UnitWrite[]): CommitResult => {
    const rows = writes.map((write) => {
      const result = writeOne(ctx, write.collection, ctx.table(write.collection), write);
      if (result.kind === 'conflict') throw new Refused({ kind: 'moved', collection: write.collection, id: write.id, current: result.current });
      if (result.kind === 'duplicate') {
        throw new Refused({ kind: 'duplicate', collection: write.collection, id: write.id, index: result.index, fields: result.fields });
      }
      return { collection: write.collection, row: result.row };
    });
    return { kind: 'committed', rows };
  });
  const group = ctx.db.transaction((): UnitOutcome[] =>
    units.map((writes): UnitOutcome => {
      try {
        return { ok: true, result: unit(writes) };
      } catch (thrown) {
        // better-sqlite3 has rolled back to the unit's savepoint by the time its exception reaches us.
        if (thrown instanceof Refused) return { ok: true, result: thrown.result };
        // An error SQLite ended the whole transaction on (a full disk, I/O) fails the group.
        if (!ctx.db.inTransaction) throw thrown;
        return { ok: false, error: thrown };
      }
    }),
  );
  return group.immediate();
}
