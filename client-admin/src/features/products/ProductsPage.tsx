/**
 * The admin's products, each with its thumbnail: search by name or slug, show all, active or
 * inactive ones, and from each row edit, deactivate/activate or delete (after an inline
 * confirmation). This page only asks: the caller writes the change to the local database, and
 * sync carries it to the shop.
 */
import { useEffect, useRef, useState } from 'react';
import type { Category, Product } from '@oa/schema';
import { formatRupees } from '@oa/client-sync';
import { filterProducts, toThumbnailSrc, type ProductStatusFilter } from './products-list.logic';
import { ProductThumbnail } from './ProductThumbnail';
import './products.css';

export interface ProductsPageProps {
  /** Undefined while the local database is still loading them. */
  readonly products: readonly Product[] | undefined;
  readonly categories: readonly Category[];
  readonly onEdit: (id: string | 'new') => void;
  readonly onToggleActive: (product: Product) => void;
  readonly onDelete: (id: string) => void;
}

const statusFilters: readonly [ProductStatusFilter, string][] = [
  ['all', 'All'],
  ['active', 'Active'],
  ['inactive', 'Inactive'],
];

export function ProductsPage({ products, categories, onEdit, onToggleActive, onDelete }: ProductsPageProps) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ProductStatusFilter>('all');
  const shown = products ? filterProducts(products, { search, status }) : [];
  const categoryNames = new Map(categories.map((category) => [category.id, category.name]));

  return (
    <section aria-labelledby="products-title" className="products-page">
      <div className="products-header">
        <h2 id="products-title">Products</h2>
        <button type="button" className="products-button products-button--primary" onClick={() => onEdit('new')}>
          Add a product
        </button>
      </div>
      <div className="products-finder">
        <label className="products-search">
          <span>Search products</span>
          <input type="search" value={search} placeholder="Name or slug" onChange={(event) => setSearch(event.target.value)} />
        </label>
        <div role="group" aria-label="Show" className="products-filters">
          {statusFilters.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={status === value} onClick={() => setStatus(value)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      {products === undefined ? (
        <p className="products-empty" role="status">Loading products…</p>
      ) : products.length === 0 ? (
        <p className="products-empty">No products yet: add the first one.</p>
      ) : (
        <>
          <p className="products-count" role="status">
            {shown.length === products.length ? `${products.length} products` : `${shown.length} of ${products.length} products`}
          </p>
          {shown.length === 0 ? <p className="products-empty">No products match.</p> : null}
          <ul className="products-list">
            {shown.map((product) => (
              <ProductRow
                key={product.id}
                product={product}
                categoryName={categoryNames.get(product.categoryId)}
                onEdit={onEdit}
                onToggleActive={onToggleActive}
                onDelete={onDelete}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface ProductRowProps {
  readonly product: Product;
  /** Undefined when the product's category is gone: the row says so rather than hiding it. */
  readonly categoryName: string | undefined;
  readonly onEdit: (id: string) => void;
  readonly onToggleActive: (product: Product) => void;
  readonly onDelete: (id: string) => void;
}

function ProductRow({ product, categoryName, onEdit, onToggleActive, onDelete }: ProductRowProps) {
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus goes back to the row's Delete button when the admin keeps the product, so a keyboard
  // user is not dropped at the top of the page after the confirmation disappears.
  useEffect(() => {
    if (wasConfirming.current && !confirming) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <li className={`products-row${product.isActive ? '' : ' products-row--inactive'}`}>
      <div className="products-row__summary">
        <ProductThumbnail src={toThumbnailSrc(product)} />
        <div className="products-row__body">
          <h3 className="products-row__name">{product.name}</h3>
          <p className="products-row__facts">
            <span className="products-row__price">{formatRupees(product.price)}</span>
            <span className={product.stock === 0 ? 'products-row__stock products-row__stock--out' : 'products-row__stock'}>
              {product.stock === 0 ? 'Out of stock' : `${product.stock} in stock`}
            </span>
            <span className="products-row__category">{categoryName ?? `${product.category} (category missing)`}</span>
            <span className={product.isActive ? 'products-badge products-badge--active' : 'products-badge'}>{product.isActive ? 'Active' : 'Inactive'}</span>
          </p>
        </div>
      </div>
      {confirming ? (
        <div className="products-confirm" role="group" aria-label={`Delete ${product.name}?`}>
          <p role="alert">Delete {product.name}? Shoppers will no longer see it.</p>
          <div className="products-row__actions">
            <button type="button" className="products-button products-button--danger" onClick={() => onDelete(product.id)}>Delete</button>
            {/* The safe answer takes the focus, so a repeated Enter keeps the product rather than deleting it. */}
            <button type="button" className="products-button" autoFocus onClick={() => setConfirming(false)}>Keep</button>
          </div>
        </div>
      ) : (
        <div className="products-row__actions">
          <button type="button" className="products-button" onClick={() => onEdit(product.id)}>
            Edit<span className="products-visually-hidden"> {product.name}</span>
          </button>
          <button type="button" className="products-button" onClick={() => onToggleActive(product)}>
            {product.isActive ? 'Deactivate' : 'Activate'}<span className="products-visually-hidden"> {product.name}</span>
          </button>
          <button ref={deleteButton} type="button" className="products-button products-button--danger-outline" onClick={() => setConfirming(true)}>
            Delete<span className="products-visually-hidden"> {product.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
