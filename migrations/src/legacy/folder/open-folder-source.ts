/**
 * The legacy source as a folder of `mongoexport` files, one per collection: `adminproducts.json`,
 * `products.json`, and optionally `categories.json`, `orders.json`, `reviews.json`,
 * `cart_items.json`, `wishlists.json`. Backups are written beside them as `<name>_backup.json`,
 * byte for byte. Nothing here writes to the originals. No driver is loaded.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MigrationError } from '../../errors';
import { parseExport } from '../export/parse-export';
import { backupNameOf, type LegacyCollection } from '../legacy-record';
import type { LegacySource } from '../legacy-source';

export function openFolderSource(folder: string): LegacySource {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new MigrationError('LEGACY_SOURCE_UNAVAILABLE', `the legacy export folder ${root} does not exist`);
  }
  const fileOf = (name: string): string => join(root, `${name}.json`);
  const readFile = (path: string, label: string) => {
    try {
      return parseExport(readFileSync(path, 'utf8'), label);
    } catch (cause) {
      throw new MigrationError('LEGACY_SOURCE_UNAVAILABLE', `cannot read ${path}: ${(cause as Error).message}`, [], { cause });
    }
  };
  return {
    description: `folder ${root}`,
    async read(collection) {
      const backup = fileOf(backupNameOf(collection));
      if (existsSync(backup)) return readFile(backup, `${backupNameOf(collection)}.json`);
      const original = fileOf(collection);
      return existsSync(original) ? readFile(original, `${collection}.json`) : undefined;
    },
    async backUp(collection: LegacyCollection) {
      const backupName = backupNameOf(collection);
      const backup = fileOf(backupName);
      if (existsSync(backup)) {
        return { collection, backup: `${backupName}.json`, count: readFile(backup, `${backupName}.json`).records.length, created: false };
      }
      // Copy under a temporary name, then rename: a crash mid-copy never leaves a partial file
      // that a later run would take for the originals.
      const partial = `${backup}.partial`;
      rmSync(partial, { force: true });
      copyFileSync(fileOf(collection), partial);
      renameSync(partial, backup);
      return { collection, backup: `${backupName}.json`, count: readFile(backup, `${backupName}.json`).records.length, created: true };
    },
    async countInPlace() {
      return {};
    },
    async retireInPlace() {
      return 0;
    },
    async close() {},
  };
}
