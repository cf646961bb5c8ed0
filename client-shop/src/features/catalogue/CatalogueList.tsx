/** The product list of the catalogue page, with the category filter and "Add to cart"; renders from the local database. */
import { useMemo, useState } from 'react';
import { formatRupees, selectProducts, sortCategories, toStockLabel, toStockState, type CatalogueCategory, type CatalogueProduct } from './catalogue.logic';

export interface CatalogueListProps {
  readonly products: readonly CatalogueProduct[];
  readonly categories: readonly CatalogueCategory[];
  /** Shows "Add to cart" on each product in stock. */
  readonly onAdd?: ((productId: string) => void) | undefined;
}

export function CatalogueList({ products, categories, onAdd }: CatalogueListProps) {
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const shown = useMemo(() => selectProducts(products, categoryId), [products, categoryId]);
  const aisles = useMemo(() => sortCategories(categories), [categories]);
  return (
    <section aria-labelledby="catalogue-title">
      <h2 id="catalogue-title" className="visually-hidden">Products</h2>
      <nav className="filters" aria-label="Categories">
        <button type="button" aria-pressed={categoryId === undefined} onClick={() => setCategoryId(undefined)}>All</button>
        {aisles.map((category) => (
          <button key={category.id} type="button" aria-pressed={categoryId === category.id} onClick={() => setCategoryId(category.id)}>
            {category.name}
          </button>
        ))}
      </nav>
      {shown.length === 0 ? (
        <p className="empty">No products here yet.</p>
      ) : (
        <ul className="products" data-testid="product-list">
          {shown.map((product) => (
            <li key={product.id} className="product">
              <h3 className="product__name">{product.name}</h3>
              {product.unit ? <p className="product__unit">{product.unit}</p> : null}
              <p className="product__price">
                {formatRupees(product.price)}
                {product.mrp !== undefined && product.mrp > product.price ? <s className="product__mrp">{formatRupees(product.mrp)}</s> : null}
              </p>
              <p className={`product__stock product__stock--${toStockState(product.stock)}`}>{toStockLabel(product.stock)}</p>
              {onAdd && product.stock > 0 ? (
                <button type="button" className="product__add" aria-label={`Add ${product.name} to cart`} onClick={() => onAdd(product.id)}>Add to cart</button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
