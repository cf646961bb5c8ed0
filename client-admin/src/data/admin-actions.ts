/**
 * The admin's writes to their local database, each working offline (a local write, pushed when
 * the server is back): moving an order on, recording its payment, saving and deleting catalogue documents, moderating
 * reviews, deactivating an admin. The documents come from the pure rules in features/; the server
 * checks every write again (the state machine, the fields an admin may change).
 */
import type { SyncDatabase } from '@oa/client-sync';
import type { CollectionName, Order, OrderStatus } from '@oa/schema';

const nowIso = (): string => new Date().toISOString();

/** Moves an order to `to` with an optional note (the note belongs to this step: none clears it). */
export async function moveOrder(database: SyncDatabase, orderId: string, to: OrderStatus, note: string | undefined): Promise<void> {
  const order = await database.collections.orders!.findOne(orderId).exec();
  if (!order) return;
  await order.incrementalModify((data: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...data, status: to, updatedAt: nowIso() };
    if (note) next.statusNote = note;
    else delete next.statusNote;
    return next;
  });
}

/** Records the order's payment as `to` (cash collected: paid; money given back: refunded); the server stamps who and when. */
export async function recordPayment(database: SyncDatabase, orderId: string, to: Order['paymentStatus']): Promise<void> {
  const order = await database.collections.orders!.findOne(orderId).exec();
  await order?.incrementalPatch({ paymentStatus: to, updatedAt: nowIso() });
}

/** Creates or replaces a whole document (a product or category from its editor's checked form). */
export async function saveDocument(database: SyncDatabase, collection: CollectionName, document: Readonly<Record<string, unknown>> & { id: string }): Promise<void> {
  const target = database.collections[collection]!;
  const existing = await target.findOne(document.id).exec();
  if (existing) await existing.incrementalModify(() => ({ ...document }) as never);
  else await target.insert({ ...document });
}

export async function deleteDocument(database: SyncDatabase, collection: CollectionName, id: string): Promise<void> {
  await (await database.collections[collection]!.findOne(id).exec())?.remove();
}

/** Review moderation: approve, hide (not approved) or delete (removed, kept for the record). */
export async function moderateReview(database: SyncDatabase, reviewId: string, change: { isApproved?: boolean; isDeleted?: boolean }): Promise<void> {
  await (await database.collections.reviews!.findOne(reviewId).exec())?.incrementalPatch({ ...change, updatedAt: nowIso() });
}

export async function setAdminActive(database: SyncDatabase, adminId: string, isActive: boolean): Promise<void> {
  await (await database.collections.admins!.findOne(adminId).exec())?.incrementalPatch({ isActive, updatedAt: nowIso() });
}
