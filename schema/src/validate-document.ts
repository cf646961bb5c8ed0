/**
 * Validation of a whole document against its collection's zod schema, with refusals as data:
 * a stable code, the offending field paths and a message a person can act on.
 */
import type { z } from 'zod';
import type { CollectionName } from './collections/names';
import { collections } from './collections/registry';

export interface ValidationError {
  readonly code: 'VALIDATION_FAILED';
  readonly fields: readonly string[];
  readonly message: string;
}

export type ValidationResult<T = Record<string, unknown>> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ValidationError };

export function validateDocument(collection: CollectionName, doc: unknown): ValidationResult {
  const parsed = collections[collection].schema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data as Record<string, unknown> };
  return { ok: false, error: toValidationError(parsed.error.issues) };
}

export function toValidationError(issues: readonly z.core.$ZodIssue[]): ValidationError {
  const toPath = (parts: readonly PropertyKey[]): string =>
    parts.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  const describe = (issue: z.core.$ZodIssue): { paths: string[]; text: string } => {
    if (issue.code === 'unrecognized_keys') {
      // One field path per unknown key, under the object that holds it (`shippingAddress.floor`),
      // so a caller can point at each offending field rather than at a joined list of names.
      const paths = issue.keys.map((key) => toPath([...issue.path, key]));
      return { paths, text: `unknown field${paths.length > 1 ? 's' : ''} ${paths.join(', ')}` };
    }
    const path = toPath(issue.path);
    return { paths: [path], text: `${path || 'document'}: ${issue.message}` };
  };
  const described = issues.slice(0, 10).map(describe);
  return {
    code: 'VALIDATION_FAILED',
    fields: [...new Set(described.flatMap((d) => d.paths).filter(Boolean))],
    message: described.map((d) => d.text).join('; '),
  };
}
