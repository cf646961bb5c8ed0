/**
 * POST /sync/:collection/push → `{ conflicts, rejections }`, RxDB's push semantics with every
 * security layer applied per row. Steps:
 *   1. parse the rows (a malformed row is refused alone);
 *   2. read the stored documents (the truth, whatever the client assumed);
 *   3. per row: a stale assumed state is a conflict answered with what the caller may see (the
 *      device's own last write, as it sent it, is not: changes-nothing.ts);
 *      otherwise the collection's rules (orders, reviews) or the generic rule decide the write;
 *   4. write the generic rows in one conditional batch; a lost race is a conflict;
 *   5. every refused row also returns the authoritative state in `conflicts`, so the client's
 *      copy takes the server's answer and its upload queue never wedges.
 */
import { setImmediate } from 'node:timers/promises';
import { idSchema, isDeepEqual, type Caller, type CategoryRef, type CollectionName } from '@oa/schema';
import { AppError } from '../http/app-error';
import { authoritativeState, toCallerView } from '../policy/caller-view';
import { changesNothing } from '../policy/changes-nothing';
import { mayReference, ownedReferences } from '../policy/owned-references';
import { prepareWrite } from '../policy/prepare-write';
import type { Storage, StoredDocument, StoredRow, WriteRequest } from '../storage/port';
import { loadCategories } from './load-categories';
import { parsePushRows, type PushRow } from './push-rows';
import { resolveCollection } from './resolve-read';

export interface Rejection {
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface PushResponse {
  readonly conflicts: StoredDocument[];
  readonly rejections: Rejection[];
}

export type RowOutcome =
  | { readonly kind: 'written' }
  | { readonly kind: 'conflict'; readonly state: StoredDocument }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string; readonly state: StoredDocument };

export interface RuleContext {
  readonly storage: Storage;
  readonly caller: Exclude<Caller, { role: 'anonymous' }>;
  readonly collection: CollectionName;
  readonly now: () => Date;
}

/** A collection whose writes have side effects (stock, payments, ratings) handles its own rows. */
export interface CollectionRules {
  handleRow(context: RuleContext, row: PushRow, stored: StoredRow | undefined): Promise<RowOutcome>;
}

export interface PushRequest {
  readonly collection: string;
  readonly caller: Caller;
  readonly body: unknown;
}

export interface PushDeps {
  readonly storage: Storage;
  readonly now: () => Date;
  readonly rules: Readonly<Partial<Record<CollectionName, CollectionRules>>>;
}

