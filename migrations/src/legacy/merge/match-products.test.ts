import { describe, expect, it } from 'vitest';
import { matchProducts } from './match-products';
import type { LegacyProduct, LegacyProductFields } from './read-legacy-product';

const product = (side: 'admin' | 'user', id: string, fields: LegacyProductFields): LegacyProduct => ({ side, id, where: id, fields, dropped: [] });
const summary = (groups: ReturnType<typeof matchProducts>) => groups.map((g) => [g.admin?.id ?? null, g.user?.id ?? null, g.by ?? null]);

describe('matchProducts', () => {
  it.each<[string, LegacyProduct[], LegacyProduct[], Array<[string | null, string | null, string | null]>]>([
    ['the same ObjectId', [product('admin', 'a1', { name: 'Laddu' })], [product('user', 'a1', { name: 'Other name' })], [['a1', 'a1', 'id']]],
    ['the same name, case and punctuation aside', [product('admin', 'a1', { name: 'Pulihora Mix' })], [product('user', 'u1', { name: '  pulihora-MIX ' })], [['a1', 'u1', 'name']]],
    ['the same slug when names differ', [product('admin', 'a1', { name: 'Laddu 250 g', slug: 'laddu' })], [product('user', 'u1', { name: 'Laddu small', slug: 'Laddu' })], [['a1', 'u1', 'slug']]],
    ['nothing in common', [product('admin', 'a1', { name: 'Laddu' })], [product('user', 'u1', { name: 'Kumkum' })], [['a1', null, null], [null, 'u1', null]]],
    [
      'an id match is preferred over a name match',
      [product('admin', 'a1', { name: 'Laddu' }), product('admin', 'a2', { name: 'Kumkum' })],
      [product('user', 'a2', { name: 'Laddu' })],
      [['a1', null, null], ['a2', 'a2', 'id']],
    ],
    [
      'one to one: a second admin product with the same name stays separate',
      [product('admin', 'a1', { name: 'Laddu' }), product('admin', 'a2', { name: 'laddu' })],
      [product('user', 'u1', { name: 'Laddu' })],
      [['a1', 'u1', 'name'], ['a2', null, null]],
    ],
    [
      'two products of the same backend are never merged',
      [product('admin', 'a1', { name: 'Laddu' }), product('admin', 'a2', { name: 'Laddu' })],
      [],
      [['a1', null, null], ['a2', null, null]],
    ],
    ['a name with no latin letters matches nothing by name', [product('admin', 'a1', { name: 'లడ్డు' })], [product('user', 'u1', { name: 'లడ్డు' })], [['a1', null, null], [null, 'u1', null]]],
  ])('%s', (_case, admins, users, expected) => {
    expect(summary(matchProducts(admins, users))).toEqual(expected);
  });
});
