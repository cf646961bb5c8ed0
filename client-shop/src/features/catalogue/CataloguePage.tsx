/**
 * The shop's front page: search, category filter and sort over the local catalogue, shown a page
 * at a time ("Show more"), so thousands of products never render at once. Works offline: it reads
 * only the device's database.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { isSortOrder, pageSize, selectProducts, sortCategories, sortLabels, sortOrders, type CatalogueCategory, type CatalogueProduct, type SortOrder } from './catalogue.logic';
import { ProductCard } from './ProductCard';

/** Cards a phone shows before any scrolling: their pictures are fetched at once, the rest as they come into view. */
const firstScreenCards = 4;

export interface CataloguePageProps {
  readonly products: readonly CatalogueProduct[];
  readonly categories: readonly CatalogueCategory[];
  readonly onAdd: (productId: string) => void;
  readonly onWishlist?: ((productId: string, save: boolean) => void) | undefined;
  readonly wishlisted?: ReadonlySet<string>;
}

export function CataloguePage({ products, categories, onAdd, onWishlist, wishlisted }: CataloguePageProps) {
  const [search, setSearch] = useState('');
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [sort, setSort] = useState<SortOrder>('name');
  const [limit, setLimit] = useState(pageSize);
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
    <section aria-labelledby="catalogue-title">
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
      <nav className="filters" aria-label="Categories">
        <button type="button" aria-pressed={categoryId === undefined} onClick={() => choose(undefined)}>All</button>
        {aisles.map((category) => (
          <button key={category.id} type="button" aria-pressed={categoryId === category.id} onClick={() => choose(category.id)}>
            {category.name}
          </button>
        ))}
      </nav>
      <p className="count" aria-live="polite">{selected.length === 1 ? '1 product' : `${selected.length.toLocaleString('en-IN')} products`}</p>
      {shown.length === 0 ? (
        <p className="empty">{deferredSearch.trim() ? `Nothing matches “${deferredSearch.trim()}”.` : 'No products here yet.'}</p>
      ) : (
        <ul className="products" data-testid="product-list">
          {shown.map((product, index) => (
            <ProductCard key={product.id} product={product} onAdd={onAdd} onWishlist={onWishlist} wishlisted={wishlisted?.has(product.id) ?? false} firstScreen={index < firstScreenCards} />
          ))}
        </ul>
      )}
      {selected.length > shown.length ? (
        <button type="button" className="more" onClick={() => setLimit(limit + pageSize)}>
          Show more ({(selected.length - shown.length).toLocaleString('en-IN')} left)
        </button>
      ) : null}
    </section>
  );
}
