/**
 * Builds the order document for a shopper's new order, whole and valid under `orderSchema`.
 * A request the catalogue can serve becomes a `pending` order with server prices; one it cannot
 * (a product gone or short, an unaccepted payment method) is still stored, as `rejected` with a
 * reason the shopper can read. Only a malformed request is refused outright (`ok: false`).
 * Pure: the caller takes the stock (`stockChanges`) and records the payment.
 */
import { orderSchema, toValidationError, type DeliveryRule, type Order, type OrderItem } from '@oa/schema';
import { toPaise, toRupees } from '../money/paise';
import { findPaymentProvider } from '../payments/find-payment-provider';
import { mergeOrderLines, type RequestedLine } from './merge-order-lines';
import { priceOrder, type PricingProduct, type StockChange } from './price-order';

export interface BuildOrderInput {
  /** The order's document id, the client's: a replayed push carries the same one. */
  readonly id: string;
  /** The customer placing the order (from the token, never from the document). */
  readonly caller: string;
  /** What the shopper may say; everything else is the server's. Checked here, so raw pushed values are fine. */
  readonly input: {
    readonly items: readonly RequestedLine[];
    readonly shippingAddress: unknown;
    readonly paymentMethod: unknown;
    readonly notes?: unknown;
  };
  /** The stored products the lines name (missing ones are simply absent). */
  readonly products: readonly PricingProduct[];
  /** The shop's delivery rule, from configuration: the order's shipping fee. */
  readonly delivery: DeliveryRule;
  readonly now: string;
  readonly orderNumber: string;
}

/** Why a stored order was rejected: the catalogue or the payment method said no. */
export type OrderRejectionCode = 'OUT_OF_STOCK' | 'PRODUCT_UNAVAILABLE' | 'PAYMENT_METHOD_UNAVAILABLE';

/** A request that cannot become an order document at all: answer the push row with a rejection. */
export type OrderRefusalCode = 'EMPTY_ORDER' | 'TOO_MANY_LINES' | 'BAD_QUANTITY' | 'VALIDATION_FAILED';

export type BuildOrderResult =
  | {
      readonly ok: true;
      /** `status` is 'pending' (placed) or 'rejected' (see `rejection`). */
      readonly order: Order;
      /** Units to take from each product; empty for a rejected order. */
      readonly stockChanges: StockChange[];
      readonly rejection: null | { readonly code: OrderRejectionCode; readonly productIds: string[] };
    }
  | { readonly ok: false; readonly code: OrderRefusalCode; readonly reason: string; readonly fields: readonly string[] };

export const unavailableProductName = 'Unavailable product';

export function buildOrder({ id, caller, input, products, delivery, now, orderNumber }: BuildOrderInput): BuildOrderResult {
  const priced = priceOrder({ items: input.items, products, delivery });
  // An empty order, one too big or with impossible quantities is not something a shopper's app
  // sends; there is nothing sensible to store, so it is refused rather than kept as rejected.
  if (!priced.ok && (priced.code === 'EMPTY_ORDER' || priced.code === 'TOO_MANY_LINES' || priced.code === 'BAD_QUANTITY')) {
    return { ok: false, code: priced.code, reason: priced.reason, fields: ['items'] };
  }

  const notes = typeof input.notes === 'string' ? input.notes.trim() : input.notes;
  const base = {
    id,
    _deleted: false,
    createdAt: now,
    updatedAt: now,
    orderId: orderNumber,
    userId: caller,
    user: caller,
    shippingAddress: isPlainObject(input.shippingAddress) ? { ...input.shippingAddress } : input.shippingAddress,
    paymentMethod: input.paymentMethod,
    ...(notes === undefined || notes === null || notes === '' ? {} : { notes }),
  };

  // The payment method is looked at first: a shopper told to pick cash on delivery re-places the
  // order and then hears about stock, which may have changed by then anyway.
  const rejection = !findPaymentProvider(input.paymentMethod)
    ? { code: 'PAYMENT_METHOD_UNAVAILABLE' as const, productIds: [], reason: describeUnacceptedMethod(input.paymentMethod) }
    : !priced.ok
      ? { code: priced.code as 'OUT_OF_STOCK' | 'PRODUCT_UNAVAILABLE', productIds: priced.productIds, reason: priced.reason }
      : null;

  if (rejection === null && priced.ok) {
    const order = {
      ...base,
      items: priced.lines,
      products: priced.lines.map((line) => ({ ...line })),
      subtotal: priced.subtotal,
      shippingFee: priced.shippingFee,
      total: priced.total,
      status: 'pending',
      paymentStatus: 'pending',
      statusHistory: [{ status: 'pending', at: now, by: 'customer' }],
    };
    return checked(order, { stockChanges: priced.stockChanges, rejection: null });
  }

  const lines = describeLines(input.items, products);
  const order = {
    ...base,
    items: lines,
    products: lines.map((line) => ({ ...line })),
    subtotal: 0,
    shippingFee: 0,
    total: 0,
    status: 'rejected',
    paymentStatus: 'void',
    rejectionReason: rejection?.reason,
    statusHistory: [{ status: 'rejected', at: now, by: 'system' }],
  };
  return checked(order, { stockChanges: [], rejection: rejection && { code: rejection.code, productIds: rejection.productIds } });
}

/** The final gate: what leaves here is a valid order, whatever the pushed address or notes held. */
function checked(
  order: Record<string, unknown>,
  rest: { stockChanges: StockChange[]; rejection: { code: OrderRejectionCode; productIds: string[] } | null },
): BuildOrderResult {
  const parsed = orderSchema.safeParse(order);
  if (!parsed.success) {
    const error = toValidationError(parsed.error.issues);
    return { ok: false, code: 'VALIDATION_FAILED', reason: error.message, fields: error.fields };
  }
  return { ok: true, order: parsed.data, ...rest };
}

/**
 * The lines of a rejected order, described as far as the catalogue given allows: the stored name
 * and price of a product it holds, otherwise a placeholder. (The order rule gives only the products
 * the shop shows, so an inactive or deleted one is described as one that does not exist.)
 */
function describeLines(items: readonly RequestedLine[], products: readonly PricingProduct[]): OrderItem[] {
  return mergeOrderLines(items).map(({ productId, quantity }) => {
    const product = products.find((p) => p.id === productId);
    if (!product) return { productId, product: productId, name: unavailableProductName, price: 0, quantity };
    const imageUrl = product.imageUrl ?? product.images?.[0];
    return {
      productId,
      product: productId,
      name: product.name,
      price: toRupees(toPaise(product.price)),
      quantity,
      ...(imageUrl === undefined ? {} : { imageUrl }),
    };
  });
}

function describeUnacceptedMethod(method: unknown): string {
  if (method === 'online') return 'Online payment is not available yet; choose cash on delivery.';
  return 'This payment method is not available; choose cash on delivery.';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
