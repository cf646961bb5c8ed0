/**
 * The lines of a pushed order, read by schema before anything converts them: each line an object
 * whose product is an id (`productId`, or the legacy `product`) and whose quantity is a number.
 * Anything else refuses the row with VALIDATION_FAILED, naming the line; a value of another type
 * (an array nested thousands deep) never reaches String() or Number(). Pricing then checks the
 * quantities and the products (BAD_QUANTITY, PRODUCT_UNAVAILABLE, TOO_MANY_LINES).
 */
import { idSchema } from '@oa/schema';
import { z } from 'zod';

/** Lines read at most; pricing refuses more than it allows. */
const maxLinesRead = 100;

const lineSchema = z.looseObject({
  productId: idSchema.optional(),
  product: idSchema.optional(),
  // Checked by pricing (a whole number from 1 to 99: BAD_QUANTITY); here only kept a number.
  quantity: z.unknown(),
});

export type ReadOrderLines =
  | { readonly ok: true; readonly lines: ReadonlyArray<{ readonly productId: string; readonly quantity: number }> }
  | { readonly ok: false; readonly reason: string };

export function readOrderLines(incoming: Readonly<Record<string, unknown>>): ReadOrderLines {
  const requested = Array.isArray(incoming.items) ? incoming.items : Array.isArray(incoming.products) ? incoming.products : [];
  const lines: Array<{ productId: string; quantity: number }> = [];
  for (const [index, line] of requested.slice(0, maxLinesRead).entries()) {
    const parsed = lineSchema.safeParse(line);
    const productId = parsed.success ? (parsed.data.productId ?? parsed.data.product) : undefined;
    if (!parsed.success || productId === undefined) {
      return { ok: false, reason: `items[${index}] must be an object naming its product by id (productId)` };
    }
    lines.push({ productId, quantity: typeof parsed.data.quantity === 'number' ? parsed.data.quantity : Number.NaN });
  }
  return { ok: true, lines };
}
