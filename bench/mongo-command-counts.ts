/**
 * Counts of MongoDB commands, as the bench's command-counting server (command-counting-server.ts)
 * reports them and bench/mongo-round-trips.ts reads them: the keys, and pure arithmetic on counts.
 * A key is "<command> <collection>": `find sessions`, `findAndModify _sync_sequences`, and
 * `aggregate $changeStream` / `getMore $changeStream` for the change stream (Db.watch: its cursor
 * lives on `<db>.$cmd.aggregate`).
 */

export const commandsHeader = 'x-bench-mongo-commands';
export const commandsPath = '/__bench/mongo-commands';

export type CommandCounts = Readonly<Record<string, number>>;

export interface OutsideCommands {
  /** Commands sent outside any request: the change feed, the change stream, start-up. */
  readonly outside: CommandCounts;
  /** Connection upkeep, not round trips of an operation: hello/ping, and the monitors' heartbeats. */
  readonly monitoring: CommandCounts;
}

/** What the driver's commandStarted event carries that a key needs. */
export interface StartedCommand {
  readonly commandName: string;
  readonly command: Readonly<Record<string, unknown>>;
}

/** Commands that open, identify or keep alive connections: counted apart from operations. */
const monitoringCommands = new Set(['hello', 'ismaster', 'ping', 'saslstart', 'saslcontinue', 'endsessions', 'buildinfo']);

export function isMonitoringCommand(commandName: string): boolean {
  return monitoringCommands.has(commandName.toLowerCase());
}

export function commandKey({ commandName, command }: StartedCommand): string {
  if (commandName === 'aggregate' && Array.isArray(command.pipeline) && isChangeStreamStage(command.pipeline[0])) return 'aggregate $changeStream';
  const target = commandName === 'getMore' ? command.collection : command[commandName];
  if (target === '$cmd.aggregate') return `${commandName} $changeStream`;
  return typeof target === 'string' ? `${commandName} ${target}` : commandName;
}

const isChangeStreamStage = (stage: unknown): boolean => typeof stage === 'object' && stage !== null && '$changeStream' in stage;

export function totalOf(counts: CommandCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** `after` minus `before`, key by key, keeping only what grew. */
export function countsSince(before: CommandCounts, after: CommandCounts): Record<string, number> {
  const grown: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) if (n > (before[key] ?? 0)) grown[key] = n - (before[key] ?? 0);
  return grown;
}

/** The same counts by command name alone (`find sessions` and `find products` are both `find`). */
export function byCommandName(counts: CommandCounts): Record<string, number> {
  const names: Record<string, number> = {};
  for (const [key, n] of Object.entries(counts)) {
    const name = key.startsWith('aggregate $changeStream') || key.startsWith('getMore $changeStream') ? key : key.split(' ')[0]!;
    names[name] = (names[name] ?? 0) + n;
  }
  return names;
}

/** "aggregate 2, find 1", largest first; "none" when empty. Fractions keep two decimals. */
export function formatCounts(counts: CommandCounts): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return 'none';
  return entries
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, n]) => `${key} ${Number.isInteger(n) ? n : n.toFixed(2)}`)
    .join(', ');
}
