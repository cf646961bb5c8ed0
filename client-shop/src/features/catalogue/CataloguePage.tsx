/**
 * The shop's front page: search, category filter and sort over the local catalogue, shown a page
 * at a time ("Show more"), so thousands of products never render at once. Works offline: it reads
 * only the device's database. The query lives in the address and the scroll position in history
 * (catalogue-history.ts), so Back from a product returns to the same list at the same place.
 */
import { formatCount } from '@oa/client-sync';
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { readCatalogueQuery, readListPosition, rememberListPosition, writeCatalogueQuery } from './catalogue-history';
import { isSortOrder, pageSize, selectProducts, sortCategories, sortLabels, sortOrders, type CatalogueCategory, type CatalogueProduct, type SortOrder } from './catalogue.logic';
import { CategoryChips } from './CategoryChips';
import { ProductCard } from './ProductCard';

/** Cards a phone shows before any scrolling: their pictures are fetched at once, the rest as they come into view. */
const firstScreenCards = 4;

export interface CataloguePageProps {
  readonly products: readonly CatalogueProduct[];
  readonly categories: readonly CatalogueCategory[];
  readonly onAdd: (productId: string) => void;
  readonly onWishlist?: ((productId: string, save: boolean) => void) | undefined;
  readonly wishlisted?: ReadonlySet<string>;
  /** How many of each product the shopper's cart holds, by product id. */
  readonly cartQuantities?: ReadonlyMap<string, number>;
  /** Sets the cart's quantity of a product; 0 takes it out. */
  readonly onQuantity?: ((productId: string, quantity: number) => void) | undefined;
  /** This device has never had the catalogue (a first visit, not caught up yet): an empty list says so, not "no products". */
  readonly notDownloaded?: boolean;
}

export function CataloguePage({ products, categories, onAdd, onWishlist, wishlisted, cartQuantities, onQuantity, notDownloaded = false }: CataloguePageProps) {
  // Read once, on arriving: from then on the page writes the address, not the other way round.
  const [initial] = useState(() => ({ query: readCatalogueQuery(), position: readListPosition() }));
  const [search, setSearch] = useState(initial.query.search);
  const [categoryId, setCategoryId] = useState<string | undefined>(initial.query.categoryId);
  const [sort, setSort] = useState<SortOrder>(initial.query.sort);
  const [limit, setLimit] = useState(Math.max(pageSize, initial.position?.limit ?? pageSize));

  useEffect(() => writeCatalogueQuery({ search, categoryId, sort }), [search, categoryId, sort]);
  // Back to where the list was, once its cards are laid out (pictures have fixed sizes, so the
  // height is right at once); before paint, so the top of the list never flashes first.
  useLayoutEffect(() => {
    if (initial.position && initial.position.scrollY > 0) window.scrollTo?.(0, initial.position.scrollY);
  }, [initial]);
  // Typing stays responsive on a slow phone: the list follows a moment later.
  const deferredSearch = useDeferredValue(search);
  const selected = useMemo(() => selectProducts(products, { search: deferredSearch, categoryId, sort }), [products, deferredSearch, categoryId, sort]);
  const aisles = useMemo(() => sortCategories(categories), [categories]);
  const shown = selected.slice(0, limit);
  const choose = (next: string | undefined) => {
    setCategoryId(next);
    setLimit(pageSize);
  };

  return (
    // Any click may leave for a product's page (the router pushes it after this capture phase):
    // save the place first, in the entry being left.
    <section aria-labelledby="catalogue-title" onClickCapture={() => rememberListPosition({ scrollY: window.scrollY, limit })}>
      <h2 id="catalogue-title" className="visually-hidden">Products</h2>
      <div className="finder">
        <label className="finder__search">
          <span className="visually-hidden">Search products</span>
          <input type="search" placeholder="Search products" value={search} onChange={(event) => { setSearch(event.target.value); setLimit(pageSize); }} />
        </label>
        <label className="finder__sort">
          Sort
          <select value={sort} onChange={(event) => isSortOrder(event.target.value) && setSort(event.target.value)}>
            {sortOrders.map((order) => <option key={order} value={order}>{sortLabels[order]}</option>)}
          </select>
        </label>
      </div>
      <CategoryChips categories={aisles} selected={categoryId} onChoose={choose} />
      <p className="count" aria-live="polite">{selected.length === 1 ? '1 product' : `${formatCount(selected.length)} products`}</p>
      {shown.length === 0 ? (
        <p className="empty" data-testid="catalogue-empty">
          {deferredSearch.trim()
            ? `Nothing matches “${deferredSearch.trim()}”.`
            : notDownloaded && products.length === 0
              ? 'The catalogue has not reached this device yet: it downloads as soon as the shop can be reached.'
              : 'No products here yet.'}
        </p>
      ) : (
        <ul className="products" data-testid="product-list">
          {shown.map((product, index) => (
            <ProductCard
              key={product.id}
              product={product}
              onAdd={onAdd}
              onWishlist={onWishlist}
              wishlisted={wishlisted?.has(product.id) ?? false}
              firstScreen={index < firstScreenCards}
              quantity={cartQuantities?.get(product.id) ?? 0}
              onQuantity={onQuantity}
            />
          ))}
        </ul>
      )}
      {selected.length > shown.length ? (
        <button type="button" className="more" onClick={() => setLimit(limit + pageSize)}>
          Show more ({formatCount(selected.length - shown.length)} left)
        </button>
      ) : null}
    </section>
  );
}
