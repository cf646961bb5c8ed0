/**
 * Starts the sync server: configuration, the logger and the metrics, the database (collections
 * and indexes), the first admin and the demo catalogue on an empty database, authentication, the
 * live stream hub and the HTTP app; on SIGTERM or SIGINT, a graceful shutdown (shutdown/). The
 * only file that listens. Bad configuration stops it here with a clear message.
 */
import { collectionNames, collections } from '@oa/schema';
import { createApp } from './app';
import { createAuth } from './auth/create-auth';
import { ensureFirstAdmin } from './auth/first-admin';
import { createPasswordHasher } from './auth/passwords';
import { ConfigError, loadConfig } from './config';
import { createRequestDrain } from './http/create-request-drain';
import { createLogger } from './logging/create-logger';
import { createMetrics } from './metrics/create-metrics';
import { instrumentStorage } from './metrics/instrument-storage';
import { createRules } from './replication/rules/create-rules';
import { createStreamHub } from './replication/stream-hub';
import { seedDemoCatalog } from './seed/demo-catalog';
import { shutDown } from './shutdown/shut-down';
import { createStorage } from './storage/create-storage';
import { StorageError } from './storage/errors';

/** Past the shutdown's own bound, should closing the database itself hang: exit regardless. */
const closeDatabaseMarginMs = 5000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = await createLogger(config.log);
  const log = (message: string): void => logger.info(message);
  // None at all when off: no registry, no timing of the database.
  const metrics = config.metrics.kind === 'off' ? undefined : createMetrics();
  const now = (): Date => new Date();
  const opened = await createStorage(config.database, {
    // The storage's own errors carry a message meant for operators (e.g. "polling: no change
    // streams here"); anything else is unexpected and logged whole.
    onFeedError: (error) =>
      error instanceof StorageError ? logger.error({ code: error.code }, `change feed: ${error.message}`) : logger.error({ err: error }, 'change feed failed'),
    // SQLite: the WAL checkpointed off the event loop, every 100 ms (start-checkpointer.ts).
    checkpointIntervalMs: 100,
  });
  const storage = metrics ? instrumentStorage(opened, metrics) : opened;
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
    logger.warn(`warning: ${why} (development only); ${fix}`);
  }
  await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  const passwords = createPasswordHasher();
  await ensureFirstAdmin({ storage, passwords, email: config.firstAdmin.email, password: config.firstAdmin.password, now, log });
  if (config.seedDemoCatalog && (await seedDemoCatalog(storage, now())).seeded) log('seeded the demo catalogue');
  const auth = await createAuth({ storage, config, now, passwords });
  const hub = createStreamHub(storage.changes, { limits: config.streams });
  const drain = createRequestDrain();
  // One delivery rule from configuration: orders are priced with it, GET /shop shows it.
  const rules = createRules({ delivery: config.delivery, ...(metrics ? { onOrder: metrics.observeOrder } : {}) });
  const app = createApp({ storage, auth, hub, rules, delivery: config.delivery, now, diagnostics: config.diagnostics,
    trustProxy: config.trustProxy, corsOrigins: config.corsOrigins, minClientProtocol: config.minClientProtocol,
    logger, metrics, metricsAccess: config.metrics, drain,
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
  log(`metrics: ${config.metrics.kind === 'off' ? 'off' : `GET /metrics (${config.metrics.kind === 'open' ? 'open to anyone' : 'bearer token'})`}`);

  let stopping = false;
  const stop = (signal: string): void => {
    // Once: a second signal (tsx relays one, a supervisor may send another) must not start
    // another shutdown or cut this one short.
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error('shutdown: the database did not close in time; exiting anyway');
      process.exit(1);
    }, config.shutdownTimeoutMs + closeDatabaseMarginMs).unref();
    shutDown({ server, drain, hub, storage, logger, timeoutMs: config.shutdownTimeoutMs }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
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
