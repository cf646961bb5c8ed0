/**
 * Keeps one live-stream connection open for as long as it is wanted: opens it, hands every event
 * on, and after the server ends it (token expiry, sign-out, falling behind) or the network cuts it,
 * reports the disconnection and opens it again after a backoff (doubling, capped, jittered;
 * reset once a connection has delivered its first event). Not for routing events or pulling.
 */
import { readEventStream, type ReadEventStreamOptions } from '../transport/read-event-stream';
import type { StreamEvent } from '../transport/sync-protocol';

export interface LiveStreamBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export interface FollowLiveStreamOptions extends Omit<ReadEventStreamOptions, 'signal' | 'onRetryHint'> {
  readonly onEvent: (event: StreamEvent) => void;
  /** The connection ended or could not be opened; `error` is undefined when the server ended it cleanly. */
  readonly onDisconnect: (error: unknown) => void;
  readonly onConnectedChange?: (connected: boolean) => void;
  readonly backoff?: LiveStreamBackoff;
  /** 0 ≤ n < 1; replaceable so tests get exact delays. */
  readonly random?: () => number;
}

export interface LiveStream {
  /** Stops reconnecting and closes the current connection; resolves once the loop has ended. */
  close(): Promise<void>;
}

export const defaultBackoff: LiveStreamBackoff = { initialMs: 1000, maxMs: 30_000 };

/** The wait before attempt `failures` (0 after a good connection): doubling from the base, capped, with jitter in [½, 1]. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 20));
  return Math.round(ceiling * (0.5 + random() / 2));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function followLiveStream(options: FollowLiveStreamOptions): LiveStream {
  const controller = new AbortController();
  const { signal } = controller;
  const backoff = options.backoff ?? defaultBackoff;
  const random = options.random ?? Math.random;
  let retryHintMs: number | undefined;

  const loop = (async () => {
    let failures = 0;
    while (!signal.aborted) {
      let connected = false;
      let error: unknown;
      try {
        for await (const event of readEventStream({ ...options, signal, onRetryHint: (ms) => (retryHintMs = ms) })) {
          if (!connected) {
            connected = true;
            failures = 0;
            options.onConnectedChange?.(true);
          }
          options.onEvent(event);
        }
      } catch (caught) {
        error = caught;
      }
      if (connected) options.onConnectedChange?.(false);
      if (signal.aborted) break;
      options.onDisconnect(error);
      const delay = backoffDelay(failures, retryHintMs ?? backoff.initialMs, backoff.maxMs, random);
      failures += 1;
      await sleep(delay, signal);
    }
  })();

  return {
    async close() {
      controller.abort();
      await loop;
    },
  };
}
