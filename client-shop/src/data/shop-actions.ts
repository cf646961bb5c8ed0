/**
 * The shopper's writes to their local databases, each working offline (a local write, pushed
 * when the server is back): cart lines (a visitor's in the catalogue database, a shopper's in
 * their own), the wishlist, orders (placing, and cancelling one still pending), reviews, the
 * profile and ending another device's session.
 * The documents come from the pure rules in features/; this is the thin RxDB shell around them.
 * The server decides owners, prices, totals and approval whatever these write.
 */
import type { SyncDatabase } from '@oa/client-sync';
import type { Address, CartItem, DeliveryRule, Order, User, Wishlist } from '@oa/schema';
import { clampQuantity, guestUserId, planCartMerge, planGuestCartJoin, toNewCartLine, type CartLine } from '../features/cart/cart.logic';
import { toPlaceholderOrder } from '../features/checkout/checkout.logic';
import { canCancelOrder } from '../features/orders/order-page.logic';
import type { SavedAddress } from '../features/profile/profile.logic';
import { toNewReview } from '../features/reviews/reviews.logic';
import { toNewWishlist, toWishlistId, withoutProduct, withProduct } from '../features/wishlist/wishlist.logic';

const nowIso = (): string => new Date().toISOString();
const cartItems = (database: SyncDatabase) => database.collections.cart_items!;

/**
 * Adds `quantity` of a product to the cart in `database` (the visitor's or the shopper's): a new
 * line, or more on the line that has it. `userId` is the shopper's, or guestUserId for a visitor.
 */
export async function addToCart(database: SyncDatabase, userId: string, productId: string, quantity = 1): Promise<void> {
  const existing = await cartItems(database).findOne({ selector: { productId, userId } }).exec();
  if (existing) {
    const current = (existing.toJSON() as unknown as CartItem).quantity;
    await existing.incrementalPatch({ quantity: clampQuantity(current + quantity), updatedAt: nowIso() });
    return;
  }
  await cartItems(database).insert(toNewCartLine({ id: crypto.randomUUID(), userId, productId, quantity, now: nowIso() }));
}

/** Sets a line's quantity; zero or less removes it. */
export async function setCartQuantity(database: SyncDatabase, lineId: string, quantity: number): Promise<void> {
  const line = await cartItems(database).findOne(lineId).exec();
  if (!line) return;
  if (quantity <= 0) await line.remove();
  else await line.incrementalPatch({ quantity: clampQuantity(quantity), updatedAt: nowIso() });
}

export async function removeCartLine(database: SyncDatabase, lineId: string): Promise<void> {
  await (await cartItems(database).findOne(lineId).exec())?.remove();
}

/**
 * Moves the visitor's cart (in the device's catalogue database) into the shopper's own cart, then
 * empties it. The caller holds a cross-tab lock, so two tabs never move the same lines twice.
 */
export async function joinGuestCart(catalogue: SyncDatabase, own: SyncDatabase, userId: string): Promise<void> {
  const guest = await cartItems(catalogue).find({ selector: { userId: guestUserId } }).exec();
  if (guest.length === 0) return;
  const mine = await cartItems(own).find({ selector: { userId } }).exec();
  const plan = planGuestCartJoin({
    guest: guest.map((doc) => doc.toJSON() as unknown as CartItem),
    own: mine.map((doc) => doc.toJSON() as unknown as CartItem),
    userId,
    now: nowIso(),
    newId: () => crypto.randomUUID(),
  });
  if (plan.inserts.length > 0) await cartItems(own).bulkInsert(plan.inserts);
  for (const update of plan.updates) {
    await (await cartItems(own).findOne(update.id).exec())?.incrementalPatch({ quantity: update.quantity, updatedAt: nowIso() });
  }
  await cartItems(catalogue).bulkRemove(guest.map((doc) => doc.primary));
}

/**
 * One line per product in the shopper's own cart (planCartMerge): lines of one product, as a
 * visitor's cart joined before the account's cart was pulled leaves, become one, capped by the
 * product's stock in the device's catalogue. Nothing is written when every product has one line.
 */
export async function mergeCartLines(catalogue: SyncDatabase | undefined, own: SyncDatabase, userId: string): Promise<void> {
  const lines = (await cartItems(own).find({ selector: { userId } }).exec()).map((doc) => doc.toJSON() as unknown as CartItem);
  if (planCartMerge(lines).removals.length === 0) return;
  const stock = new Map<string, number>();
  const products = catalogue ? await catalogue.collections.products!.findByIds([...new Set(lines.map((line) => line.productId))]).exec() : new Map();
  for (const [id, product] of products) stock.set(id, (product.toJSON() as { stock: number }).stock);
  const plan = planCartMerge(lines, (productId) => stock.get(productId));
  for (const update of plan.updates) {
    await (await cartItems(own).findOne(update.id).exec())?.incrementalPatch({ quantity: update.quantity, updatedAt: nowIso() });
  }
  await cartItems(own).bulkRemove(plan.removals);
}

