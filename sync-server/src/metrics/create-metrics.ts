/**
 * The server's metrics (prom-client) in a registry of their own, so each app (and each test's
 * app) counts alone; GET /metrics serves them (metrics-routes.ts). The rest of the server reports
 * through the plain methods here and never touches prom-client. Every label takes values from a
 * closed set (route patterns, collection names, codes the server writes): never an id or a URL.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OrderOutcome } from '../replication/rules/orders';

export interface Metrics {
  readonly registry: Registry;
  /** A request answered (or its connection dropped); `seconds` is left out for live streams. */
  observeRequest(request: { readonly method: string; readonly route: string; readonly status: number; readonly seconds?: number }): void;
  /** A push's rows, by collection, and what was refused or answered with a conflict. */
  observePush(collection: string, rows: number, answer: { readonly conflicts: readonly unknown[]; readonly rejections: ReadonlyArray<{ readonly code: string }> }): void;
  /** One call of the storage port (instrument-storage.ts). */
  observeDatabase(operation: string, seconds: number, outcome: 'ok' | 'error'): void;
  observeOrder(outcome: OrderOutcome): void;
  /** Where the open live streams are counted (the stream hub's size), read at each scrape. */
  countStreamsWith(count: () => number): void;
}

/** Request latency buckets, in seconds: a pull page takes milliseconds, a push of orders up to seconds. */
const requestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const databaseBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function createMetrics(): Metrics {
  const registry = new Registry();
  // The process's own figures, the event loop's delay among them (nodejs_eventloop_lag_*, from
  // perf_hooks' monitorEventLoopDelay): a request that holds the loop shows there first.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, matched route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request to its answer sent, by method, matched route and status (live streams left out)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: requestBuckets,
    registers: [registry],
  });
  const pushRows = new Counter({
    name: 'sync_push_rows_total',
    help: 'Rows received in pushes, by collection',
    labelNames: ['collection'] as const,
    registers: [registry],
  });
  const pushRejections = new Counter({
    name: 'sync_push_rejections_total',
    help: 'Pushed rows refused, by collection and code',
    labelNames: ['collection', 'code'] as const,
    registers: [registry],
  });
  const pushConflicts = new Counter({
    name: 'sync_push_conflicts_total',
    help: 'Pushed rows answered with the stored state (a stale or refused write), by collection',
    labelNames: ['collection'] as const,
    registers: [registry],
  });
  const database = new Histogram({
    name: 'sync_database_operation_duration_seconds',
    help: 'Time of each storage operation, by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: databaseBuckets,
    registers: [registry],
  });
  const ordersPlaced = new Counter({ name: 'sync_orders_placed_total', help: 'Orders placed (stock taken, payment recorded)', registers: [registry] });
  const ordersRejected = new Counter({
    name: 'sync_orders_rejected_total',
    help: 'New orders not placed, by code (stored as rejected, or refused outright)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  let streamCount: () => number = () => 0;
  new Gauge({
    name: 'sync_live_streams',
    help: 'Live streams open in this process',
    registers: [registry],
    collect() {
      this.set(streamCount());
    },
  });

  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      if (seconds !== undefined) durations.observe(labels, seconds);
    },
    observePush(collection, rows, answer) {
      pushRows.inc({ collection }, rows);
      for (const rejection of answer.rejections) pushRejections.inc({ collection, code: rejection.code });
      if (answer.conflicts.length > 0) pushConflicts.inc({ collection }, answer.conflicts.length);
    },
    observeDatabase(operation, seconds, outcome) {
      database.observe({ operation, outcome }, seconds);
    },
    observeOrder(outcome) {
      if (outcome.kind === 'placed') ordersPlaced.inc();
      else ordersRejected.inc({ code: outcome.code });
    },
    countStreamsWith(count) {
      streamCount = count;
    },
  };
}
