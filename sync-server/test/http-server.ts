/** Test helper: the real app on a real SQLite file and a free port, torn down after. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionNames, collections } from '@oa/schema';
import { createApp } from '../src/app';
import { openSqliteStorage, type Storage } from '../src/storage';

export interface TestServer {
  readonly url: string;
  readonly storage: Storage;
  readonly errors: unknown[];
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'oa-http-'));
  const storage = await openSqliteStorage({ path: join(folder, 'platform.db') });
  await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  const errors: unknown[] = [];
  const server = createApp({ storage, log: (_message, error) => errors.push(error) }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    storage,
    errors,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await storage.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
