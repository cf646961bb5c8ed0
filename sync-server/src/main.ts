/**
 * Starts the sync server: configuration, the database (collections and indexes), the first
 * admin and the demo catalogue on an empty database, authentication, the live stream hub and
 * the HTTP app. The only file that listens. Bad configuration stops it here with a clear message.
 */
import { collectionNames, collections } from '@oa/schema';
import { createApp } from './app';
import { createAuth } from './auth/create-auth';
import { ensureFirstAdmin } from './auth/first-admin';
import { createPasswordHasher } from './auth/passwords';
import { ConfigError, loadConfig } from './config';
import { createRules } from './replication/rules/create-rules';
import { createStreamHub } from './replication/stream-hub';
import { seedDemoCatalog } from './seed/demo-catalog';
import { createStorage } from './storage/create-storage';
import { StorageError } from './storage/errors';

const log = (message: string): void => console.log(`[sync-server] ${message}`);

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const now = (): Date => new Date();
  const storage = await createStorage(config.database, {
    // The storage's own errors carry a message meant for operators (e.g. "polling: no change
    // streams here"); anything else is unexpected and logged whole.
    onFeedError: (error) => console.error('[sync-server] change feed:', error instanceof StorageError ? error.message : error),
    // SQLite: the WAL checkpointed off the event loop, every 100 ms (start-checkpointer.ts).
    checkpointIntervalMs: 100,
  });
  if (!storage.atomicUnits) {
    // Orders, stock and payments are written together or not at all (units of work), which on
    // MongoDB needs transactions, which need a replica set. A standalone applies them one by one:
    // a crash in between would leave half an order. Fine to develop against; never in production.
    const why = 'this MongoDB is a standalone server: no transactions, so an order, its stock and its payment cannot be written all or nothing';
    const fix = 'run it as a replica set (Atlas is one; one mongod can be a one-member set: mongod --replSet rs0, then rs.initiate())';
    if (config.production) {
      await storage.close();
      throw new ConfigError([`DATABASE_URL: ${why}; ${fix}`]);
    }
    log(`warning: ${why} (development only); ${fix}`);
  }
  await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  const passwords = createPasswordHasher();
  await ensureFirstAdmin({ storage, passwords, email: config.firstAdmin.email, password: config.firstAdmin.password, now, log });
  if (config.seedDemoCatalog && (await seedDemoCatalog(storage, now())).seeded) log('seeded the demo catalogue');
  const auth = await createAuth({ storage, config, now, passwords });
  const hub = createStreamHub(storage.changes, { limits: config.streams });
  // One delivery rule from configuration: orders are priced with it, GET /shop shows it.
  const app = createApp({ storage, auth, hub, rules: createRules({ delivery: config.delivery }), delivery: config.delivery, now, diagnostics: config.diagnostics,
    trustProxy: config.trustProxy, corsOrigins: config.corsOrigins, minClientProtocol: config.minClientProtocol,
  });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.database.kind === 'sqlite' ? config.database.path : 'MongoDB';
  log(`listening on http://localhost:${port} (database: ${storage.kind}, ${where})`);

  let stopping = false;
  const stop = (signal: string): void => {
    // Once: a second signal (tsx relays one, a supervisor may send another) must not start
    // another shutdown or cut this one short.
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    hub.close();
    server.close(() => void storage.close().then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`[sync-server] ${error.message}`);
  } else if (error instanceof StorageError) {
    console.error(`[sync-server] cannot open the database (${error.code}): ${error.message}`);
  } else if ((error as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    console.error(`[sync-server] the port is already in use; set PORT to a free one`);
  } else {
    console.error('[sync-server] failed to start:', error);
  }
  process.exit(1);
});
