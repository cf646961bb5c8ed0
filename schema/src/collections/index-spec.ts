/**
 * Database indexes as data, declared beside each collection and created by every storage
 * adapter the same way (SQLite expression indexes, MongoDB createIndexes).
 */
export type IndexDirection = 1 | -1;

export interface IndexSpec {
  /** Stable name, the same in every adapter, so an index can be checked for by name. */
  readonly name: string;
  readonly fields: ReadonlyArray<readonly [field: string, direction: IndexDirection]>;
  /** Unique among live documents (soft-deleted ones and ones without the field are exempt). */
  readonly unique?: boolean;
}
