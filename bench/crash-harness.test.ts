/**
 * A short run of the crash harness (bench/crash-harness.ts): a few SIGKILLs of the real server
 * while shoppers order and an admin confirms and cancels; nothing acknowledged lost, nothing
 * doubled, every order with its one payment, stock equal to the initial less the live orders.
 * On SQLite, and on the MongoDB replica set (transactions; a standalone is not all or nothing):
 * there a stand-in of its own, since the stand-in serialises transactions behind one lock that a
 * killed server's open transaction holds until the stand-in sees its connections close, which
 * would stall every other test sharing it (MongoDB locks per document and has no such stall).
 */
import { describe, expect, it } from 'vitest';
import { startStandin, type RunningStandin } from '../scripts/mongo-standin/start-standin';
import { testDatabase, withDatabaseName } from '../scripts/mongo-standin/test-database';
import { dropDatabase } from '../sync-server/test/test-storage';
import { runCrashHarness } from './crash-harness';

describe('the crash harness', () => {
  it('finds nothing lost, doubled or half-written after the server is killed mid-work', { timeout: 120_000 }, async () => {
    const database = testDatabase();
    let own: RunningStandin | undefined;
    // Transactions a killed server left open are aborted after 3 s (MongoDB's
    // transactionLifetimeLimitSeconds, 60 by default, does the same), not the stand-in's 60 s.
    if (database.kind === 'mongodb' && !process.env.MONGODB_TEST_URL) own = await startStandin('replset', { env: { MJS_TXN_LIFETIME_MS: '3000' } });
    const server = own?.url ?? (database.kind === 'mongodb' ? database.url : undefined);
    const databaseUrl = server ? withDatabaseName(server, `oa_crash_${Date.now()}`) : undefined;
    const lines: string[] = [];
    try {
      const report = await runCrashHarness({ kills: 4, shoppers: 6, maxMs: 60_000, log: (line) => lines.push(line), ...(databaseUrl ? { databaseUrl } : {}) });
      expect(report.kills).toBe(4);
      expect(report.acknowledged).toBeGreaterThan(0);
      expect({ lost: report.lost, duplicated: report.duplicated, badPayments: report.badPayments, badStock: report.badStock }).toEqual({
        lost: 0,
        duplicated: 0,
        badPayments: 0,
        badStock: 0,
      });
      expect(report.integrity).toMatch(/^(ok|n\/a)/);
    } finally {
      // Its own stand-in goes, memory and all (a killed server's transaction may still hold its
      // lock); a real MongoDB's throwaway database is dropped.
      if (own) await own.stop();
      else if (databaseUrl) await dropDatabase(databaseUrl);
    }
  });
});