/**
 * Places the order locally (pushed when the server is reachable) and empties the cart. Returns its
 * id. `delivery` is the rule the shop last heard of, for the placeholder's fee; the server's price wins.
 */
export async function placeOrder(database: SyncDatabase, userId: string, lines: readonly CartLine[], address: Address, delivery: DeliveryRule): Promise<string> {
  const id = crypto.randomUUID();
  await database.collections.orders!.insert(toPlaceholderOrder({ id, userId, lines, address, delivery, now: nowIso() }));
  await cartItems(database).find({ selector: { id: { $in: lines.map((line) => line.id) } } }).remove();
  return id;
}

/**
 * Cancels a pending order on the device; pushed like any write. Only the status changes: the
 * server checks the move, records it, returns the stock and voids the payment, or refuses (the
 * shop confirmed it meanwhile) and sends its own state back. False when the local copy is no
 * longer cancellable (a status arrived since the page offered it): nothing is written then, since
 * any write to a placed order is pushed, and an unchanged one would only be refused.
 */
export async function cancelOrder(database: SyncDatabase, orderId: string): Promise<boolean> {
  const order = await database.collections.orders!.findOne(orderId).exec();
  if (!order || !canCancelOrder(order.toJSON() as unknown as Order)) return false;
  await order.incrementalPatch({ status: 'cancelled', updatedAt: nowIso() });
  return true;
}

/** Changes the shopper's one wishlist, creating it on first use (every device names the same one). */
async function changeWishlist(database: SyncDatabase, userId: string, change: (productIds: readonly string[]) => string[]): Promise<void> {
  const wishlists = database.collections.wishlists!;
  const existing = await wishlists.findOne(toWishlistId(userId)).exec();
  if (existing) {
    const current = (existing.toJSON() as unknown as Wishlist).productIds;
    await existing.incrementalPatch({ productIds: change(current), updatedAt: nowIso() });
    return;
  }
  // Two devices creating it offline both use this id: the second one's list is merged on sync.
  await wishlists.insert(toNewWishlist({ userId, productIds: change([]), now: nowIso() }));
}

export const addToWishlist = (database: SyncDatabase, userId: string, productId: string): Promise<void> =>
  changeWishlist(database, userId, (ids) => withProduct(ids, productId));

export const removeFromWishlist = (database: SyncDatabase, userId: string, productId: string): Promise<void> =>
  changeWishlist(database, userId, (ids) => withoutProduct(ids, productId));

export async function moveToWishlist(database: SyncDatabase, userId: string, line: Pick<CartLine, 'id' | 'productId'>): Promise<void> {
  await addToWishlist(database, userId, line.productId);
  await removeCartLine(database, line.id);
}

export async function moveToCart(database: SyncDatabase, userId: string, productId: string): Promise<void> {
  await addToCart(database, userId, productId);
  await removeFromWishlist(database, userId, productId);
}

/** Writes a review in the shopper's database; it is pushed, and shown to all once the server has it. */
export async function writeReview(
  database: SyncDatabase,
  input: { userId: string; userName: string | undefined; productId: string; rating: number; title: string | undefined; text: string },
): Promise<void> {
  await database.collections.reviews!.insert(toNewReview({ id: crypto.randomUUID(), ...input, now: nowIso() }));
}

/** Saves the name, phone and addresses (the fields a shopper may change; the server refuses others). */
export async function saveProfile(
  database: SyncDatabase,
  userId: string,
  changes: { name?: string; phone?: string | undefined; addresses?: readonly SavedAddress[] },
): Promise<boolean> {
  const profile = await database.collections.users!.findOne(userId).exec();
  if (!profile) return false;
  const next: Partial<User> & { updatedAt: string } = { updatedAt: nowIso() };
  if (changes.name !== undefined) next.name = changes.name;
  if (changes.addresses !== undefined) next.addresses = [...changes.addresses];
  if ('phone' in changes) {
    // incrementalModify, not patch: removing the phone means deleting the field.
    await profile.incrementalModify((data: Record<string, unknown>) => {
      const updated: Record<string, unknown> = { ...data, ...next };
      if (changes.phone === undefined) delete updated.phone;
      else updated.phone = changes.phone;
      return updated;
    });
    return true;
  }
  await profile.incrementalPatch(next);
  return true;
}

/** Signs another device out: its session is deleted, which the server turns into the end of that session. */
export async function endSession(database: SyncDatabase, sessionId: string): Promise<void> {
  await (await database.collections.sessions!.findOne(sessionId).exec())?.remove();
}
