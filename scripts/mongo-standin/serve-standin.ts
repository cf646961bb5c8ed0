/**
 * `npm run mongo:standin [-- --standalone]`: starts the MongoDB stand-in (a test double, memory
 * only: everything is gone when it stops) and prints the DATABASE_URL to try the platform on
 * "MongoDB" on a machine with no mongod. Stops on Ctrl-C. Not for production: use a replica set.
 */
import { defaultDatabaseName } from '../../sync-server/src/storage/mongodb/database-name-from-url';
import { startStandin, withDatabaseName } from './start-standin';

const topology = process.argv.includes('--standalone') ? 'standalone' : 'replset';
const standin = await startStandin(topology);
const url = withDatabaseName(standin.url, defaultDatabaseName);
console.log(`MongoDB stand-in (${topology === 'replset' ? 'one-member replica set rs0' : 'standalone'}), in memory only.`);
console.log(`Try: DATABASE_URL='${url}' npm start`);
const stop = (): void => void standin.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
