/**
 * What the product and category editors share, as pure rules: which fields of the stored document
 * travel on into the saved one (the schema's own, so server-owned ones are kept and stray local
 * ones left behind), how the schema's last-check refusal lands on the form's fields, and the
 * active switch that hides a document from shoppers without deleting it.
 */
import type { ValidationError } from '@oa/schema';

/** The stored document's fields that `schemaKeys` names and that are set. */
export function keepSchemaFields<D extends object>(existing: D | undefined, schemaKeys: readonly (keyof D)[]): Partial<D> {
  if (!existing) return {};
  return Object.fromEntries(schemaKeys.filter((key) => existing[key] !== undefined).map((key) => [key, existing[key]])) as Partial<D>;
}

/**
 * The schema's refusal of a document the form's own checks passed (rare: a stored field gone
 * bad), each field's message next to it, else one message for the whole form.
 */
export function toRefusalErrors<F extends string>(error: ValidationError, fieldOf: (path: string) => F | undefined, what: string): Partial<Record<F | 'form', string>> {
  const refused: Partial<Record<F | 'form', string>> = {};
  for (const path of error.fields) {
    const field = fieldOf(path.replace(/[.[].*$/, ''));
    if (field) refused[field] ??= `This value cannot be saved (${error.message})`;
  }
  if (Object.keys(refused).length === 0) refused.form = `This ${what} cannot be saved: ${error.message}`;
  return refused;
}

/** Deactivating hides a document from shoppers without deleting it; activating shows it again. */
export function toggleIsActive<D extends { readonly isActive: boolean; readonly updatedAt: string }>(document: D, now: string): D {
  return { ...document, isActive: !document.isActive, updatedAt: now };
}
