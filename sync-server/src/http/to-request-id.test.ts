import { describe, expect, it } from 'vitest';
import { toRequestId } from './to-request-id';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('toRequestId', () => {
  it.each(['b7c1e9d2-0c4e-4a51-9d4f-3f0c2a8b1e77', '01HZX3Q5V8K2N4M6P8R0T2W4Y6', 'edge-1:42.7'])('keeps a short plain id from the caller: %s', (id) => {
    expect(toRequestId(id)).toBe(id);
  });

  it.each([
    ['nothing', undefined],
    ['an empty header', ''],
    ['an id too long to keep', 'a'.repeat(65)],
    ['a newline that would forge a log line', 'abc\n{"level":50}'],
    ['quotes and spaces', 'id "with" spaces'],
    ['the header sent twice', ['one', 'two']],
  ])('makes a new id for %s', (_what, given) => {
    expect(toRequestId(given)).toMatch(uuid);
  });
});
