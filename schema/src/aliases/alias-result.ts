/**
 * What a normaliser returns: the document with both names filled in, or a refusal as data
 * (the push path answers it per row; nothing here throws for bad input).
 */
export type AliasErrorCode = 'ALIAS_CONFLICT' | 'UNKNOWN_REFERENCE' | 'INVALID_ALIAS_VALUE';

export interface AliasError {
  readonly code: AliasErrorCode;
  readonly fields: readonly string[];
  readonly message: string;
}

export type Fields = Record<string, unknown>;

export type AliasResult = { readonly ok: true; readonly value: Fields } | { readonly ok: false; readonly error: AliasError };

export function aliasConflict(a: string, b: string, detail = ''): AliasResult {
  return {
    ok: false,
    error: {
      code: 'ALIAS_CONFLICT',
      fields: [a, b],
      message: `"${a}" and "${b}" are the same field under two names but were given different values${detail}; send one of them, or the same value in both`,
    },
  };
}

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function notAnObject(): AliasResult {
  return {
    ok: false,
    error: { code: 'INVALID_ALIAS_VALUE', fields: [], message: 'a document must be a JSON object' },
  };
}
