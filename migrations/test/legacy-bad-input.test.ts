/**
 * Bad legacy input: the run is refused before anything is written (no backup, no document),
 * and the refusal lists every problem, each naming the file line or document and what is wrong.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '@oa/sync-server/storage';
import { MigrationError } from '../src/errors';
import { openFolderSource } from '../src/legacy/folder/open-folder-source';
import { runLegacyMerge } from '../src/legacy/run-legacy-merge';
import { adminId, legacyCollectionsFixture, userId, writeLegacyExport, type Ejson } from './legacy-fixture';
import { checkpoints, createSqliteTarget, type SqliteTarget } from './sqlite-target';

let target: SqliteTarget;
let storage: Storage;
beforeEach(async () => {
  target = createSqliteTarget();
  storage = await target.open({ ensure: true });
});
afterEach(async () => {
  await target.cleanup();
});

async function refusal(folder: string): Promise<MigrationError> {
  const error = await runLegacyMerge({ source: openFolderSource(folder), storage }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

async function expectNothingChanged(folder: string): Promise<void> {
  expect(Object.values(await checkpoints(storage))).toEqual(Array(11).fill(0));
  expect(readdirSync(folder).filter((name) => name.includes('_backup'))).toEqual([]);
}

function withChanges(change: (data: Record<string, Ejson[]>) => void): string {
  const data = legacyCollectionsFixture();
  change(data);
  return writeLegacyExport(data);
}

describe('bad legacy input', () => {
  it('lists every problem at once, naming each document, and writes nothing', async () => {
    const folder = withChanges((data) => {
      data.adminproducts![2]!.price = 'abc';
      delete data.adminproducts![4]!.name;
      data.adminproducts![5]!.stock = -2;
      // A user-only product with no price and no name on either side.
      delete data.products![30]!.price;
      delete data.products![30]!.title;
    });
    const error = await refusal(folder);
    expect(error.code).toBe('INVALID_LEGACY_DATA');
    expect(error.problems.map((p) => [p.code, p.where])).toEqual(expect.arrayContaining([
      ['UNPARSEABLE_PRICE', `adminproducts.json line 3 (_id ${adminId(3)})`],
      ['INVALID_FIELD', `adminproducts.json line 6 (_id ${adminId(6)})`],
      ['MISSING_FIELD', expect.stringContaining(`(_id ${userId(31)})`)],
    ]));
    expect(error.problems.find((p) => p.code === 'UNPARSEABLE_PRICE')?.message).toBe('price "abc": not a number');
    expect(error.problems.find((p) => p.code === 'MISSING_FIELD')?.message).toBe('no name and no price on either backend');
    // Admin 5 lost its name but user product 5 (same ObjectId) has one: merged, not a problem.
    expect(error.problems.some((p) => p.where.includes(adminId(5)))).toBe(false);
    expect(error.problems).toHaveLength(3);
    await expectNothingChanged(folder);
  });

  it('names the line of a malformed export file', async () => {
    const folder = writeLegacyExport();
    const lines = legacyCollectionsFixture().adminproducts!.map((doc) => JSON.stringify(doc));
    lines[7] = lines[7]!.slice(0, 40);
    writeFileSync(join(folder, 'adminproducts.json'), lines.join('\n'));
    const error = await refusal(folder);
    expect(error.problems).toEqual([expect.objectContaining({ code: 'MALFORMED_EXPORT', where: 'adminproducts.json line 8' })]);
    await expectNothingChanged(folder);
  });

  it('refuses two documents with one _id', async () => {
    const folder = withChanges((data) => {
      data.adminproducts![1]!._id = data.adminproducts![0]!._id;
    });
    const error = await refusal(folder);
    expect(error.problems).toEqual([expect.objectContaining({ code: 'DUPLICATE_ID', where: expect.stringContaining('adminproducts.json line 2') })]);
    await expectNothingChanged(folder);
  });

  it('refuses a product whose category id is in no export', async () => {
    const folder = withChanges((data) => {
      data.adminproducts![0]!.category = { $oid: 'ffffffffffffffffffffffff' };
    });
    const error = await refusal(folder);
    expect(error.problems).toEqual([expect.objectContaining({ code: 'INVALID_FIELD', message: expect.stringContaining('ffffffffffffffffffffffff') })]);
  });

  it('resolves a slug clash with a suffix and names it, rather than refusing', async () => {
    const folder = withChanges((data) => {
      data.adminproducts![0]!.slug = 'product-2';
    });
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(report.slugClashes).toEqual(expect.arrayContaining([{ id: adminId(2), wanted: 'product-2', slug: 'product-2-2', heldBy: adminId(1) }]));
  });

  it('says plainly when the export folder does not exist', () => {
    expect(() => openFolderSource('/no/such/folder')).toThrow(expect.objectContaining({ code: 'LEGACY_SOURCE_UNAVAILABLE' }));
  });

  it('skips, with a reason, a source without product collections', async () => {
    const folder = withChanges((data) => {
      delete data.adminproducts;
      delete data.products;
    });
    const report = await runLegacyMerge({ source: openFolderSource(folder), storage });
    expect(report.skipped).toMatch(/nothing to merge/);
    expect(existsSync(join(folder, 'orders_backup.json'))).toBe(false);
  });
});
