/**
 * Derives a collection's RxDB JSON schema (what the PWAs store locally) from its zod schema, so
 * the two cannot drift: same fields, types, ranges and caps. Secret fields are left out (no
 * client ever holds one) and so is `_deleted`, which RxDB adds itself.
 */
import { z } from 'zod';
import type { CollectionName } from '../collections/names';
import { accessPolicy } from '../policy/access-policy';

/** The subset of RxDB's RxJsonSchema this project produces (kept free of an rxdb import). */
export interface RxJsonSchemaLike {
  readonly title: string;
  readonly version: number;
  readonly primaryKey: 'id';
  readonly type: 'object';
  readonly properties: Record<string, Record<string, unknown>>;
  readonly required: readonly string[];
  readonly additionalProperties: false;
  readonly indexes?: ReadonlyArray<string | readonly string[]>;
}

export interface RxSchemaSource {
  readonly name: CollectionName;
  readonly version: number;
  readonly schema: z.ZodObject;
  readonly indexes?: ReadonlyArray<string | readonly string[]>;
}

const leftOut = (name: CollectionName): Set<string> => new Set(['_deleted', ...accessPolicy[name].secret]);

export function toRxSchema({ name, version, schema, indexes }: RxSchemaSource): RxJsonSchemaLike {
  const json = z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'throw' }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const omit = leftOut(name);
  const properties = Object.fromEntries(Object.entries(json.properties).filter(([field]) => !omit.has(field)));
  const required = (json.required ?? []).filter((field) => !omit.has(field));
  return {
    title: name,
    version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    ...(indexes ? { indexes } : {}),
  };
}
