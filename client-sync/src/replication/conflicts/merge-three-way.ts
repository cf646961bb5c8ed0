/**
 * Three-way merge of one document after the server answered a push with a conflict: what this
 * device changed since the state it started from (`assumed`) is laid over the server's current
 * state (`real`), field by field, so an offline edit is not lost to another device's edit of
 * other fields. Set fields (a wishlist's productIds) merge additions and removals from both sides.
 * Pure; used by the conflict handlers of collections that opt in (others take the server's state).
 */
import { isDeepEqual } from '@oa/schema';

export type MergeableDocument = Readonly<Record<string, unknown>> & { readonly id: string; readonly _deleted: boolean };

export interface MergeRules {
  /** Fields holding a list of distinct strings, merged as sets. */
  readonly sets?: readonly string[];
  /** At most this many entries in a merged set (the schema's cap), the oldest dropped first. */
  readonly maxSetSize?: number;
}

export interface MergeInput {
  /** The state this device based its change on; undefined when it created the document. */
  readonly assumed: MergeableDocument | undefined;
  readonly real: MergeableDocument;
  readonly local: MergeableDocument;
}

/** Always the server's: ids, deletion, timestamps it sets. */
const serverFields = new Set(['id', '_deleted', 'createdAt', 'updatedAt']);

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function mergeSet(assumed: unknown, real: unknown, local: unknown, max: number | undefined): string[] {
  const before = new Set(asStrings(assumed));
  const mine = asStrings(local);
  const removed = new Set([...before].filter((entry) => !mine.includes(entry)));
  const added = mine.filter((entry) => !before.has(entry));
  const merged = [...new Set([...asStrings(real).filter((entry) => !removed.has(entry)), ...added])];
  return max !== undefined && merged.length > max ? merged.slice(merged.length - max) : merged;
}

export function mergeThreeWay({ assumed, real, local }: MergeInput, rules: MergeRules = {}): MergeableDocument {
  // A document the server deleted stays deleted: an edit cannot bring it back.
  if (real._deleted) return real;
  if (local._deleted) return { ...real, _deleted: true };
  const sets = new Set(rules.sets ?? []);
  const merged: Record<string, unknown> = { ...real };
  for (const field of new Set([...Object.keys(real), ...Object.keys(local)])) {
    if (serverFields.has(field)) continue;
    if (sets.has(field)) {
      merged[field] = mergeSet(assumed?.[field], real[field], local[field], rules.maxSetSize);
      continue;
    }
    const changedHere = !isDeepEqual(local[field], assumed?.[field]);
    if (!changedHere) continue;
    if (local[field] === undefined) delete merged[field];
    else merged[field] = local[field];
  }
  return merged as MergeableDocument;
}
