/**
 * The HTTP side of a shutdown: counts the requests being handled, and once started refuses new
 * ones with 503 `SHUTTING_DOWN`, `Retry-After` and `Connection: close` (a client on a kept-alive
 * connection is answered, never reset), while the requests already in flight run to their end.
 * shutdown/shut-down.ts starts it and waits for it; live streams are the hub's to end.
 */
import type Koa from 'koa';
import { AppError } from './app-error';

export interface RequestDrain {
  readonly middleware: Koa.Middleware;
  /** From now on new requests are refused, and every answer closes its connection. */
  start(): void;
  readonly draining: boolean;
  /** Requests whose handlers are running (a live stream's ends once its stream has started). */
  readonly inFlight: number;
  /** Resolves once no handler is running (at once when none is). */
  settled(): Promise<void>;
}

/** Another process can serve the client at once; this one is going. */
export const shuttingDownRetryAfterSeconds = 1;

export function createRequestDrain(): RequestDrain {
  let draining = false;
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  const wake = (): void => {
    if (inFlight > 0) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    start() {
      draining = true;
    },
    settled() {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    middleware: async (ctx, next) => {
      if (draining) {
        // Closed after this answer: the client's retry opens a new connection, which the load
        // balancer gives to a process that is staying (this one no longer accepts any).
        ctx.set('Connection', 'close');
        ctx.set('Retry-After', String(shuttingDownRetryAfterSeconds));
        throw new AppError(503, 'SHUTTING_DOWN', 'This server is shutting down; try again');
      }
      inFlight += 1;
      try {
        // A unit of work that started is let finish: a shutdown waits for this to return.
        await next();
      } finally {
        inFlight -= 1;
        // Answers finished during a shutdown close their connections too, so none is left idle
        // for a client to send to just as it is closed.
        if (draining) ctx.set('Connection', 'close');
        wake();
      }
    },
  };
}
