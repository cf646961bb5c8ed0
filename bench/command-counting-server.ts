/**
 * The real sync server (sync-server/src/main.ts, unchanged) with every MongoDB command it sends
 * counted, for the MongoDB mode of bench/sync.ts (started by start-server.ts in place of main.ts).
 * Bench-only instrumentation from outside the server's code, never used in production: the
 * driver's command monitoring on every MongoClient of this process, and an async context per HTTP
 * request so that each command is charged to the request that sent it. It adds:
 *   - on every response, the header `x-bench-mongo-commands`: that request's commands, by key;
 *   - GET /__bench/mongo-commands: the commands sent outside any request (the change feed, the
 *     change stream, start-up) and the driver's monitoring, counted since start.
 * Keys as in mongo-command-counts.ts. This harness imports the driver itself (to reach every
 * MongoClient); the server's own code still imports it only in its adapter.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { commandKey, commandsHeader, commandsPath, isMonitoringCommand } from './mongo-command-counts';

type Counts = Record<string, number>;

interface RequestCounts {
  readonly counts: Counts;
  /** Set when the response's head is written: later commands are not this request's. */
  answered: boolean;
}

const add = (counts: Counts, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function instrument(): void {
  const requests = new AsyncLocalStorage<RequestCounts>();
  const totals = { outside: {} as Counts, monitoring: {} as Counts };

  const onCommand = (event: CommandStartedEvent): void => {
    const key = commandKey(event);
    if (isMonitoringCommand(event.commandName)) return add(totals.monitoring, key);
    const request = requests.getStore();
    add(request && !request.answered ? request.counts : totals.outside, key);
  };

  // Every client this process opens (the adapter opens one, in openMongoStorage) is monitored.
  const instrumented = new WeakSet<MongoClient>();
  const connect = MongoClient.prototype.connect;
  MongoClient.prototype.connect = function (this: MongoClient) {
    if (!instrumented.has(this)) {
      instrumented.add(this);
      // Read when the first connect builds the topology: its pooled connections then report commands.
      this.options.monitorCommands = true;
      this.on('commandStarted', onCommand);
      this.on('serverHeartbeatStarted', () => add(totals.monitoring, 'heartbeat'));
    }
    return connect.call(this);
  } as typeof connect;

  // The change feed defers its reads with setImmediate after a write pokes it (the only deferral
  // it makes): those reads serve every stream of the process, not the request that wrote, so
  // they run outside the request's context and are counted as "outside".
  const plainSetImmediate = globalThis.setImmediate;
  globalThis.setImmediate = ((callback: (...args: unknown[]) => void, ...args: unknown[]) =>
    plainSetImmediate(() => requests.exit(callback, ...args))) as unknown as typeof setImmediate;

  // Every HTTP request runs in its own context; its counts leave with the response's head.
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request') return emit.apply(this, [event, ...args]);
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    if (request.method === 'GET' && request.url === commandsPath) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(totals));
      return true;
    }
    const counts: RequestCounts = { counts: {}, answered: false };
    const writeHead = response.writeHead;
    response.writeHead = function (this: http.ServerResponse, ...headArgs: unknown[]) {
      if (!counts.answered && !this.headersSent) this.setHeader(commandsHeader, JSON.stringify(counts.counts));
      counts.answered = true;
      return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, headArgs);
    } as typeof writeHead;
    return requests.run(counts, () => emit.apply(this, [event, ...args]));
  } as typeof http.Server.prototype.emit;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  instrument();
  await import('../sync-server/src/main');
}
