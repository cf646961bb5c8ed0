/**
 * The generic write rule, pure: given who writes, the stored document as it is now and the
 * state the client wants, decide the document to store or why not. Layers, in order:
 * authorisation (role may do this operation), ownership (the stored owner, never the client's
 * claim), fields (only those the role may change; the rest are the server's), legacy aliases,
 * and the zod schema. Collection rules with side effects (orders, reviews) build on this.
 */
import {
  accessFor,
  authorFieldFor,
  can,
  collections,
  forbiddenChanges,
  omitSecrets,
  validateDocument,
  writableFields,
  type Caller,
  type CategoryRef,
  type CollectionName,
} from '@oa/schema';
import type { StoredDocument } from '../storage/port';
import { createDefaults } from './create-defaults';

export type WriteOperation = 'create' | 'update' | 'delete';

export type PreparedWrite =
  | { readonly kind: 'write'; readonly operation: WriteOperation; readonly doc: Record<string, unknown> & { id: string; _deleted: boolean } }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'refuse'; readonly code: string; readonly message: string };

export interface WriteIntent {
  readonly collection: CollectionName;
  readonly caller: Caller;
  /** The stored document, secrets included (they are kept, never taken from the client). */
  readonly stored: StoredDocument | undefined;
  /** The state the client asks for (its RxDB document, metadata stripped). */
  readonly incoming: Readonly<Record<string, unknown>> & { readonly id: string };
  readonly now: string;
  /** For products: to resolve `category` names and `categoryId` references. */
  readonly categories?: readonly CategoryRef[];
}

const refuse = (code: string, message: string): PreparedWrite => ({ kind: 'refuse', code, message });

/**
 * The document with each default it lacks. Added after its own fields rather than spread under
 * them: `{ ...defaults, ...doc }` made V8 rebuild every new document property by property, and
 * was a third of a product push's time in this function (profiled, bench:sync).
 */
function withDefaults(doc: Record<string, unknown>, defaults: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  if (!defaults) return doc;
  const missing = Object.keys(defaults).filter((field) => doc[field] === undefined);
  if (missing.length === 0) return doc;
  const copy = { ...doc };
  for (const field of missing) copy[field] = defaults[field];
  return copy;
}

export function operationOf(stored: StoredDocument | undefined, incoming: Readonly<Record<string, unknown>>): WriteOperation | 'unchanged' {
  const exists = stored !== undefined && stored._deleted !== true;
  if (incoming._deleted === true) return exists ? 'delete' : 'unchanged';
  return exists ? 'update' : 'create';
}

export function prepareWrite(intent: WriteIntent): PreparedWrite {
  const { collection, caller, stored, incoming, now } = intent;
  const operation = operationOf(stored, incoming);
  if (caller.role === 'anonymous') return refuse('UNAUTHENTICATED', 'Sign in to make changes');
  // Deleting what is not there is answered by the role alone, whether or not a document exists:
  // refused for a role that may not delete here at all.
  const asked = operation === 'unchanged' ? 'delete' : operation;
  if (!can(collection, caller.role, asked)) return refuse('FORBIDDEN', `Your role may not ${asked} ${collection}`);
  // A deletion of a document not stored yet (it overtook its own creation: a retry, two requests
  // racing) is stored as a deletion, built as that document would be created, so it sticks: the
  // creation arriving later meets a deleted document and conflicts instead of bringing it back.
  const deletesUnseen = operation === 'unchanged' && stored === undefined && can(collection, caller.role, 'create');
  // Deleted already (or a role that could not have created it): nothing to store.
  if (operation === 'unchanged' && !deletesUnseen) return { kind: 'unchanged' };

  // Ownership is checked on the stored document, whatever the client claims, and also for a
  // soft-deleted one: an id once used by someone else is never taken over.
  const owner = accessFor(collection, caller.role)?.owner;
  if (owner !== undefined && stored !== undefined && stored[owner] !== caller.id) {
    return refuse('NOT_FOUND', `No such document in ${collection}`);
  }

  let doc: Record<string, unknown>;
  if (operation === 'delete') {
    doc = { ...stored!, _deleted: true };
  } else if (operation === 'create' || deletesUnseen) {
    const allowed = writableFields(collection, caller.role, 'create') ?? [];
    doc = {};
    for (const field of allowed) if (incoming[field] !== undefined) doc[field] = incoming[field];
    const author = authorFieldFor(collection, caller.role);
    if (author !== undefined) doc[author] = caller.id;
    doc.id = incoming.id;
    doc._deleted = deletesUnseen;
    doc.createdAt = now;
  } else {
    const current = stored!;
    // Compared with what this caller could have seen (no secrets), so an echo of the stored
    // state passes and any change to a field the role may not change is refused.
    const forbidden = forbiddenChanges(collection, caller.role, omitSecrets(collection, current), incoming);
    if (forbidden.length > 0) {
      return refuse('FIELD_NOT_WRITABLE', `Your role may not change ${forbidden.join(', ')} of ${collection}`);
    }
    doc = { ...current };
    for (const field of writableFields(collection, caller.role, 'update') ?? []) {
      if (incoming[field] === undefined) delete doc[field];
      else doc[field] = incoming[field];
    }
  }
  doc.updatedAt = now;

  const normalized = collections[collection].normalize(doc, {
    previous: stored,
    ...(intent.categories ? { categories: intent.categories } : {}),
  });
  if (!normalized.ok) return refuse(normalized.error.code, normalized.error.message);
  // Defaults fill only what is still missing once both alias names are in: a default `images: []`
  // laid down first would contradict a legacy client's `imageUrl`.
  const complete = operation === 'create' || deletesUnseen ? withDefaults(normalized.value, createDefaults[collection]) : normalized.value;
  const valid = validateDocument(collection, complete);
  if (!valid.ok) return refuse(valid.error.code, valid.error.message);
  return { kind: 'write', operation: asked, doc: valid.value as Record<string, unknown> & { id: string; _deleted: boolean } };
}
