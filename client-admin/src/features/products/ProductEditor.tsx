/**
 * Create or edit one product. While creating, the slug follows the name until the admin types a
 * slug of their own. Saving checks the whole form and shows each problem next to its field; only
 * a complete, valid document reaches onSave (the caller writes it locally, sync sends it on).
 */
import { useState, type FormEvent } from 'react';
import { Field } from '@oa/client-sync/react';
import type { Category, Product } from '@oa/schema';
import { sortCategories } from '../categories/category-form.logic';
import { PhotoPicker } from './PhotoPicker';
import { checkProductForm, maxProductImages, toImageLines, toImageList, toProductForm, toSlug, type ProductForm, type ProductFormErrors } from './product-form.logic';
import './products.css';

export interface ProductEditorProps {
  /** Undefined for a new product. */
  readonly product: Product | undefined;
  /** Every product, so the slug stays unique. */
  readonly products: readonly Product[];
  readonly categories: readonly Category[];
  readonly onSave: (product: Product) => Promise<void>;
  readonly onCancel: () => void;
  /**
   * Photos from the camera or gallery (data/product-photos.ts): `add` answers the address the
   * product stores; `discard` forgets one taken here but not saved. Without it, links only.
   */
  readonly photos?: { add(file: File): Promise<string>; discard(url: string): Promise<void> } | undefined;
  readonly newId?: () => string;
  readonly now?: () => string;
}

type TextField = Exclude<keyof ProductForm, 'isActive'>;

export function ProductEditor({
  product,
  products,
  categories,
  onSave,
  onCancel,
  photos,
  newId = () => crypto.randomUUID(),
  now = () => new Date().toISOString(),
}: ProductEditorProps) {
  const [form, setForm] = useState<ProductForm>(() => toProductForm(product));
  // An edited product keeps its slug (links to it are out there); a new one follows its name.
  const [slugFollowsName, setSlugFollowsName] = useState(product === undefined);
  const [errors, setErrors] = useState<ProductFormErrors>({});
  const [saveProblem, setSaveProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // Photos taken in this editor: forgotten again unless the product is saved with them.
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const sortedCategories = sortCategories(categories);
  const categoryMissing = form.categoryId !== '' && !sortedCategories.some((c) => c.id === form.categoryId);

  const set = (field: TextField) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value, ...(field === 'name' && slugFollowsName ? { slug: toSlug(value) } : {}) }));

  function setSlug(value: string) {
    // Typing a slug stops it following the name; clearing it (on a new product) hands it back.
    setSlugFollowsName(product === undefined && value === '');
    setForm((current) => ({ ...current, slug: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const check = checkProductForm(form, { existing: product, products, categories, newId, now: now() });
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    setSaveProblem(undefined);
    setBusy(true);
    try {
      await onSave(check.product);
      const kept = new Set(check.product.images);
      for (const url of taken) if (!kept.has(url)) void photos?.discard(url);
    } catch (error) {
      setSaveProblem(`The product was not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const problemCount = Object.keys(errors).length;
  const text = (field: TextField, label: string, extra: { inputMode?: 'decimal' | 'numeric' | 'url'; autoComplete?: string } = {}) => (
    <Field label={label} error={errors[field]}>
      {(control) => <input {...control} name={field} autoComplete="off" {...extra} value={form[field]} onChange={(event) => set(field)(event.target.value)} />}
    </Field>
  );

  return (
    <section aria-labelledby="products-editor-title" className="products-editor">
      <h2 id="products-editor-title">{product ? `Edit ${product.name}` : 'New product'}</h2>
      <form className="products-form" noValidate onSubmit={(event) => void submit(event)}>
        {problemCount > 0 ? (
          <p className="products-form__problem" role="alert">
            {errors.form ?? (problemCount === 1 ? 'Fix the field marked below.' : `Fix the ${problemCount} fields marked below.`)}
          </p>
        ) : null}
        {text('name', 'Name')}
        <Field label="Slug (in the shop's web address)" error={errors.slug}>
          {(control) => <input {...control} name="slug" autoComplete="off" autoCapitalize="none" spellCheck={false} value={form.slug} onChange={(event) => setSlug(event.target.value)} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(control) => <textarea {...control} name="description" rows={4} value={form.description} onChange={(event) => set('description')(event.target.value)} />}
        </Field>
        <div className="products-form__pair">
          {text('price', 'Price (₹)', { inputMode: 'decimal' })}
          {text('mrp', 'MRP (₹, optional)', { inputMode: 'decimal' })}
        </div>
        <Field label="Category" error={errors.categoryId}>
          {(control) => (
            <select {...control} name="categoryId" value={form.categoryId} onChange={(event) => set('categoryId')(event.target.value)}>
              <option value="">Choose…</option>
              {categoryMissing ? <option value={form.categoryId}>{product?.category ?? form.categoryId} (deleted)</option> : null}
              {sortedCategories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}{category.isActive ? '' : ' (inactive)'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="products-form__pair">
          {text('stock', 'Stock', { inputMode: 'numeric' })}
          {text('unit', 'Unit (optional, like 250 g)')}
        </div>
        {text('tags', 'Tags (separated by commas)')}
        {photos ? (
          <PhotoPicker
            images={toImageList(form.images)}
            maxImages={maxProductImages}
            addPhoto={async (file) => {
              const url = await photos.add(file);
              setTaken((current) => new Set(current).add(url));
              return url;
            }}
            onChange={(images) => set('images')(toImageLines(images))}
          />
        ) : null}
        <Field label="Image URLs (one per line, the first is the main one)" error={errors.images}>
          {(control) => <textarea {...control} name="images" rows={3} autoCapitalize="none" spellCheck={false} value={form.images} onChange={(event) => set('images')(event.target.value)} />}
        </Field>
        <label className="products-choice">
          <input type="checkbox" name="isActive" checked={form.isActive} onChange={(event) => setForm((current) => ({ ...current, isActive: event.target.checked }))} />
          Active: shoppers can see and buy it
        </label>
        {saveProblem ? <p className="products-form__problem" role="alert">{saveProblem}</p> : null}
        <div className="products-form__actions">
          <button type="submit" className="products-button products-button--primary" disabled={busy}>
            {product ? 'Save changes' : 'Create product'}
          </button>
          <button
            type="button"
            className="products-button"
            onClick={() => {
              for (const url of taken) void photos?.discard(url);
              onCancel();
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
