/**
 * Every collection's definition in one map: its zod schema (validation of every write), the
 * RxDB schema derived from it (what the PWAs store), its version, its database indexes and its
 * legacy-alias normaliser. Server, migrations and both PWAs look collections up here.
 */
import type { z } from 'zod';
import { isFields, notAnObject, type AliasResult, type Fields } from '../aliases/alias-result';
import { toRxSchema, type RxJsonSchemaLike } from '../rxdb/to-rx-schema';
import { adminIndexes, adminSchema, adminVersion } from './admins';
import { cartItemIndexes, cartItemSchema, cartItemVersion } from './cart-items';
import { cartIndexes, cartSchema, cartVersion } from './carts';
import { categoryIndexes, categorySchema, categoryVersion } from './categories';
import type { IndexSpec } from './index-spec';
import type { CollectionName } from './names';
import { normalizeOrder, orderIndexes, orderSchema, orderVersion } from './orders';
import { paymentIndexes, paymentSchema, paymentVersion } from './payments';
import { normalizeProduct, productIndexes, productSchema, productVersion, type CategoryRef } from './products';
import { normalizeReview, reviewIndexes, reviewSchema, reviewVersion } from './reviews';
import { sessionIndexes, sessionSchema, sessionVersion } from './sessions';
import { userIndexes, userSchema, userVersion } from './users';
import { wishlistIndexes, wishlistSchema, wishlistVersion } from './wishlists';

export interface NormalizeContext {
  /** The stored document a write replaces: on an alias disagreement the side that changed wins. */
  readonly previous?: Fields | undefined;
  /** Needed by products, to resolve `category` names and `categoryId` references. */
  readonly categories?: readonly CategoryRef[];
}

export interface CollectionDefinition {
  readonly name: CollectionName;
  readonly version: number;
  readonly schema: z.ZodObject;
  readonly rxSchema: RxJsonSchemaLike;
  readonly indexes: readonly IndexSpec[];
  /** Fills in legacy alias fields; collections without aliases return the input unchanged. */
  readonly normalize: (input: unknown, context: NormalizeContext) => AliasResult;
}

function withoutAliases(input: unknown): AliasResult {
  return isFields(input) ? { ok: true, value: input } : notAnObject();
}

/**
 * A definition whose RxDB schema is derived on first read, then kept: deriving all eleven on
 * import (zod's toJSONSchema) held a phone's main thread for about 60 ms (4× CPU slowdown)
 * before the shop's first paint, and the server never reads them at all.
 */
function defineCollection(definition: Omit<CollectionDefinition, 'rxSchema'>): CollectionDefinition {
  let rxSchema: RxJsonSchemaLike | undefined;
  return {
    ...definition,
    get rxSchema() {
      rxSchema ??= toRxSchema({ name: definition.name, version: definition.version, schema: definition.schema });
      return rxSchema;
    },
  };
}

export const collections: Readonly<Record<CollectionName, CollectionDefinition>> = {
  categories: defineCollection({
    name: 'categories',
    version: categoryVersion,
    schema: categorySchema,
    indexes: categoryIndexes,
    normalize: withoutAliases,
  }),
  products: defineCollection({
    name: 'products',
    version: productVersion,
    schema: productSchema,
    indexes: productIndexes,
    normalize: (input, { previous, categories = [] }) => normalizeProduct(input, { previous, categories }),
  }),
  reviews: defineCollection({
    name: 'reviews',
    version: reviewVersion,
    schema: reviewSchema,
    indexes: reviewIndexes,
    normalize: (input, { previous }) => normalizeReview(input, { previous }),
  }),
  users: defineCollection({
    name: 'users',
    version: userVersion,
    schema: userSchema,
    indexes: userIndexes,
    normalize: withoutAliases,
  }),
  carts: defineCollection({
    name: 'carts',
    version: cartVersion,
    schema: cartSchema,
    indexes: cartIndexes,
    normalize: withoutAliases,
  }),
  cart_items: defineCollection({
    name: 'cart_items',
    version: cartItemVersion,
    schema: cartItemSchema,
    indexes: cartItemIndexes,
    normalize: withoutAliases,
  }),
  wishlists: defineCollection({
    name: 'wishlists',
    version: wishlistVersion,
    schema: wishlistSchema,
    indexes: wishlistIndexes,
    normalize: withoutAliases,
  }),
  orders: defineCollection({
    name: 'orders',
    version: orderVersion,
    schema: orderSchema,
    indexes: orderIndexes,
    normalize: (input, { previous }) => normalizeOrder(input, { previous }),
  }),
  payments: defineCollection({
    name: 'payments',
    version: paymentVersion,
    schema: paymentSchema,
    indexes: paymentIndexes,
    normalize: withoutAliases,
  }),
  sessions: defineCollection({
    name: 'sessions',
    version: sessionVersion,
    schema: sessionSchema,
    indexes: sessionIndexes,
    normalize: withoutAliases,
  }),
  admins: defineCollection({
    name: 'admins',
    version: adminVersion,
    schema: adminSchema,
    indexes: adminIndexes,
    normalize: withoutAliases,
  }),
};
