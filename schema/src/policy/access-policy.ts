/**
 * Who may read and write what, as data, in one place. Everything that enforces access (the sync
 * server's pull, push and stream; the storage filters) reads this table; nothing else grants
 * access. A role or an operation missing from a collection's entry is denied.
 *
 * Fields not listed as writable for a role are the server's: it sets them whatever a client sends
 * (owner ids, prices, totals, order numbers, review approval, timestamps).
 */
import type { CollectionName } from '../collections/names';

export const roles = ['anonymous', 'customer', 'admin'] as const;
export type Role = (typeof roles)[number];

export const operations = ['read', 'create', 'update', 'delete'] as const;
export type Operation = (typeof operations)[number];

export interface RoleAccess {
  /**
   * The field that holds the owner's id. When set, this role reaches only documents whose owner
   * is the caller, on every operation, and the server sets the field itself on create.
   */
  readonly owner?: string;
  /**
   * The field the server sets to the caller's id on create, for documents this role writes but
   * does not own alone (a review is everyone's to read, but its author is the caller). `owner`
   * implies it.
   */
  readonly author?: string;
  /**
   * Read access. `visible` lists field values a document must have to be seen; a document that
   * stops matching reaches this role as a deletion (only its id), never with its content.
   */
  readonly read?: { readonly visible?: Readonly<Record<string, boolean>> };
  /** Fields this role may set when creating; the rest are the server's. */
  readonly create?: readonly string[];
  /** Fields this role may change on an existing document; a change to any other is refused. */
  readonly update?: readonly string[];
  readonly delete?: true;
}

export interface CollectionPolicy {
  /** Never readable by anyone, in any response or event (password and token hashes). */
  readonly secret: readonly string[];
  readonly roles: Readonly<Partial<Record<Role, RoleAccess>>>;
}

const catalogueVisible = { visible: { isActive: true } } as const;

const productFields = [
  'name', 'slug', 'description', 'price', 'mrp', 'categoryId', 'category', 'images', 'imageUrl',
  'stock', 'totalStock', 'unit', 'tags', 'isActive',
] as const;
const categoryFields = ['name', 'slug', 'description', 'imageUrl', 'sortOrder', 'isActive'] as const;

export const accessPolicy: Readonly<Record<CollectionName, CollectionPolicy>> = {
  products: {
    secret: [],
    roles: {
      anonymous: { read: catalogueVisible },
      customer: { read: catalogueVisible },
      admin: { read: {}, create: productFields, update: productFields, delete: true },
    },
  },
  categories: {
    secret: [],
    roles: {
      anonymous: { read: catalogueVisible },
      customer: { read: catalogueVisible },
      admin: { read: {}, create: categoryFields, update: categoryFields, delete: true },
    },
  },
  orders: {
    secret: [],
    roles: {
      // A shopper says what to buy and where to send it; prices, totals, the order number and the
      // status are computed by the server from the stored catalogue, never taken from the client.
      // The one update a shopper may make is the status, and the order rules allow only cancelling
      // a pending order (canShopperCancelOrder).
      customer: {
        owner: 'userId',
        read: {},
        create: ['items', 'products', 'shippingAddress', 'paymentMethod', 'notes'],
        update: ['status'],
      },
      // Admins move the status (with a note) and record the payment (cash collected, refunded);
      // the order rules hold each to its state machine (order-transitions, payment-transitions).
      admin: { read: {}, update: ['status', 'statusNote', 'paymentStatus'] },
    },
  },
  reviews: {
    secret: [],
    roles: {
      anonymous: { read: { visible: { isApproved: true, isDeleted: false } } },
      customer: {
        read: { visible: { isApproved: true, isDeleted: false } },
        author: 'userId',
        create: ['productId', 'product', 'rating', 'title', 'comment', 'reviewText'],
      },
      admin: { read: {}, update: ['isApproved', 'isDeleted'] },
    },
  },
  users: {
    secret: ['passwordHash'],
    roles: {
      customer: { owner: 'id', read: {}, update: ['name', 'phone', 'addresses'] },
      admin: { read: {} },
    },
  },
  admins: {
    secret: ['passwordHash'],
    roles: {
      // Passwords are set through the auth endpoints, which hash them; never through sync.
      admin: { read: {}, create: ['email', 'name', 'role', 'isActive'], update: ['name', 'role', 'isActive'], delete: true },
    },
  },
  carts: {
    secret: [],
    roles: {
      customer: { owner: 'userId', read: {}, create: [], delete: true },
    },
  },
  cart_items: {
    secret: [],
    roles: {
      customer: { owner: 'userId', read: {}, create: ['cartId', 'productId', 'quantity'], update: ['quantity'], delete: true },
    },
  },
  payments: {
    secret: [],
    roles: {
      customer: { owner: 'userId', read: {} },
      admin: { read: {} },
    },
  },
  sessions: {
    secret: ['refreshTokenHash', 'usedRefreshTokenHashes'],
    roles: {
      // Signing out another device is deleting its session.
      customer: { owner: 'userId', read: {}, delete: true },
    },
  },
  wishlists: {
    secret: [],
    roles: {
      customer: { owner: 'userId', read: {}, create: ['productIds'], update: ['productIds'], delete: true },
    },
  },
};
