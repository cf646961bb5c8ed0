/**
 * A Dexie middleware for RxDB's IndexedDB storage (Dexie's documented DBCore extension point,
 * installed through the storage's `onCreate`): reading many documents by id asks IndexedDB once
 * for the key range they span, when that range holds few others, instead of once per id. RxDB's
 * bulkWrite reads every document it is about to write (its conflict check); a fresh device's first
 * sync writes the catalogue in batches of 2,000 into an empty table, and those reads were 10,000
 * IndexedDB requests, each answered on the main thread (a Chromium trace of the shop's first sync:
 * as many requests as the writes themselves). Any other read goes to Dexie unchanged.
 *
 * Dexie's types are described here by shape only: this package does not depend on Dexie itself.
 */

interface KeyRange {
  readonly type: number;
  readonly lower: unknown;
  readonly upper: unknown;
  readonly lowerOpen?: boolean;
  readonly upperOpen?: boolean;
}

interface Index {
  readonly extractKey: ((value: unknown) => unknown) | null;
}

interface Query {
  readonly index: Index;
  readonly range: KeyRange;
}

/** The part of Dexie's DBCoreTable this middleware uses. */
export interface CoreTable {
  readonly schema: { readonly primaryKey: Index };
  getMany(request: { trans: unknown; keys: unknown[] }): Promise<unknown[]>;
  count(request: { trans: unknown; query: Query }): Promise<number>;
  query(request: { trans: unknown; values?: boolean; query: Query }): Promise<{ result: unknown[] }>;
}

/** Dexie's DBCoreRangeType.Range (a const enum in its types). */
const rangeType = 2;
/** Below this many ids, per-id reads are few enough. */
const minKeys = 32;

/** The table with its getMany answered from one range read when that pays; otherwise unchanged. */
export function withGetManyByRange<T extends CoreTable>(table: T): T {
  return {
    ...table,
    async getMany(request) {
      const { keys } = request;
      const { primaryKey } = table.schema;
      // Strings only: IndexedDB orders them by UTF-16 code units, as JavaScript's < does.
      if (keys.length < minKeys || !primaryKey.extractKey || !keys.every((key): key is string => typeof key === 'string')) {
        return table.getMany(request);
      }
      let lower = keys[0]!;
      let upper = keys[0]!;
      for (const key of keys) {
        if (key < lower) lower = key;
        if (key > upper) upper = key;
      }
      const query: Query = { index: primaryKey, range: { type: rangeType, lower, upper, lowerOpen: false, upperOpen: false } };
      const held = await table.count({ trans: request.trans, query });
      if (held === 0) return keys.map(() => undefined);
      // A range read costs about what a read by id does per document it returns: worth it only
      // while the range holds not many more than the documents asked for.
      if (held > keys.length * 2) return table.getMany(request);
      const { result } = await table.query({ trans: request.trans, values: true, query });
      const byKey = new Map(result.map((value) => [primaryKey.extractKey!(value), value]));
      return keys.map((key) => byKey.get(key));
    },
  };
}

/** The middleware, for Dexie's `db.use()`. */
export const getManyByRange = {
  stack: 'dbcore' as const,
  name: 'getManyByRange',
  create<D extends { table(name: string): CoreTable }>(down: D): D {
    return { ...down, table: (name: string) => withGetManyByRange(down.table(name)) };
  },
};

/** RxDB's Dexie storage with the middleware: `getRxStorageDexie({ onCreate: installRangeReads })`. */
export function installRangeReads(db: { use(middleware: typeof getManyByRange): unknown }): void {
  db.use(getManyByRange);
}
