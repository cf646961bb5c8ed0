/**
 * The live stream: one Server-Sent-Events connection per client carrying every collection it
 * replicates. One subscription to the storage's change feed serves every connection; each
 * change is filtered per reader (scope, visibility, secrets) and serialised once per distinct
 * scope, so a thousand shoppers watching the catalogue cost one JSON.stringify per change.
 */
import type { ServerResponse } from 'node:http';
import { readFilterFor, secretFields, type Caller, type CollectionName } from '@oa/schema';
import { toCallerView } from '../policy/caller-view';
import type { Change, ChangeFeed, StoredDocument } from '../storage/port';
import { encodeCheckpoint, scopeFingerprint } from './checkpoint';

export interface StreamClient {
  readonly caller: Caller;
  readonly collections: readonly CollectionName[];
  readonly response: ServerResponse;
  /** When the client's access token expires the stream ends; it reconnects with a fresh one. */
  readonly endsAt: Date | undefined;
  /** The session behind the token: when it ends (logout, refresh-token reuse) the stream ends too. */
  readonly sessionId: string | undefined;
  /** The client's address, for the per-address cap. */
  readonly address: string;
}

export interface StreamLimits {
  /** Open streams in this process. */
  readonly max: number;
  /** Open streams per client address. */
  readonly perAddress: number;
}

export interface StreamHub {
  /**
   * Whether one more stream from this address fits under the caps. Asked before the response
   * starts; attach() in the same turn then holds the place (nothing else runs in between).
   */
  admits(address: string): boolean;
  /**
   * Starts streaming to this response (its headers already written), until the client hangs up,
   * its token expires, its session ends or the hub closes. Throws only if the stream could not
   * start, after ending it.
   */
  attach(client: StreamClient): void;
  readonly size: number;
  /**
   * Ends every stream, and any attached later. With `retryMs` (a shutdown), each first gets a
   * `retry:` hint and its connection is closed behind it, so its client reconnects after about
   * that long, on a new connection, which a load balancer sends to a process that is staying.
   */
  close(options?: { readonly retryMs?: number }): void;
}

/** A client whose unsent data grows past this is too slow to keep: dropped, it reconnects and resyncs. */
const maxBufferedBytes = 1024 * 1024;
const heartbeatMs = 25_000;

/**
 * Without caps, anyone could open streams until the process ran out of memory or descriptors
 * (about 15 KB and one descriptor each, no sign-in needed for the catalogue).
 */
const defaultLimits: StreamLimits = { max: 10_000, perAddress: 50 };

