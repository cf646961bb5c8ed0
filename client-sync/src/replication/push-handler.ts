/**
 * RxDB's push handler for one collection over the transport. Rows go as RxDB made them (the server
 * ignores _meta, _rev and _attachments and judges `assumedMasterState` against what this caller may
 * see). The server's answer is told apart: refused rows (rejections, whose ids are marked so the
 * collection's conflict handler takes the server's state) and rows another writer changed first
 * (conflicts). Both come back in `conflicts` for RxDB to resolve, so the upload queue never wedges.
 */
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import type { SyncTransport } from '../transport/create-http-transport';
import type { ServerDocument } from '../transport/sync-protocol';

export interface PushRejection {
  readonly collection: string;
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

/**
 * A row another writer changed first: the server kept its state (`current`) and the local copy
 * has taken it (or, where the collection merges, a merge is pushed next). Refused rows are
 * rejections, not conflicts.
 */
export interface PushConflict {
  readonly collection: string;
  readonly id: string;
  /** What this device tried to write. */
  readonly attempted: Readonly<Record<string, unknown>>;
  /** The server's state that won. */
  readonly current: ServerDocument;
}

export interface PushHandlerOptions {
  readonly collection: string;
  readonly transport: SyncTransport;
  /** The ids refused in the push being answered (refused-rows.ts), read by the conflict handler. */
  readonly refused: Set<string>;
  readonly report: <T>(run: () => Promise<T>) => Promise<T>;
  readonly onRejection: (rejection: PushRejection) => void;
  readonly onConflict: (conflict: PushConflict) => void;
  /**
   * The rows' current local states. RxDB retries a failed push with the rows it first made: a
   * row written again meanwhile (a cart line created, then deleted while offline) would otherwise
   * go up in its old state, and the newer local change be overwritten by it.
   */
  readonly currentStates?: (ids: readonly string[]) => Promise<ReadonlyMap<string, ServerDocument>>;
  /**
   * Runs before the rows go, with their states as they will be sent (the admin app uploads the
   * photos a product shows first). When it rejects, nothing is pushed and RxDB retries later.
   */
  readonly beforePush?: (collection: string, documents: readonly ServerDocument[]) => Promise<void>;
}

export function createPushHandler({ collection, transport, refused, report, onRejection, onConflict, currentStates, beforePush }: PushHandlerOptions) {
  return async (staleRows: RxReplicationWriteToMasterRow<ServerDocument>[]): Promise<ServerDocument[]> =>
    report(async () => {
      const current = currentStates ? await currentStates(staleRows.map((row) => row.newDocumentState.id)) : undefined;
      const rows = staleRows.map((row) => {
        const latest = current?.get(row.newDocumentState.id);
        return latest ? { ...row, newDocumentState: latest } : row;
      });
      await beforePush?.(collection, rows.map((row) => row.newDocumentState));
      const answer = await transport.push(collection, rows);
      const refusedNow = new Set(answer.rejections.map((rejection) => rejection.id));
      for (const rejection of answer.rejections) {
        // Marked before RxDB resolves the conflicts below: a refused row takes the server's
        // state, never a merge that would push the same refused change again.
        refused.add(rejection.id);
        onRejection({ collection, ...rejection });
      }
      for (const current of answer.conflicts) {
        if (refusedNow.has(current.id)) continue;
        const attempted = rows.find((row) => row.newDocumentState.id === current.id)?.newDocumentState;
        if (attempted) onConflict({ collection, id: current.id, attempted, current });
      }
      return answer.conflicts;
    });
}
