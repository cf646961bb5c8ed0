/**
 * Prices a shopper's order from the stored catalogue: merges repeated products, checks quantity,
 * availability and stock, snapshots each product's name, price and image, and computes totals in
 * whole paise, delivery by the shop's configured rule (@oa/schema's deliveryFeeFor). Nothing the
 * client says about prices is read. Pure: taking the stock is the caller's job (`stockChanges`),
 * and the order document is built by build-order.ts.
 */
import { deliveryFeeFor, orderSchema, type DeliveryRule, type OrderItem, type Product } from '@oa/schema';
import { toPaise, toRupees } from '../money/paise';
import { isProductAvailable } from '../products/is-product-available';
import { joinSentences } from '../text/join-sentences';
import { mergeOrderLines, type RequestedLine } from './merge-order-lines';

/** At most this many different products in one order (the schema's `items` limit). */
export const maxOrderLines = 50;
/** At most this many of one product in one order, after merging (the schema's quantity limit). */
export const maxLineQuantity = 99;

/** The stored product fields pricing reads; a whole `Product` fits. */
export type PricingProduct = Pick<Product, 'id' | '_deleted' | 'name' | 'price' | 'stock' | 'isActive'> &
  Partial<Pick<Product, 'imageUrl' | 'images'>>;

/** Units of a product the order takes (positive); the caller applies `-quantity` to the stock. */
export interface StockChange {
  readonly productId: string;
  readonly quantity: number;
}

export type PricingRefusalCode = 'OUT_OF_STOCK' | 'PRODUCT_UNAVAILABLE' | 'EMPTY_ORDER' | 'TOO_MANY_LINES' | 'BAD_QUANTITY';

export interface PriceOrderInput {
  readonly items: readonly RequestedLine[];
  readonly products: readonly PricingProduct[];
  /** The shop's delivery fee and free-delivery threshold (configuration: DELIVERY_FEE, FREE_DELIVERY_FROM). */
  readonly delivery: DeliveryRule;
}

export type PriceOrderResult =
  | {
      readonly ok: true;
      readonly lines: OrderItem[];
      readonly subtotal: number;
      readonly shippingFee: number;
      readonly total: number;
      readonly stockChanges: StockChange[];
    }
  | {
      readonly ok: false;
      /** The most serious problem found; see `priceOrder` for the order they are looked for in. */
      readonly code: PricingRefusalCode;
      /** Every product the shopper must change, in order (empty for EMPTY_ORDER / TOO_MANY_LINES). */
      readonly productIds: string[];
      /** Sentences a shopper can act on, naming each product; fits an order's `rejectionReason`. */
      readonly reason: string;
    };

const maxReasonLength = orderSchema.shape.rejectionReason.unwrap().maxLength ?? 500;

/**
 * Looks for problems in this order, stopping at the first kind found: no lines (EMPTY_ORDER),
 * more than 50 different products (TOO_MANY_LINES), a quantity that is not a whole number from
 * 1 to 99 after merging (BAD_QUANTITY), then availability and stock together. An order with some
 * unavailable and some short products gets PRODUCT_UNAVAILABLE, and its reason names all of them,
 * so the shopper fixes everything in one go (an unavailable product is not checked for stock).
 */
