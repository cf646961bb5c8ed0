/**
 * The admin's categories: the list in the shop's order, with add and edit inline, deactivate,
 * and delete (refused while products are still in the category, confirmed otherwise). This page
 * only asks: the caller writes the change to the local database, and sync carries it to the shop.
 */
import { useEffect, useRef, useState } from 'react';
import type { Category, Product } from '@oa/schema';
import { CategoryEditor } from './CategoryEditor';
import { countProductsByCategory, sortCategories, toDeleteRefusalFor, toggleCategoryActive, toNextSortOrder } from './category-form.logic';
import './categories.css';

export interface CategoriesPageProps {
  /** Undefined while the local database is still loading them. */
  readonly categories: readonly Category[] | undefined;
  readonly products: readonly Pick<Product, 'id' | 'categoryId'>[];
  readonly onSave: (category: Category) => Promise<void>;
  readonly onDelete: (id: string) => void;
  readonly newId?: () => string;
  readonly now?: () => string;
}

const newCategory = 'new';

export function CategoriesPage({
  categories,
  products,
  onSave,
  onDelete,
  newId = () => crypto.randomUUID(),
  now = () => new Date().toISOString(),
}: CategoriesPageProps) {
  // One form open at a time: the id of the category being edited, or 'new'.
  const [editing, setEditing] = useState<string | undefined>();
  const sorted = sortCategories(categories ?? []);
  const counts = countProductsByCategory(products);
  const editor = (category: Category | undefined) => (
    <CategoryEditor
      category={category}
      categories={sorted}
      nextSortOrder={toNextSortOrder(sorted)}
      onSave={onSave}
      onClose={() => setEditing(undefined)}
      newId={newId}
      now={now}
    />
  );

  return (
    <section aria-labelledby="categories-title" className="categories-page">
      <div className="categories-header">
        <h2 id="categories-title">Categories</h2>
        {editing !== newCategory && categories !== undefined ? (
          <button type="button" className="categories-button categories-button--primary" onClick={() => setEditing(newCategory)}>
            Add a category
          </button>
        ) : null}
      </div>
      {editing === newCategory ? editor(undefined) : null}
      {categories === undefined ? (
        <p className="categories-empty" role="status">Loading categories…</p>
      ) : sorted.length === 0 ? (
        <p className="categories-empty">No categories yet: add the first one.</p>
      ) : (
        <ul className="categories-list">
          {sorted.map((category) =>
            editing === category.id ? (
              <li key={category.id} className="categories-row categories-row--editing">{editor(category)}</li>
            ) : (
              <CategoryRow
                key={category.id}
                category={category}
                productCount={counts.get(category.id) ?? 0}
                deleteRefusal={toDeleteRefusalFor(category.name, counts.get(category.id) ?? 0)}
                onEdit={() => setEditing(category.id)}
                onToggleActive={() => onSave(toggleCategoryActive(category, now()))}
                onDelete={() => onDelete(category.id)}
              />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

interface CategoryRowProps {
  readonly category: Category;
  readonly productCount: number;
  readonly deleteRefusal: string | undefined;
  readonly onEdit: () => void;
  readonly onToggleActive: () => Promise<void>;
  readonly onDelete: () => void;
}

function CategoryRow({ category, productCount, deleteRefusal, onEdit, onToggleActive, onDelete }: CategoryRowProps) {
  // 'confirm' asks before deleting; 'refused' says which products are in the way.
  const [asking, setAsking] = useState<'confirm' | 'refused' | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Back to the row's Delete button after Keep, so a keyboard user is not dropped at the top of the page.
  useEffect(() => {
    if (wasConfirming.current && asking !== 'confirm') deleteButton.current?.focus();
    wasConfirming.current = asking === 'confirm';
  }, [asking]);

  function toggle() {
    setProblem(undefined);
    onToggleActive().catch((error: unknown) => setProblem(`Not saved: ${error instanceof Error ? error.message : String(error)}`));
  }

  return (
    <li className={`categories-row${category.isActive ? '' : ' categories-row--inactive'}`}>
      <div>
        <h3 className="categories-row__name">{category.name}</h3>
        <p className="categories-row__facts">
          <span>/{category.slug}</span>
          <span>{productCount === 1 ? '1 product' : `${productCount} products`}</span>
          <span>Position {category.sortOrder}</span>
          <span className={category.isActive ? 'categories-badge categories-badge--active' : 'categories-badge'}>{category.isActive ? 'Active' : 'Inactive'}</span>
        </p>
        {category.description ? <p className="categories-row__description">{category.description}</p> : null}
      </div>
      {asking === 'confirm' ? (
        <div className="categories-confirm" role="group" aria-label={`Delete ${category.name}?`}>
          <p role="alert">Delete {category.name}? Shoppers will no longer see it.</p>
          <div className="categories-actions">
            <button type="button" className="categories-button categories-button--danger" onClick={onDelete}>Delete</button>
            {/* The safe answer takes the focus, so a repeated Enter keeps the category rather than deleting it. */}
            <button type="button" className="categories-button" autoFocus onClick={() => setAsking(undefined)}>Keep</button>
          </div>
        </div>
      ) : (
        <div className="categories-actions">
          <button type="button" className="categories-button" onClick={onEdit}>
            Edit<span className="categories-visually-hidden"> {category.name}</span>
          </button>
          <button type="button" className="categories-button" onClick={toggle}>
            {category.isActive ? 'Deactivate' : 'Activate'}<span className="categories-visually-hidden"> {category.name}</span>
          </button>
          <button
            ref={deleteButton}
            type="button"
            className="categories-button categories-button--danger-outline"
            // Checked again on every press: products may have moved in or out since the page opened.
            onClick={() => setAsking(deleteRefusal ? 'refused' : 'confirm')}
          >
            Delete<span className="categories-visually-hidden"> {category.name}</span>
          </button>
        </div>
      )}
      {asking === 'refused' && deleteRefusal ? <p className="categories-problem" role="alert">{deleteRefusal}</p> : null}
      {problem ? <p className="categories-problem" role="alert">{problem}</p> : null}
    </li>
  );
}
