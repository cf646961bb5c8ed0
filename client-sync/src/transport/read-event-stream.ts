/**
 * Reads the server's live stream (`GET /sync/stream?collections=…`) with fetch rather than
 * EventSource, so the Bearer header can be sent, and yields its parsed events until the server
 * ends it or the signal aborts (then it simply returns). Not for reconnecting: one call is one
 * connection; the caller decides when to open the next.
 */
import { authorizationHeader, protocolHeaders, trimBaseUrl, type FetchLike, type HttpTransportOptions } from './create-http-transport';
import { initialEventStreamState, parseEventStreamChunk } from './parse-event-stream-chunk';
import { SyncHttpError, toSyncHttpError } from './sync-http-error';
import { isStreamEvent, type StreamEvent } from './sync-protocol';

export interface ReadEventStreamOptions {
  readonly baseUrl: string;
  readonly collections: readonly string[];
  readonly getAccessToken: HttpTransportOptions['getAccessToken'];
  readonly fetch?: FetchLike;
  readonly signal: AbortSignal;
  /** Called with the server's `retry:` delay, when it sends one. */
  readonly onRetryHint?: (ms: number) => void;
}

export async function* readEventStream(options: ReadEventStreamOptions): AsyncGenerator<StreamEvent, void, undefined> {
  const { signal } = options;
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = `${trimBaseUrl(options.baseUrl)}/sync/stream?collections=${options.collections.map(encodeURIComponent).join(',')}`;
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: { accept: 'text/event-stream', ...protocolHeaders, ...(await authorizationHeader(options.getAccessToken)) },
      signal,
    });
  } catch (cause) {
    if (signal.aborted) return;
    throw new SyncHttpError(0, 'NETWORK_ERROR', 'The live stream could not be opened', { cause });
  }
  if (!response.ok) throw await toSyncHttpError(response);
  if (!response.body) throw new SyncHttpError(response.status, 'BAD_RESPONSE', 'The live stream has no body');

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let state = initialEventStreamState;
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (signal.aborted) return;
        throw new SyncHttpError(0, 'NETWORK_ERROR', 'The live stream was cut', { cause });
      }
      if (chunk.done) return;
      const parsed = parseEventStreamChunk(state, decoder.decode(chunk.value, { stream: true }));
      state = parsed.state;
      if (parsed.retryMs !== undefined) options.onRetryHint?.(parsed.retryMs);
      for (const data of parsed.data) {
        let event: unknown;
        try {
          event = JSON.parse(data);
        } catch (cause) {
          // Ending the connection (rather than skipping the event) is what keeps the replica whole:
          // the reconnection starts with RESYNC, which pulls whatever this event carried.
          throw new SyncHttpError(response.status, 'BAD_EVENT', 'The live stream sent an event that is not JSON', { cause });
        }
        if (!isStreamEvent(event)) throw new SyncHttpError(response.status, 'BAD_EVENT', 'The live stream sent an unknown event');
        yield event;
        if (signal.aborted) return;
      }
    }
  } finally {
    // Releases the connection whether we stopped reading, were aborted or failed.
    reader.cancel().catch(() => undefined);
  }
}
