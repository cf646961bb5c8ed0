// One test run for every workspace: unit tests beside the code (src/**/*.test.ts) and
// integration tests under each package's test/; scripts/ holds the repository's own checks
// (the dependency direction). Two workers: these machines have two cores.
//
// Three projects. `sqlite` runs everything on embedded SQLite. `mongodb-replset` and
// `mongodb-standalone` run the storage contract, the migrations' MongoDB suite, the sync server's
// HTTP suites and real server processes again, the same files, on MongoDB: a one-member replica
// set (change streams, transactions) and a standalone (polling). Their global set-up starts the
// MongoDB stand-in (../shared/mongo-standin) or uses MONGODB_TEST_URL /
// MONGODB_STANDALONE_TEST_URL. Without Java they are left out, said in one line; in CI never.
import { defineConfig } from 'vitest/config';
import { standinUnavailableReason } from './scripts/mongo-standin/start-standin.ts';

const shared = {
  exclude: ['**/node_modules/**', '**/dist/**'],
  testTimeout: 20_000,
  hookTimeout: 30_000,
};

/** Files that speak to a database only through the test helpers, so they run on every database. */
const onEveryDatabase = [
  'sync-server/test/access-matrix.test.ts',
  'sync-server/test/admin-accounts.test.ts',
  'sync-server/test/admins-sync.test.ts',
  'sync-server/test/auth-first-admin.test.ts',
  'sync-server/test/auth-refresh.test.ts',
  'sync-server/test/auth-routes.test.ts',
  'sync-server/test/auth-sessions.test.ts',
  'sync-server/test/auth-tokens.test.ts',
  'sync-server/test/health.test.ts',
  'sync-server/test/orders.test.ts',
  'sync-server/test/photos.test.ts',
  'migrations/test/one-review-per-shopper.test.ts',
  'sync-server/test/pull.test.ts',
  'sync-server/test/rate-limit.test.ts',
  'sync-server/test/fuzz.test.ts',
  'sync-server/test/push.test.ts',
  'sync-server/test/stream.test.ts',
  'sync-server/test/start.test.ts',
  'sync-server/test/storage-contract.test.ts',
  'sync-server/test/several-processes.test.ts',
  'client-sync/test/replication.test.ts',
  'migrations/test/verify.test.ts',
  'migrations/test/backup-photos.test.ts',
];
/** Files about MongoDB alone (the adapter's contract run, the migrations against MongoDB). */
const mongodbOnly = ['sync-server/test/database-timeouts.test.ts', 'sync-server/test/mongodb-legacy-documents.test.ts', 'migrations/test/mongodb-migrations.test.ts'];
/** What needs a replica set: the transactions' retry path. */
const replsetOnly = ['sync-server/test/mongodb-unit-retries.test.ts'];
/**
 * Run on SQLite and again on the replica set, as in production: one browser flow (offline order,
 * back online, a status change live) and the crash harness's short run (all or nothing needs
 * transactions, which a standalone does not have).
 */
const alsoOnReplset = ['e2e/shop-order-offline.test.ts', 'bench/crash-harness.test.ts'];

const unavailable = process.env.MONGODB_TEST_URL ? undefined : standinUnavailableReason();
if (unavailable && process.env.CI) throw new Error(`CI runs the MongoDB suites, but ${unavailable}`);
if (unavailable) console.warn(`MongoDB suites skipped: ${unavailable}; SQLite runs everything`);

/** What a standalone alone shows: the server refusing it in production. */
const standaloneOnly = ['sync-server/test/mongodb-standalone-production.test.ts'];

const mongodbProject = (topology: 'replset' | 'standalone') => ({
  test: {
    ...shared,
    name: `mongodb-${topology}`,
    include: [...onEveryDatabase, ...mongodbOnly, ...(topology === 'replset' ? [...replsetOnly, ...alsoOnReplset] : standaloneOnly)],
    globalSetup: ['scripts/mongo-standin/vitest-global-setup.ts'],
  },
});

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'sqlite',
          include: ['*/src/**/*.test.{ts,tsx}', '*/build/**/*.test.ts', 'migrations/documents/src/**/*.test.ts', '*/test/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...shared.exclude, ...mongodbOnly, ...replsetOnly, ...standaloneOnly],
        },
      },
      ...(unavailable ? [] : [mongodbProject('replset'), mongodbProject('standalone')]),
    ],
  },
});
