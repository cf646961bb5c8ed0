import { describe, expect, it } from 'vitest';
import { inLedgerOrder, withEntry, type LedgerEntry } from './ledger';

const entry = (id: string, status: LedgerEntry['status'] = 'applied'): LedgerEntry => ({ id, status, startedAt: 't', finishedAt: 't' });

describe('the ledger as data', () => {
  it('keeps entries in id order, as list() returns them', () => {
    expect(inLedgerOrder([entry('b'), entry('c'), entry('a')]).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('records an entry by replacing the one of the same id, or adding it in its place', () => {
    const ledger = [entry('a'), entry('c', 'failed')];
    expect(withEntry(ledger, entry('c'))).toEqual([entry('a'), entry('c')]);
    expect(withEntry(ledger, entry('b'))).toEqual([entry('a'), entry('b'), entry('c', 'failed')]);
    expect(ledger).toEqual([entry('a'), entry('c', 'failed')]);
  });
});
