import { describe, expect, it } from 'vitest';
import { assignSlugs, maxSlugLength } from './assign-slugs';

describe('assignSlugs', () => {
  it.each<[string, Array<[string, string]>, Array<[string, string]>, Array<[string, string]>]>([
    ['distinct bases are kept', [['a', 'laddu'], ['b', 'kumkum']], [], [['a', 'laddu'], ['b', 'kumkum']]],
    ['the first keeps a shared base, the next get -2, -3', [['a', 'laddu'], ['b', 'laddu'], ['c', 'laddu']], [], [['a', 'laddu'], ['b', 'laddu-2'], ['c', 'laddu-3']]],
    ['a slug held outside the run is never reused', [['a', 'laddu']], [['laddu', 'demo-1']], [['a', 'laddu-2']]],
    ['a document keeps the slug it already holds (a second run)', [['a', 'laddu']], [['laddu', 'a']], [['a', 'laddu']]],
    ['a suffix never lands on a slug already taken', [['a', 'laddu'], ['b', 'laddu-2'], ['c', 'laddu']], [], [['a', 'laddu'], ['b', 'laddu-2'], ['c', 'laddu-3']]],
  ])('%s', (_case, requests, taken, expected) => {
    const { slugs } = assignSlugs(requests.map(([id, base]) => ({ id, base })), new Map(taken));
    expect([...slugs]).toEqual(expected);
  });

  it('reports every clash with who holds the wanted slug', () => {
    const { clashes } = assignSlugs([{ id: 'a', base: 'laddu' }, { id: 'b', base: 'laddu' }]);
    expect(clashes).toEqual([{ id: 'b', wanted: 'laddu', slug: 'laddu-2', heldBy: 'a' }]);
  });

  it('keeps a suffixed slug within the length limit', () => {
    const base = 'x'.repeat(maxSlugLength);
    const { slugs } = assignSlugs([{ id: 'a', base }, { id: 'b', base }]);
    expect(slugs.get('b')).toHaveLength(maxSlugLength);
    expect(slugs.get('b')!.endsWith('-2')).toBe(true);
  });
});
