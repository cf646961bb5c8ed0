/**
 * The inline form that adds or edits one category on the categories page. While adding, the slug
 * follows the name until the admin types one. Only a complete, valid document reaches onSave;
 * each problem shows next to its field.
 */
import { useState, type FormEvent } from 'react';
import { Field } from '@oa/client-sync/react';
import type { Category } from '@oa/schema';
import { toSlug } from '../products/product-form.logic';
import { checkCategoryForm, toCategoryForm, type CategoryForm, type CategoryFormErrors } from './category-form.logic';
import './categories.css';

export interface CategoryEditorProps {
  /** Undefined for a new category. */
  readonly category: Category | undefined;
  readonly categories: readonly Category[];
  /** The sort order a new category starts with. */
  readonly nextSortOrder: number;
  readonly onSave: (category: Category) => Promise<void>;
  /** Called on Cancel, and after a save went through. */
  readonly onClose: () => void;
  readonly newId: () => string;
  readonly now: () => string;
}

type TextField = Exclude<keyof CategoryForm, 'isActive'>;

export function CategoryEditor({ category, categories, nextSortOrder, onSave, onClose, newId, now }: CategoryEditorProps) {
  const [form, setForm] = useState<CategoryForm>(() => toCategoryForm(category, nextSortOrder));
  const [slugFollowsName, setSlugFollowsName] = useState(category === undefined);
  const [errors, setErrors] = useState<CategoryFormErrors>({});
  const [saveProblem, setSaveProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const title = category ? `Edit ${category.name}` : 'New category';

  const set = (field: TextField, value: string) =>
    setForm((current) => ({ ...current, [field]: value, ...(field === 'name' && slugFollowsName ? { slug: toSlug(value) } : {}) }));

  function setSlug(value: string) {
    // Typing a slug stops it following the name; clearing it (on a new category) hands it back.
    setSlugFollowsName(category === undefined && value === '');
    setForm((current) => ({ ...current, slug: value }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const check = checkCategoryForm(form, { existing: category, categories, newId, now: now() });
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    setSaveProblem(undefined);
    setBusy(true);
    try {
      await onSave(check.category);
    } catch (error) {
      setBusy(false);
      return setSaveProblem(`The category was not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
    setBusy(false);
    onClose();
  }

  return (
    <form className="categories-form" aria-label={title} noValidate onSubmit={(event) => void submit(event)}>
      <h3 className="categories-form__title">{title}</h3>
      {errors.form ? <p className="categories-problem" role="alert">{errors.form}</p> : null}
      <Field label="Name" error={errors.name}>
        {(control) => <input {...control} name="name" autoComplete="off" value={form.name} onChange={(event) => set('name', event.target.value)} />}
      </Field>
      <Field label="Slug (in the shop's web address)" error={errors.slug}>
        {(control) => <input {...control} name="slug" autoComplete="off" autoCapitalize="none" spellCheck={false} value={form.slug} onChange={(event) => setSlug(event.target.value)} />}
      </Field>
      <Field label="Description (optional)" error={errors.description}>
        {(control) => <textarea {...control} name="description" rows={2} value={form.description} onChange={(event) => set('description', event.target.value)} />}
      </Field>
      <Field label="Sort order (smallest first)" error={errors.sortOrder}>
        {(control) => <input {...control} name="sortOrder" inputMode="numeric" autoComplete="off" value={form.sortOrder} onChange={(event) => set('sortOrder', event.target.value)} />}
      </Field>
      <label className="categories-choice">
        <input type="checkbox" name="isActive" checked={form.isActive} onChange={(event) => setForm((current) => ({ ...current, isActive: event.target.checked }))} />
        Active: shoppers can see it
      </label>
      {saveProblem ? <p className="categories-problem" role="alert">{saveProblem}</p> : null}
      <div className="categories-actions">
        <button type="submit" className="categories-button categories-button--primary" disabled={busy}>
          {category ? 'Save changes' : 'Add category'}
        </button>
        <button type="button" className="categories-button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
