/**
 * Which documents sync sees: those with the platform's string `id` and numeric `_seq`. Others (a
 * legacy backend's, on the shared database) stay outside the unique `id` and `_seq` indexes and
 * are invisible to every read and conditional write here: never an error, never changed.
 * The same terms are the indexes' partial filters (ensure-collections.ts) and part of every query.
 */
import type { Document } from 'mongodb';

/** The partial filter of the unique `<collection>_id` index. */
export const hasId: Document = { id: { $type: 'string' } };
/** The partial filter of the unique `<collection>_seq` index. */
export const hasSeq: Document = { _seq: { $type: 'number' } };

// Every query on `id` or `_seq` carries both terms verbatim. Not only to leave other documents
// out: MongoDB uses a partial index only for a query that contains its filter expression (or one
// it can prove narrower), and its planner proves that for comparisons and `$exists`, not for
// `$type` (`{ id: 'a' }` alone would scan the collection). See "Partial Indexes", Query Coverage.
export const isSynced: Document = { ...hasId, ...hasSeq };