/** The stored targets of this push's owned references, keyed `collection/id`, in one read per target collection. */
async function loadReferences(storage: Storage, collection: CollectionName, rows: readonly PushRow[]): Promise<Map<string, StoredDocument>> {
  const found = new Map<string, StoredDocument>();
  for (const reference of ownedReferences[collection] ?? []) {
    const ids = [...new Set(rows.map((row) => row.incoming[reference.field]).filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0) continue;
    for (const row of await storage.readByIds(reference.collection, ids)) found.set(`${reference.collection}/${row.doc.id}`, row.doc);
  }
  return found;
}

export async function push(deps: PushDeps, request: PushRequest): Promise<PushResponse> {
  const collection = resolveCollection(request.collection);
  const caller = request.caller;
  if (caller.role === 'anonymous') throw new AppError(401, 'UNAUTHENTICATED', 'Sign in to make changes');
  const { rows, malformed } = parsePushRows(request.body);

  const conflicts: StoredDocument[] = [];
  const rejections: Rejection[] = [];
  const refuse = (id: string, code: string, message: string, state: StoredDocument): void => {
    rejections.push({ id, code, message });
    conflicts.push(state);
  };
  // One read for every id we can use: the rows to write and the malformed rows to correct.
  const answerable = malformed.filter((row) => idSchema.safeParse(row.id).success).map((row) => row.id);
  const ids = [...new Set([...rows.map((row) => row.id), ...answerable])];
  const stored = new Map((ids.length ? await deps.storage.readByIds(collection, ids) : []).map((r) => [r.doc.id, r]));
  for (const row of malformed) {
    rejections.push({ id: row.id, code: 'INVALID_ROW', message: row.message });
    // A row whose id we can read gets the document back as this caller may see it.
    if (row.id) conflicts.push(authoritativeState(collection, caller, row.id, stored.get(row.id)?.doc));
  }
  if (rows.length === 0) return { conflicts, rejections };

  const rules = deps.rules[collection];
  const context: RuleContext = { storage: deps.storage, caller, collection, now: deps.now };
  // The category names a product's categoryId resolves to, read once per push and only when needed.
  let categories: CategoryRef[] | undefined;
  const categoriesFor = async (): Promise<{ categories?: CategoryRef[] }> =>
    collection === 'products' ? { categories: (categories ??= await loadCategories(deps.storage)) } : {};
  const referenced = await loadReferences(deps.storage, collection, rows);
  const pending: Array<{ row: PushRow; current: StoredRow | undefined; request: WriteRequest }> = [];

  for (const row of rows) {
    const view = toCallerView(collection, caller, stored.get(row.id)?.doc);
    // A document outside the caller's scope (another account's) is decided on as if it did not
    // exist: the same rules, codes and answers as for an id nobody holds, so a push cannot tell
    // whether it exists or when it changed. Only a write that would then take its id is refused,
    // by the storage, and answered with the same bare deletion.
    const current = view.kind === 'none' ? undefined : stored.get(row.id);
    // RxDB conflict semantics, judged on what this caller could have seen: a document that
    // exists must be pushed on top of exactly its current state.
    if (view.kind !== 'none' && (row.assumed === null || !isDeepEqual(row.assumed, view.doc))) {
      // Except for the device's own last write, as RxDB holds it until a pull brings the server's
      // version: what it sent, without the server's stamps, owner or aliases. When the connection
      // dropped in between, that state differs from the stored one with no one else's write in
      // between, and calling it a conflict would undo the device's next change (the server's state
      // wins: the cart line the order emptied comes back). So a state that, written over the stored
      // document, would change nothing is current; and a creation retried after its answer was
      // lost (no assumed state) that would change nothing is answered as written. Judged only on a
      // document the caller may see: a hidden one must not tell whether it matches.
      const state = row.assumed ?? row.incoming;
      const isOwnLastWrite =
        view.kind === 'visible' &&
        changesNothing({ collection, caller, stored: current!.doc, state, ...(await categoriesFor()) });
      if (!isOwnLastWrite) {
        conflicts.push(view.doc);
        continue;
      }
      if (row.assumed === null) continue;
    }
    if (rules) {
      // Each rule row is a unit of work (an order: up to 50 products); between two, other requests
      // get their turn. Without this a push of 500 orders, whose SQLite reads and commits resolve
      // without ever leaving the microtask queue, held every other request (health included) for
      // seconds. A unit itself stays well under 50 ms.
      await setImmediate();
      const outcome = await rules.handleRow(context, row, current);
      if (outcome.kind === 'conflict') conflicts.push(outcome.state);
      if (outcome.kind === 'refused') refuse(row.id, outcome.code, outcome.message, outcome.state);
      continue;
    }
    // A reference is looked up only as an id (loadReferences reads strings only); any other value
    // names nothing and is never converted (an array nested thousands deep would overflow String()).
    const badReference = (ownedReferences[collection] ?? []).find((reference) => {
      const id = row.incoming[reference.field];
      return !mayReference(caller, reference, typeof id === 'string' ? referenced.get(`${reference.collection}/${id}`) : undefined);
    });
    if (badReference) {
      const id = row.incoming[badReference.field];
      const named = typeof id === 'string' ? ` "${id.slice(0, 64)}"` : '';
      refuse(row.id, 'NOT_FOUND', `No such ${badReference.collection} document${named}`, authoritativeState(collection, caller, row.id, current?.doc));
      continue;
    }
    const prepared = prepareWrite({
      collection,
      caller,
      stored: current?.doc,
      incoming: row.incoming,
      now: deps.now().toISOString(),
      ...(await categoriesFor()),
    });
    if (prepared.kind === 'refuse') refuse(row.id, prepared.code, prepared.message, authoritativeState(collection, caller, row.id, current?.doc));
    if (prepared.kind === 'write') pending.push({ row, current, request: { id: row.id, expectedSeq: current?.seq ?? null, doc: prepared.doc } });
  }

  if (pending.length > 0) {
    const results = await deps.storage.write(collection, pending.map((p) => p.request));
    results.forEach((result, i) => {
      const { row } = pending[i]!;
      if (result.kind === 'conflict') conflicts.push(authoritativeState(collection, caller, row.id, result.current?.doc));
      if (result.kind === 'duplicate') {
        const state = authoritativeState(collection, caller, row.id, pending[i]!.current?.doc);
        refuse(row.id, 'DUPLICATE', `Another document already has this ${result.fields.join(', ') || 'value'}`, state);
      }
    });
  }
  return { conflicts, rejections };
}