export function createStreamHub(feed: ChangeFeed, options: { heartbeatMs?: number; limits?: StreamLimits } = {}): StreamHub {
  const limits = options.limits ?? defaultLimits;
  const clients = new Set<{ client: StreamClient; end: () => void }>();
  const perAddress = new Map<string, number>();
  let unsubscribe: (() => void) | undefined;
  /** Set by close(): what a stream is sent before it ends (undefined: nothing); no stream starts after. */
  let closing: { readonly farewell: string | undefined } | undefined;

  const send = (entry: { client: StreamClient; end: () => void }, text: string): void => {
    const { response } = entry.client;
    if (response.writableEnded || response.destroyed) return entry.end();
    response.write(text);
    if (response.writableLength > maxBufferedBytes) entry.end();
  };

  const onChange = (change: Change): void => {
    // Sessions end through the database, from any server process: a stream never outlives its
    // session, even while its access token is still unexpired.
    if (change.collection === 'sessions') {
      const ended = new Set(change.rows.filter((row) => row.doc._deleted || row.doc.revokedAt).map((row) => row.doc.id));
      for (const entry of [...clients]) if (entry.client.sessionId && ended.has(entry.client.sessionId)) entry.end();
    }
    const payloads = new Map<string, string | null>();
    // One hash per distinct reader scope, not per connection: a thousand shoppers following the
    // catalogue share one filter, so one fingerprint and (below) one serialised payload.
    const omitted = secretFields(change.collection);
    const fingerprints = new Map<string, string>();
    for (const entry of clients) {
      const { caller, collections } = entry.client;
      if (!collections.includes(change.collection)) continue;
      const filter = readFilterFor(change.collection, caller);
      if (!filter) continue;
      const filterKey = JSON.stringify(filter);
      let fingerprint = fingerprints.get(filterKey);
      if (fingerprint === undefined) fingerprints.set(filterKey, (fingerprint = scopeFingerprint(change.collection, filter, omitted)));
      let payload = payloads.get(fingerprint);
      if (payload === undefined) {
        const documents: StoredDocument[] = [];
        for (const row of change.rows) {
          const view = toCallerView(change.collection, caller, row.doc);
          if (view.kind !== 'none') documents.push(view.doc);
        }
        const checkpoint = encodeCheckpoint({ seq: change.checkpoint, firstSyncUntil: undefined }, fingerprint);
        payload = documents.length > 0 ? `data: ${JSON.stringify({ collection: change.collection, documents, checkpoint })}\n\n` : null;
        payloads.set(fingerprint, payload);
      }
      if (payload !== null) send(entry, payload);
    }
  };

  const heartbeat = setInterval(() => {
    for (const entry of clients) send(entry, ': ping\n\n');
  }, options.heartbeatMs ?? heartbeatMs);
  heartbeat.unref();

  return {
    get size() {
      return clients.size;
    },
    admits(address) {
      return clients.size < limits.max && (perAddress.get(address) ?? 0) < limits.perAddress;
    },
    attach(client) {
      if (closing) {
        // A stream request that was already under way when the hub closed: told to come back.
        endStream(client.response, closing.farewell);
        return;
      }
      // Everything a stream holds lives for its hours, once per connection: one entry, its end,
      // one listener and (for a token that expires) one timer; no promise, no once-wrapper.
      const { response } = client;
      let timer: NodeJS.Timeout | undefined;
      const entry = {
        client,
        end: () => {
          if (!clients.delete(entry)) return;
          response.off('close', entry.end);
          const left = (perAddress.get(client.address) ?? 1) - 1;
          if (left > 0) perAddress.set(client.address, left);
          else perAddress.delete(client.address);
          if (timer) clearTimeout(timer);
          if (clients.size === 0 && unsubscribe) {
            unsubscribe();
            unsubscribe = undefined;
          }
          if (!response.writableEnded) response.end();
        },
      };
      clients.add(entry);
      perAddress.set(client.address, (perAddress.get(client.address) ?? 0) + 1);
      try {
        unsubscribe ??= feed.subscribe(onChange);
        response.on('close', entry.end);
        if (client.endsAt) {
          timer = setTimeout(entry.end, Math.max(0, client.endsAt.getTime() - Date.now()));
          timer.unref();
        }
        releaseHeaderPieces(response);
        // The first event tells the client to pull from its checkpoint: whatever changed between
        // its last pull and this connection arrives that way, and the stream carries the rest.
        send(entry, 'retry: 2000\ndata: "RESYNC"\n\n');
      } catch (error) {
        // Never a stream left open that the hub does not hold: its client would wait for events
        // that never come. It reconnects, and the error reaches the caller's error handling.
        entry.end();
        response.destroy();
        throw error;
      }
    },
    close(options = {}) {
      clearInterval(heartbeat);
      // A comment line for people reading the stream, then the reconnection delay (SSE's `retry:`
      // field); no data: an event the apps do not know would be reported as a broken stream.
      closing = { farewell: options.retryMs === undefined ? undefined : `: server closing\nretry: ${Math.round(options.retryMs)}\n\n` };
      for (const entry of [...clients]) endStream(entry.client.response, closing.farewell, entry.end);
    },
  };
}

/**
 * Node builds a response's header block by appending line after line to one string, and keeps it
 * for the response's life (`_header`, read by `headersSent`). V8 holds such a string as a tree of
 * about fifty pieces: 1.2 KB per stream more than its flat text (measured, bench:sync's idle
 * streams). Reading one character flattens it in place, and the pieces are collected. `_header`
 * is not public API, so this only reads it, and does nothing when no string is there.
 */
function releaseHeaderPieces(response: ServerResponse): void {
  const header: unknown = (response as { _header?: unknown })._header;
  if (typeof header === 'string' && header.length > 0) header.charCodeAt(0);
}

/**
 * Ends a stream, with the farewell when there is one, and then closes its connection: the
 * stream's headers said keep-alive, and left open the connection would carry the reconnection
 * back to this closing process. The client waits at least half the hint before reconnecting, long
 * after the close has reached it, so it never sends on a connection being closed.
 */
function endStream(response: ServerResponse, farewell: string | undefined, end: () => void = () => response.end()): void {
  const { socket } = response;
  if (farewell !== undefined && !response.writableEnded && !response.destroyed) response.write(farewell);
  end();
  if (farewell !== undefined) socket?.destroySoon();
}
