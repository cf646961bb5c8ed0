/** The product list of the catalogue page, with the category filter; renders from the local database. */
import { useMemo, useState } from 'react';
import { formatRupees, selectProducts, sortCategories, toStockLabel, toStockState, type CatalogueCategory, type CatalogueProduct } from './catalogue.logic';

export function CatalogueList({ products, categories }: { products: readonly CatalogueProduct[]; categories: readonly CatalogueCategory[] }) {
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
