/**
 * A graceful stop, bounded in time: stop accepting, end the live streams with a reconnection
 * hint, let the requests in flight finish (a unit of work commits or never starts), close the
 * connections, then the database. main.ts calls it on SIGTERM and SIGINT and exits afterwards;
 * it never exits the process itself, so tests drive it in-process too.
 */
import { Server as NetServer } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from '../logging/create-logger';
import type { RequestDrain } from '../http/create-request-drain';
import type { StreamHub } from '../replication/stream-hub';
import type { Storage } from '../storage/port';

export interface ShutdownDeps {
  readonly server: Server;
  readonly drain: RequestDrain;
  readonly hub: Pick<StreamHub, 'close' | 'size'>;
  readonly storage: Pick<Storage, 'close'>;
  readonly logger: Logger;
  /** SHUTDOWN_TIMEOUT_MS: past it, connections still open are closed and the database with them. */
  readonly timeoutMs: number;
  /** How long connections left idle from before the shutdown get to be used (and answered 503) or closed by their clients. */
  readonly idleGraceMs?: number;
}

export interface ShutdownResult {
  /** Whether the time ran out and connections had to be cut. */
  readonly forced: boolean;
  readonly ms: number;
}

/** The `retry:` hint sent to live streams: their clients reconnect ½ to 1 s later (jittered), elsewhere. */
export const streamReconnectMs = 1000;
const defaultIdleGraceMs = 1000;

export async function shutDown(deps: ShutdownDeps): Promise<ShutdownResult> {
  const { server, drain, logger } = deps;
  const started = Date.now();
  const remaining = (): number => Math.max(0, started + deps.timeoutMs - Date.now());

  // 1. New requests, on connections already open, are answered 503 with Connection: close.
  drain.start();
  // 2. No new connections. net's close, not http's: http's also cuts every idle kept-alive
  //    connection at once, and a client may be sending its next request on one just then; that
  //    request would meet a reset instead of an answer. Those connections are handled in 5.
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  // 3. Live streams end with a reconnection hint.
  const streams = deps.hub.size;
  deps.hub.close({ retryMs: streamReconnectMs });
  logger.info({ streams, inFlight: drain.inFlight }, 'shutdown: no longer accepting; streams told to reconnect');

  // 4. Requests in flight run to their end: their units of work commit and are answered.
  const handled = await settleWithin(drain.settled(), remaining());
  // 5. Connections idle since before the shutdown get a moment to be used or closed by their
  //    clients, then are closed: by now each has been idle at least that long, no more likely to
  //    be written to than one a keep-alive timeout closes any day.
  let allClosed = await settleWithin(closed, Math.min(deps.idleGraceMs ?? defaultIdleGraceMs, remaining()));
  if (!allClosed) {
    server.closeIdleConnections();
    allClosed = await settleWithin(closed, remaining());
  }
  // 6. Out of time: whatever is still open is cut (a client then retries; nothing half-committed).
  const forced = !handled || !allClosed;
  if (forced) {
    logger.warn({ inFlight: drain.inFlight, timeoutMs: deps.timeoutMs }, 'shutdown: out of time; closing the connections still open');
    server.closeAllConnections();
    await settleWithin(closed, 1000);
  }
  // 7. The database last, once nothing can use it.
  await deps.storage.close();
  const ms = Date.now() - started;
  logger.info({ ms, forced }, 'shutdown: done');
  return { forced, ms };
}

/** Whether the promise settled within `ms`. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
