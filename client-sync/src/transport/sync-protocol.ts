/**
 * The wire shapes of docs/sync-protocol.md as the client sees them, and the checks that parse the
 * server's answers at the edge. Documents stay plain records: their fields are the server's
 * business (it validates every write with the zod schemas); only the envelope is checked here.
 */

/** A document as the server sends it; a tombstone is `{ id, _deleted: true, updatedAt }` and nothing else. */
export interface ServerDocument {
  readonly id: string;
  readonly _deleted: boolean;
  readonly [field: string]: unknown;
}

export interface PullAnswer {
  readonly documents: ServerDocument[];
  /** Opaque: passed back exactly as received. */
  readonly checkpoint: string;
}

export interface PushRow {
  readonly assumedMasterState?: Readonly<Record<string, unknown>> | null | undefined;
  readonly newDocumentState: Readonly<Record<string, unknown>>;
}

export interface Rejection {
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface PushAnswer {
  /** The server's current state of every row it did not take, refused rows included. */
  readonly conflicts: ServerDocument[];
  readonly rejections: Rejection[];
}

/** One live-stream event: pull now, or the changes of one collection with a pull checkpoint. */
export type StreamEvent = 'RESYNC' | { readonly collection: string; readonly documents: ServerDocument[]; readonly checkpoint: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isServerDocument = (value: unknown): value is ServerDocument => isRecord(value) && typeof value.id === 'string';

const isDocumentList = (value: unknown): value is ServerDocument[] => Array.isArray(value) && value.every(isServerDocument);

export const isPullAnswer = (value: unknown): value is PullAnswer =>
  isRecord(value) && isDocumentList(value.documents) && typeof value.checkpoint === 'string';

const isRejection = (value: unknown): value is Rejection =>
  isRecord(value) && typeof value.id === 'string' && typeof value.code === 'string' && typeof value.message === 'string';

export const isPushAnswer = (value: unknown): value is PushAnswer =>
  isRecord(value) && isDocumentList(value.conflicts) && Array.isArray(value.rejections) && value.rejections.every(isRejection);

export const isStreamEvent = (value: unknown): value is StreamEvent =>
  value === 'RESYNC' ||
  (isRecord(value) && typeof value.collection === 'string' && isDocumentList(value.documents) && typeof value.checkpoint === 'string');
