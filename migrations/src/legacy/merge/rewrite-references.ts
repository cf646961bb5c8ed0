/**
 * Product references in the documents that point at products: orders (each line's `productId`
 * and `product`, in `items` and `products`), reviews (`productId`, `product`), cart items
 * (`productId`) and wishlists (`productIds`, de-duplicated when two old ids became one). An old
 * id found in `idMap` is replaced by the merged product's id. Pure.
 */
export type ReferringCollection = 'orders' | 'reviews' | 'cart_items' | 'wishlists';
export const referringCollections: readonly ReferringCollection[] = ['orders', 'reviews', 'cart_items', 'wishlists'];

type Doc = Record<string, unknown>;

export function rewriteReferences(collection: ReferringCollection, doc: Doc, idMap: ReadonlyMap<string, string>): { doc: Doc; rewritten: number } {
  let rewritten = 0;
  const swap = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const next = idMap.get(value);
    if (next === undefined || next === value) return value;
    rewritten++;
    return next;
  };
  const next: Doc = { ...doc };
  switch (collection) {
    case 'orders':
      for (const list of ['items', 'products'] as const) {
        if (!Array.isArray(doc[list])) continue;
        next[list] = (doc[list] as unknown[]).map((line) =>
          isDoc(line) ? { ...line, ...pick(line, 'productId', swap), ...pick(line, 'product', swap) } : line,
        );
      }
      break;
    case 'reviews':
      Object.assign(next, pick(doc, 'productId', swap), pick(doc, 'product', swap));
      break;
    case 'cart_items':
      Object.assign(next, pick(doc, 'productId', swap));
      break;
    case 'wishlists':
      if (Array.isArray(doc.productIds)) next.productIds = [...new Set(doc.productIds.map(swap))];
      break;
  }
  return { doc: rewritten > 0 ? next : doc, rewritten };
}

/** Every product id a document refers to (for the dangling-reference check). */
export function productReferencesOf(collection: ReferringCollection, doc: Doc): string[] {
  const ids: unknown[] = [];
  switch (collection) {
    case 'orders':
      for (const list of ['items', 'products'] as const) {
        if (Array.isArray(doc[list])) for (const line of doc[list] as unknown[]) if (isDoc(line)) ids.push(line.productId, line.product);
      }
      break;
    case 'reviews':
      ids.push(doc.productId, doc.product);
      break;
    case 'cart_items':
      ids.push(doc.productId);
      break;
    case 'wishlists':
      if (Array.isArray(doc.productIds)) ids.push(...doc.productIds);
      break;
  }
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

function pick(doc: Doc, field: string, swap: (value: unknown) => unknown): Doc {
  return field in doc ? { [field]: swap(doc[field]) } : {};
}

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
