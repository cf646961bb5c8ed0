/**
 * The shopper's writes to their local database: cart lines and orders. Each works offline (a
 * local write, pushed when the server is back); the documents come from the pure rules in
 * features/cart and features/checkout. The thin RxDB shell between those rules and the screens.
 */
import type { SyncDatabase } from '@oa/client-sync';
import type { Address, CartItem } from '@oa/schema';
import { clampQuantity, toNewCartLine, type CartLine } from '../features/cart/cart.logic';
import { toPlaceholderOrder } from '../features/checkout/checkout.logic';

const nowIso = (): string => new Date().toISOString();
const cartItems = (database: SyncDatabase) => database.collections.cart_items!;

/** Adds one of a product: a new line, or one more on the line that has it. */
export async function addToCart(database: SyncDatabase, userId: string, productId: string): Promise<void> {
  const existing = await cartItems(database).findOne({ selector: { productId, userId } }).exec();
  if (existing) {
    const quantity = (existing.toJSON() as unknown as CartItem).quantity;
    await existing.incrementalPatch({ quantity: clampQuantity(quantity + 1), updatedAt: nowIso() });
    return;
  }
  await cartItems(database).insert(toNewCartLine({ id: crypto.randomUUID(), userId, productId, now: nowIso() }));
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

/** Places the order locally (pushed when the server is reachable) and empties the cart. Returns its id. */
export async function placeOrder(database: SyncDatabase, userId: string, lines: readonly CartLine[], address: Address): Promise<string> {
  const id = crypto.randomUUID();
  await database.collections.orders!.insert(toPlaceholderOrder({ id, userId, lines, address, now: nowIso() }));
  await cartItems(database).find({ selector: { id: { $in: lines.map((line) => line.id) } } }).remove();
  return id;
}
