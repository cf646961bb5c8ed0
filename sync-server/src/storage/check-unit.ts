/**
 * Pure: what every adapter checks of a unit of work before anything reaches the database: each
 * write's document carries the write's id, and no document appears twice (a unit states each
 * document's one new state; two states of one document in one unit is a planner's mistake).
 */
import { StorageError } from './errors';
import type { UnitWrite } from './port';

export function checkUnit(writes: readonly UnitWrite[]): void {
  const seen = new Set<string>();
  for (const write of writes) {
    if (typeof write.id !== 'string' || write.doc.id !== write.id) {
      throw new StorageError('INVALID_REQUEST', `document id ${String(write.doc.id)} does not match the write's id ${String(write.id)}`);
    }
    const key = `${write.collection}/${write.id}`;
    if (seen.has(key)) throw new StorageError('INVALID_REQUEST', `${key} appears twice in one unit of work`);
    seen.add(key);
  }
}
