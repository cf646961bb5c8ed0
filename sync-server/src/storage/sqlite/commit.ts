/**
 * A unit of work on SQLite: every write in ONE IMMEDIATE transaction, run synchronously, so the
 * write lock is held from the first compare to the commit and no other request's statements (this
 * process runs one JavaScript turn at a time) or process can enter between them. The first write
 * that cannot be made rolls the whole transaction back; readers, who read in snapshots, see the
 * unit whole or not at all.
 */
import { checkUnit } from '../check-unit';
import type { CommitResult, UnitWrite } from '../port';
import type { SqliteContext } from './context';
import { writeOne } from './write';

/** Thrown inside the transaction to roll it back, carrying the answer. */
class Refused {
  constructor(readonly result: Exclude<CommitResult, { kind: 'committed' }>) {}
}

export function commit(ctx: SqliteContext, writes: readonly UnitWrite[]): CommitResult {
  checkUnit(writes);
  // Tables named by the unit are checked (and their names quoted) before anything is written.
  const tables = writes.map((write) => ctx.table(write.collection));
  const run = ctx.db.transaction((): CommitResult => {
    const rows = writes.map((write, i) => {
      const result = writeOne(ctx, write.collection, tables[i]!, write);
      if (result.kind === 'conflict') throw new Refused({ kind: 'moved', collection: write.collection, id: write.id, current: result.current });
      if (result.kind === 'duplicate') {
        throw new Refused({ kind: 'duplicate', collection: write.collection, id: write.id, index: result.index, fields: result.fields });
      }
      return { collection: write.collection, row: result.row };
    });
    return { kind: 'committed', rows };
  });
  try {
    return run.immediate();
  } catch (thrown) {
    // better-sqlite3 has rolled back by the time the transaction function's exception reaches us.
    if (thrown instanceof Refused) return thrown.result;
    throw thrown;
  }
}
