import { describe, expect, it } from 'vitest';
import type { Problem } from '../../errors';
import { planCategories, type KnownCategory } from './plan-categories';

const legacy = [{ where: 'categories.json line 1', doc: { _id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Prasadam' } }];
const existing: KnownCategory[] = [{ id: 'cat-books', name: 'Books', slug: 'books' }];
const now = '2026-01-01T00:00:00.000Z';

describe('planCategories', () => {
  it.each<[string, string | undefined, string]>([
    ['a legacy category id', 'aaaaaaaaaaaaaaaaaaaaaaaa', 'Prasadam'],
    ['a legacy category name, case aside', ' prasadam ', 'Prasadam'],
    ['a category the platform already has, by name', 'BOOKS', 'Books'],
    ['a category the platform already has, by slug', 'books', 'Books'],
    ['an unknown name: a new category', 'Festival Specials', 'Festival Specials'],
    ['no category at all', undefined, 'Uncategorised'],
  ])('resolves %s', (_case, value, name) => {
    const plan = planCategories(legacy, existing, [value], now, []);
    expect(plan.resolve(value)).toMatchObject({ name });
  });

  it('creates each unknown name once, and reports it', () => {
    const plan = planCategories(legacy, existing, ['Festival Specials', 'festival specials', undefined], now, []);
    expect(plan.created).toEqual(['Festival Specials', 'Uncategorised']);
    expect(plan.documents.map((d) => [d.id, d.slug])).toEqual([
      ['aaaaaaaaaaaaaaaaaaaaaaaa', 'prasadam'],
      ['cat-festival-specials', 'festival-specials'],
      ['cat-uncategorised', 'uncategorised'],
    ]);
  });

  it('refuses an unknown legacy category id: its name cannot be guessed', () => {
    const plan = planCategories(legacy, existing, ['bbbbbbbbbbbbbbbbbbbbbbbb'], now, []);
    expect(plan.resolve('bbbbbbbbbbbbbbbbbbbbbbbb')).toEqual({ problem: expect.stringContaining('is not among the categories') });
  });

  it('never reuses a slug the platform holds for another category', () => {
    const plan = planCategories([{ where: 'c', doc: { _id: 'cccccccccccccccccccccccc', name: 'Books' } }], existing, [], now, []);
    expect(plan.documents[0]).toMatchObject({ name: 'Books', slug: 'books-2' });
  });

  it('names a legacy category without a name', () => {
    const problems: Problem[] = [];
    planCategories([{ where: 'categories.json line 4', doc: { _id: 'dddddddddddddddddddddddd' } }], [], [], now, problems);
    expect(problems).toEqual([{ code: 'MISSING_FIELD', where: 'categories.json line 4 (_id dddddddddddddddddddddddd)', message: 'a category needs a name' }]);
  });
});