export function priceOrder({ items, products, delivery }: PriceOrderInput): PriceOrderResult {
  const lines = mergeOrderLines(items);
  if (lines.length === 0) {
    return refuse('EMPTY_ORDER', [], ['Your order has no items; add something to your cart and place it again.']);
  }
  if (lines.length > maxOrderLines) {
    return refuse('TOO_MANY_LINES', [], [
      `An order can hold at most ${maxOrderLines} different products and this one has ${lines.length}; split it into two orders.`,
    ]);
  }

  const byId = new Map<string, PricingProduct>();
  for (const product of products) if (!byId.has(product.id)) byId.set(product.id, product);

  const badQuantities = lines.filter((line) => !isAllowedQuantity(line.quantity));
  if (badQuantities.length > 0) {
    return refuse(
      'BAD_QUANTITY',
      badQuantities.map((line) => line.productId),
      badQuantities.map((line) => describeBadQuantity(line, byId.get(line.productId))),
    );
  }

  const unavailable: string[] = [];
  const unknownUnavailable: string[] = [];
  const outOfStock: Array<{ productId: string; sentence: string }> = [];
  for (const line of lines) {
    const product = byId.get(line.productId);
    if (!isProductAvailable(product)) {
      if (product) unavailable.push(line.productId);
      else unknownUnavailable.push(line.productId);
    } else if (product.stock < line.quantity) {
      outOfStock.push({ productId: line.productId, sentence: describeShortStock(product) });
    }
  }
  if (unavailable.length > 0 || unknownUnavailable.length > 0 || outOfStock.length > 0) {
    const problemIds = new Set([...unavailable, ...unknownUnavailable, ...outOfStock.map((o) => o.productId)]);
    const sentences = [
      ...unavailable.map((id) => `${byId.get(id)?.name} is no longer available; remove it from your order.`),
      ...describeUnknown(unknownUnavailable.length),
      ...outOfStock.map((o) => o.sentence),
    ];
    const code = unavailable.length + unknownUnavailable.length > 0 ? 'PRODUCT_UNAVAILABLE' : 'OUT_OF_STOCK';
    return refuse(code, lines.map((line) => line.productId).filter((id) => problemIds.has(id)), sentences);
  }

  let subtotalPaise = 0;
  const priced: OrderItem[] = lines.map(({ productId, quantity }) => {
    const product = byId.get(productId) as PricingProduct; // every line's product was found above
    const pricePaise = toPaise(product.price);
    subtotalPaise += pricePaise * quantity;
    return snapshotLine(product, quantity, toRupees(pricePaise));
  });
  // The shared rule compares in whole paise too; the subtotal goes in as the exact rupees it is.
  const feePaise = toPaise(deliveryFeeFor(toRupees(subtotalPaise), delivery));
  return {
    ok: true,
    lines: priced,
    subtotal: toRupees(subtotalPaise),
    shippingFee: toRupees(feePaise),
    total: toRupees(subtotalPaise + feePaise),
    stockChanges: lines.map(({ productId, quantity }) => ({ productId, quantity })),
  };
}

/** A line item copied from the stored product: the price is the server's, never the client's. */
function snapshotLine(product: PricingProduct, quantity: number, price: number): OrderItem {
  const imageUrl = product.imageUrl ?? product.images?.[0];
  return {
    productId: product.id,
    product: product.id,
    name: product.name,
    price,
    quantity,
    ...(imageUrl === undefined ? {} : { imageUrl }),
  };
}

function isAllowedQuantity(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= maxLineQuantity;
}

function describeBadQuantity(line: RequestedLine, product: PricingProduct | undefined): string {
  const name = product?.name ?? 'one item';
  if (Number.isInteger(line.quantity) && line.quantity > maxLineQuantity) {
    return `You can order at most ${maxLineQuantity} of ${name} at once; lower the quantity.`;
  }
  return `The quantity of ${name} must be a whole number from 1 to ${maxLineQuantity}.`;
}

function describeShortStock(product: PricingProduct): string {
  if (product.stock <= 0) return `${product.name} is out of stock; remove it from your order.`;
  return `Only ${product.stock} of ${product.name} left; lower the quantity or remove it.`;
}

/** Products the catalogue does not hold at all have no name to show; they are counted instead. */
function describeUnknown(count: number): string[] {
  if (count === 0) return [];
  if (count === 1) return ['One item in your order is no longer sold; remove it to continue.'];
  return [`${count} items in your order are no longer sold; remove them to continue.`];
}

function refuse(code: PricingRefusalCode, productIds: string[], sentences: readonly string[]): PriceOrderResult {
  return { ok: false, code, productIds, reason: joinSentences(sentences, maxReasonLength) };
}
