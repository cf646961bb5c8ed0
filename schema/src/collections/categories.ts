/** Categories: the shop's aisles. Shoppers see only active ones. */
import { z } from 'zod';
import { documentFields, slugSchema, urlSchema } from '../fields';
import type { IndexSpec } from './index-spec';

export const categoryVersion = 0;

export const categorySchema = z.strictObject({
  ...documentFields,
  name: z.string().min(1).max(100),
  slug: slugSchema,
  description: z.string().max(1000).optional(),
  imageUrl: urlSchema.optional(),
  sortOrder: z.int().min(0).max(10_000),
  isActive: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;

export const categoryIndexes: readonly IndexSpec[] = [
  { name: 'categories_slug', fields: [['slug', 1]], unique: true },
  { name: 'categories_isActive', fields: [['isActive', 1]] },
];

/** The order categories are shown in, in the shop and the admin app alike: by sortOrder, then name. */
export function compareCategories(a: Pick<Category, 'sortOrder' | 'name'>, b: Pick<Category, 'sortOrder' | 'name'>): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'en-IN');
}
