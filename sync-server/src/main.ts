/**
 * Starts the sync server: configuration, the database (collections and indexes), the HTTP app.
 * The only file that listens. Bad configuration stops it here with a clear message.
 */
import { collectionNames, collections } from '@oa/schema';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createStorage } from './storage/create-storage';
import { StorageError } from './storage/errors';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const storage = await createStorage(config.database, {
    onFeedError: (error) => console.error('[sync-server] change feed:', error),
  });
  await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  const app = createApp({ storage });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.database.kind === 'sqlite' ? config.database.path : 'MongoDB';
  console.log(`[sync-server] listening on http://localhost:${port} (database: ${storage.kind}, ${where})`);

  const stop = (signal: string): void => {
    console.log(`[sync-server] ${signal}: shutting down`);
    server.close(() => void storage.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
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
