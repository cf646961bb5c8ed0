/**
 * Every collection's definition in one map: its zod schema (validation of every write), the
 * RxDB schema derived from it (what the PWAs store), its version, its database indexes and its
 * legacy-alias normaliser. Server, migrations and both PWAs look collections up here.
 */
import type { z } from 'zod';
import { isFields, notAnObject, type AliasResult, type Fields } from '../aliases/alias-result';
import type { RxJsonSchemaLike } from '../rxdb/to-rx-schema';
import { adminIndexes, adminRxSchema, adminSchema, adminVersion } from './admins';
import { cartItemIndexes, cartItemRxSchema, cartItemSchema, cartItemVersion } from './cart-items';
import { cartIndexes, cartRxSchema, cartSchema, cartVersion } from './carts';
import { categoryIndexes, categoryRxSchema, categorySchema, categoryVersion } from './categories';
import type { IndexSpec } from './index-spec';
import type { CollectionName } from './names';
import { normalizeOrder, orderIndexes, orderRxSchema, orderSchema, orderVersion } from './orders';
import { paymentIndexes, paymentRxSchema, paymentSchema, paymentVersion } from './payments';
import {
  normalizeProduct,
  productIndexes,
  productRxSchema,
  productSchema,
  productVersion,
  type CategoryRef,
} from './products';
import { normalizeReview, reviewIndexes, reviewRxSchema, reviewSchema, reviewVersion } from './reviews';
import { sessionIndexes, sessionRxSchema, sessionSchema, sessionVersion } from './sessions';
import { userIndexes, userRxSchema, userSchema, userVersion } from './users';
import { wishlistIndexes, wishlistRxSchema, wishlistSchema, wishlistVersion } from './wishlists';

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

export const collections: Readonly<Record<CollectionName, CollectionDefinition>> = {
  categories: {
    name: 'categories',
    version: categoryVersion,
    schema: categorySchema,
    rxSchema: categoryRxSchema,
    indexes: categoryIndexes,
    normalize: withoutAliases,
  },
  products: {
    name: 'products',
    version: productVersion,
    schema: productSchema,
    rxSchema: productRxSchema,
    indexes: productIndexes,
    normalize: (input, { previous, categories = [] }) => normalizeProduct(input, { previous, categories }),
  },
  reviews: {
    name: 'reviews',
    version: reviewVersion,
    schema: reviewSchema,
    rxSchema: reviewRxSchema,
    indexes: reviewIndexes,
    normalize: (input, { previous }) => normalizeReview(input, { previous }),
  },
  users: {
    name: 'users',
    version: userVersion,
    schema: userSchema,
    rxSchema: userRxSchema,
    indexes: userIndexes,
    normalize: withoutAliases,
  },
  carts: {
    name: 'carts',
    version: cartVersion,
    schema: cartSchema,
    rxSchema: cartRxSchema,
    indexes: cartIndexes,
    normalize: withoutAliases,
  },
  cart_items: {
    name: 'cart_items',
    version: cartItemVersion,
    schema: cartItemSchema,
    rxSchema: cartItemRxSchema,
    indexes: cartItemIndexes,
    normalize: withoutAliases,
  },
  wishlists: {
    name: 'wishlists',
    version: wishlistVersion,
    schema: wishlistSchema,
    rxSchema: wishlistRxSchema,
    indexes: wishlistIndexes,
    normalize: withoutAliases,
  },
  orders: {
    name: 'orders',
    version: orderVersion,
    schema: orderSchema,
    rxSchema: orderRxSchema,
    indexes: orderIndexes,
    normalize: (input, { previous }) => normalizeOrder(input, { previous }),
  },
  payments: {
    name: 'payments',
    version: paymentVersion,
    schema: paymentSchema,
    rxSchema: paymentRxSchema,
    indexes: paymentIndexes,
    normalize: withoutAliases,
  },
  sessions: {
    name: 'sessions',
    version: sessionVersion,
    schema: sessionSchema,
    rxSchema: sessionRxSchema,
    indexes: sessionIndexes,
    normalize: withoutAliases,
  },
  admins: {
    name: 'admins',
    version: adminVersion,
    schema: adminSchema,
    rxSchema: adminRxSchema,
    indexes: adminIndexes,
    normalize: withoutAliases,
  },
};
