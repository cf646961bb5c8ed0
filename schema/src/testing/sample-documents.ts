/** Deterministic, valid sample documents for every collection, for tests and benchmarks in any workspace. */
import type { CollectionName } from '../collections/names';

const at = '2026-01-01T00:00:00.000Z';

/** The fixed ids the samples use and point at one another with (a product's category, an order's user, …). */
export const sampleIds = {
  categories: 'category-1',
  products: 'product-1',
  reviews: 'review-1',
  users: 'user-1',
  carts: 'cart-1',
  cart_items: 'cart-item-1',
  wishlists: 'wishlist-1',
  orders: 'order-1',
  payments: 'payment-1',
  sessions: 'session-1',
  admins: 'admin-1',
} as const satisfies Record<CollectionName, string>;

const sampleAddress = () => ({
  name: 'Lakshmi Devi',
  phone: '+919876543210',
  line1: '12 Temple Road',
  city: 'Annavaram',
  state: 'Andhra Pradesh',
  pincode: '533406',
});

const sampleOrderItem = () => ({
  productId: sampleIds.products,
  product: sampleIds.products,
  name: 'Prasadam Laddu',
  price: 120,
  quantity: 2,
  imageUrl: '/images/laddu.jpg',
});

// Each builder returns a fresh object, so a caller that mutates its sample cannot change the next one.
const builders: Record<CollectionName, () => Record<string, unknown>> = {
  categories: () => ({
    name: 'Sweets',
    slug: 'sweets',
    description: 'Temple sweets',
    imageUrl: '/images/sweets.jpg',
    sortOrder: 1,
    isActive: true,
  }),
  products: () => ({
    name: 'Prasadam Laddu',
    slug: 'prasadam-laddu',
    description: 'The temple laddu, made fresh every morning.',
    price: 120,
    mrp: 150,
    categoryId: sampleIds.categories,
    category: 'Sweets',
    images: ['/images/laddu.jpg', 'https://cdn.example.com/laddu-2.jpg'],
    imageUrl: '/images/laddu.jpg',
    stock: 40,
    totalStock: 40,
    unit: 'box',
    tags: ['prasadam', 'sweet'],
    isActive: true,
    ratingAverage: 4.5,
    ratingCount: 2,
  }),
  reviews: () => ({
    productId: sampleIds.products,
    product: sampleIds.products,
    userId: sampleIds.users,
    user: sampleIds.users,
    userName: 'Lakshmi Devi',
    rating: 5,
    title: 'Just like at the temple',
    comment: 'Fresh and well packed.',
    reviewText: 'Fresh and well packed.',
    isApproved: true,
    isDeleted: false,
  }),
  users: () => ({
    email: 'lakshmi@example.com',
    name: 'Lakshmi Devi',
    phone: '+919876543210',
    addresses: [{ ...sampleAddress(), id: 'address-1', label: 'Home', isDefault: true }],
    passwordHash: 'scrypt$c2FsdA$aGFzaA',
    isActive: true,
  }),
  carts: () => ({ userId: sampleIds.users }),
  cart_items: () => ({ cartId: sampleIds.carts, userId: sampleIds.users, productId: sampleIds.products, quantity: 2 }),
  wishlists: () => ({ userId: sampleIds.users, productIds: [sampleIds.products] }),
  orders: () => ({
    orderId: 'OA-20260101-0001',
    userId: sampleIds.users,
    user: sampleIds.users,
    items: [sampleOrderItem()],
    products: [sampleOrderItem()],
    subtotal: 240,
    shippingFee: 40,
    total: 280,
    status: 'pending',
    paymentMethod: 'cod',
    paymentStatus: 'pending',
    shippingAddress: sampleAddress(),
    notes: 'Please call before delivery.',
    statusHistory: [{ status: 'pending', at, by: 'customer' }],
  }),
  payments: () => ({
    orderId: sampleIds.orders,
    userId: sampleIds.users,
    amount: 280,
    currency: 'INR',
    method: 'cod',
    status: 'pending',
  }),
  sessions: () => ({
    userId: sampleIds.users,
    role: 'customer',
    refreshTokenHash: 'sha256$cmVmcmVzaA',
    generation: 0,
    usedRefreshTokenHashes: [],
    deviceName: 'Pixel 8',
    lastUsedAt: at,
    expiresAt: '2026-02-01T00:00:00.000Z',
  }),
  admins: () => ({
    email: 'admin@example.com',
    name: 'Store Admin',
    passwordHash: 'scrypt$c2FsdA$YWRtaW4',
    role: 'admin',
    isActive: true,
  }),
};

/**
 * A document that passes `collection`'s zod schema, with `overrides` merged on top (shallowly).
 * An override whose value is `undefined` removes that field, so a test can drop a required one.
 */
export function sampleDocument(
  collection: CollectionName,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const merged: Record<string, unknown> = {
    id: sampleIds[collection],
    _deleted: false,
    createdAt: at,
    updatedAt: at,
    ...builders[collection](),
    ...overrides,
  };
  for (const [field, value] of Object.entries(overrides)) if (value === undefined) delete merged[field];
  return merged;
}
