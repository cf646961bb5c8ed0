/**
 * A short run of the crash harness (bench/crash-harness.ts): a few SIGKILLs of the real server
 * while shoppers order and an admin confirms and cancels; nothing acknowledged lost, nothing
 * doubled, every order with its one payment, stock equal to the initial less the live orders.
 * On SQLite, and on the MongoDB replica set (transactions; a standalone is not all or nothing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../scripts/mongo-standin/test-database';
import { dropDatabase, freshDatabaseUrl } from '../sync-server/test/test-storage';
import { runCrashHarness } from './crash-harness';

describe('the crash harness', () => {
  it('finds nothing lost, doubled or half-written after the server is killed mid-work', { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oa-crash-test-'));
    const databaseUrl = testDatabase().kind === 'mongodb' ? freshDatabaseUrl(folder) : undefined;
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
      if (databaseUrl) await dropDatabase(databaseUrl);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
