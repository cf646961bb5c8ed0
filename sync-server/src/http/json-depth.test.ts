import { describe, expect, it } from 'vitest';
import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['"[[[{"', 0],
    ['[]', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['[[["\\"]]]"]]]', 3],
    ['{"a":"\\\\"}', 1],
    [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 10_000],
  ])('measures %s as %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});
