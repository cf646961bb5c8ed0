import { describe, expect, it } from 'vitest';
import type { Storage } from '../storage/port';
import { instrumentStorage } from './instrument-storage';

function fakeStorage(): Storage {
  const changes = { subscribe: () => () => undefined };
  return {
    kind: 'sqlite',
    atomicUnits: true,
    changes,
    latestCheckpoint: async () => 7,
    findOne: async () => {
      throw new Error('unreachable database');
    },
    close: async () => undefined,
  } as unknown as Storage;
}

describe('instrumentStorage', () => {
  it('times each operation under its name, errors apart, and hands results and errors on unchanged', async () => {
    const observed: Array<[string, 'ok' | 'error']> = [];
    const storage = fakeStorage();
    const timed = instrumentStorage(storage, { observeDatabase: (operation, seconds, outcome) => {
      expect(seconds).toBeGreaterThanOrEqual(0);
      observed.push([operation, outcome]);
    } });
    expect(await timed.latestCheckpoint('products')).toBe(7);
    await expect(timed.findOne('products', {})).rejects.toThrow('unreachable database');
    await timed.close();
    expect(observed).toEqual([['latestCheckpoint', 'ok'], ['findOne', 'error']]);
  });

  it('passes plain values through: the kind, atomicity and the change feed itself', () => {
    const storage = fakeStorage();
    const timed = instrumentStorage(storage, { observeDatabase: () => undefined });
    expect([timed.kind, timed.atomicUnits, timed.changes]).toEqual([storage.kind, storage.atomicUnits, storage.changes]);
    expect(timed.changes).toBe(storage.changes);
  });
});
