import { describe, expect, it } from 'vitest';
import { matchesAllWords, toSearchWords } from './search-words';

describe('searching lists', () => {
  it.each([
    ['laddu', 'Annavaram Laddū', true],
    ['LADDU 250', 'Laddu, 250 g', true],
    ['sita@example', 'Sita Devi sita@example.in', true],
    ['oa-20260301-b2', 'OA-20260301-B2', true],
    ['laddu pulihora', 'Laddu', false],
    ['', 'anything', true],
  ])('finds %j in %j: %s', (search, text, found) => {
    expect(matchesAllWords(text, toSearchWords(search))).toBe(found);
  });
});
