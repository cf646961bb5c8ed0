/**
 * Whether a state a device sends, written over the stored document by this caller, would store
 * exactly what is stored already (but for the update stamp). The push's conflict check uses it for
 * the states a device holds of its own writes: the server stamps times, fills legacy aliases and
 * defaults and drops what the role may not set, so what RxDB assumes is on the server after a push
 * (what it sent) differs from the stored document until a pull brings the server's version. When
 * the connection drops in between, the device's next change (the line the order emptied from the
 * cart) would meet a conflict that is none, take the server's state and bring the line back.
 * Pure; not for deciding writes (prepareWrite does that).
 */
import { isDeepEqual, writableFields, type Caller, type CategoryRef, type CollectionName } from '@oa/schema';
import type { StoredDocument } from '../storage/port';
import { prepareWrite } from './prepare-write';

export interface ChangesNothingInput {
  readonly collection: CollectionName;
  readonly caller: Caller;
  readonly stored: StoredDocument;
  /** The state the device holds or sends (RxDB's bookkeeping stripped). */
  readonly state: Readonly<Record<string, unknown>>;
  /** For products: to resolve category names, as the write would. */
  readonly categories?: readonly CategoryRef[];
}

export function changesNothing(input: ChangesNothingInput): boolean {
  const { collection, caller, stored } = input;
  // A field the device's state lacks and its role may not write is the server's (the owner it
  // stamped, a default, a legacy alias): the device assumed nothing about it. One it holds with
  // another value still counts, and a writable field it lacks is one it would remove.
  const writable = new Set(writableFields(collection, caller.role, 'update') ?? []);
  const state: Record<string, unknown> = { ...input.state, id: stored.id };
  for (const [field, value] of Object.entries(stored)) if (state[field] === undefined && !writable.has(field)) state[field] = value;
  // Judged as the write itself would be: the stored document's own owner and fields, this role's
  // writable fields, aliases and defaults. A state this caller could not write (another role's
  // fields changed, a refused write) changes something by definition: it stays a conflict.
  const prepared = prepareWrite({
    collection,
    caller,
    stored,
    incoming: state as ChangesNothingInput['state'] & { id: string },
    now: stored.updatedAt,
    ...(input.categories ? { categories: input.categories } : {}),
  });
  if (prepared.kind === 'unchanged') return true; // a deletion of what is deleted already
  if (prepared.kind !== 'write') return false;
  return isDeepEqual({ ...prepared.doc, updatedAt: stored.updatedAt }, stored);
}
