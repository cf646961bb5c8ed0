/**
 * Which admin product and which user product are the same product. In three passes, each pairing
 * only products still unmatched, one to one, in input order:
 *   1. the same `_id` (both backends wrote the same ObjectId);
 *   2. the same normalised name (`toSlug(name)`: case, spacing, punctuation and accents ignored);
 *   3. the same normalised slug, when both have one.
 * Two products of the same backend are never merged (they stay two products, the slug rule
 * tells them apart). Pure.
 */
import type { LegacyProduct } from './read-legacy-product';
import { toSlug } from './to-slug';

export type MatchRule = 'id' | 'name' | 'slug';

export interface ProductGroup {
  readonly admin?: LegacyProduct;
  readonly user?: LegacyProduct;
  /** How the two were matched; absent for a product only one backend had. */
  readonly by?: MatchRule;
}

const keyOf: Record<MatchRule, (p: LegacyProduct) => string | undefined> = {
  id: (p) => p.id,
  name: (p) => (p.fields.name ? toSlug(p.fields.name) || undefined : undefined),
  slug: (p) => (p.fields.slug ? toSlug(p.fields.slug) || undefined : undefined),
};

export function matchProducts(admins: readonly LegacyProduct[], users: readonly LegacyProduct[]): ProductGroup[] {
  const partner = new Map<LegacyProduct, { user: LegacyProduct; by: MatchRule }>();
  const taken = new Set<LegacyProduct>();
  for (const rule of ['id', 'name', 'slug'] as const) {
    const byKey = new Map<string, LegacyProduct[]>();
    for (const user of users) {
      const key = keyOf[rule](user);
      if (key === undefined || taken.has(user)) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), user]);
    }
    for (const admin of admins) {
      const key = keyOf[rule](admin);
      if (key === undefined || partner.has(admin)) continue;
      const user = byKey.get(key)?.find((candidate) => !taken.has(candidate));
      if (!user) continue;
      partner.set(admin, { user, by: rule });
      taken.add(user);
    }
  }
  return [
    ...admins.map((admin) => {
      const match = partner.get(admin);
      return match ? { admin, user: match.user, by: match.by } : { admin };
    }),
    ...users.filter((user) => !taken.has(user)).map((user) => ({ user })),
  ];
}
