/**
 * The push body, parsed at the edge: an array of RxDB rows `{ assumedMasterState,
 * newDocumentState }`. A malformed row becomes a per-row refusal (it never fails the batch);
 * only a body that is not an array, or one over the row limit, is refused whole.
 */
import { idSchema, isFields } from '@oa/schema';
import { AppError } from '../http/app-error';

export const maxPushRows = 500;
export const maxPushBytes = 4 * 1024 * 1024;

export interface PushRow {
  readonly id: string;
  readonly assumed: Readonly<Record<string, unknown>> | null;
  readonly incoming: Readonly<Record<string, unknown>> & { readonly id: string };
}

export interface MalformedRow {
  readonly id: string;
  readonly message: string;
}

/** RxDB's local bookkeeping: never stored, never compared. */
const clientOnlyFields = ['_meta', '_rev', '_attachments'];

export function stripClientFields(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy = { ...doc };
  for (const field of clientOnlyFields) delete copy[field];
  return copy;
}

export function parsePushRows(body: unknown): { rows: PushRow[]; malformed: MalformedRow[] } {
  if (!Array.isArray(body)) throw new AppError(400, 'VALIDATION_FAILED', 'A push body is an array of { assumedMasterState, newDocumentState }');
  if (body.length > maxPushRows) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', `A push may carry at most ${maxPushRows} rows; send the rest in another push`);
  }
  const rows: PushRow[] = [];
  const malformed: MalformedRow[] = [];
  const seen = new Set<string>();
  for (const raw of body) {
    const state = isFields(raw) ? raw.newDocumentState : undefined;
    const rawId = isFields(state) ? state.id : undefined;
    const id = typeof rawId === 'string' ? rawId.slice(0, 64) : '';
    if (!isFields(raw) || !isFields(state)) {
      malformed.push({ id, message: 'A row needs a newDocumentState object' });
      continue;
    }
    if (!idSchema.safeParse(rawId).success) {
      malformed.push({ id, message: 'newDocumentState.id must be 1-64 letters, digits, "-" or "_"' });
      continue;
    }
    const assumed = raw.assumedMasterState;
    if (assumed !== undefined && assumed !== null && !isFields(assumed)) {
      malformed.push({ id, message: 'assumedMasterState must be an object or null' });
      continue;
    }
    if (seen.has(id)) {
      malformed.push({ id, message: 'The same document appears twice in one push' });
      continue;
    }
    seen.add(id);
    rows.push({
      id,
      assumed: assumed ? stripClientFields(assumed) : null,
      incoming: { ...stripClientFields(state), id } as PushRow['incoming'],
    });
  }
  return { rows, malformed };
}
