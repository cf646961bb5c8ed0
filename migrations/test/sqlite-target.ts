/** Test helper: a real SQLite database file in its own temporary folder, through the project's adapter. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionNames, collections } from '@oa/schema';
import { openSqliteStorage, type Storage } from '@oa/sync-server/storage';

export interface SqliteTarget {
  readonly folder: string;
  readonly path: string;
  readonly url: string;
  open(options?: { ensure?: boolean }): Promise<Storage>;
  cleanup(): Promise<void>;
}

export function createSqliteTarget(): SqliteTarget {
  const folder = mkdtempSync(join(tmpdir(), 'oa-migrate-'));
  const path = join(folder, 'platform.db');
  const handles: Storage[] = [];
  return {
    folder,
    path,
    url: `file:${path}`,
    async open({ ensure = false } = {}) {
      const storage = await openSqliteStorage({ path, pollIntervalMs: 0 });
      handles.push(storage);
      if (ensure) await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
      return storage;
    },
    async cleanup() {
      for (const handle of handles) await handle.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Every collection's latest sequence number: equal before and after means nothing was written. */
export async function checkpoints(storage: Storage): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(collectionNames.map(async (name) => [name, await storage.latestCheckpoint(name)] as const)));
}
