/**
 * The server's one logger (pino): JSON lines for a log collector, or readable lines through
 * pino-pretty for a person at a terminal (a development dependency: where it is not installed,
 * as in the production image, the lines stay JSON). What never reaches a line, whatever a caller
 * passes, is redacted here; callers log chosen fields anyway (http/log-requests.ts).
 */
import { Writable } from 'node:stream';
import { collectionNames, secretFields } from '@oa/schema';
import { pino, type DestinationStream, type Logger } from 'pino';
import { serializeError } from './serialize-error';
import { createStdoutDestination } from './stdout-destination';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty';
export type { Logger };

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly format: LogFormat;
  /** Where lines go; standard output unless given (tests pass a stream they read back). */
  readonly destination?: DestinationStream;
}

/**
 * Keys whose values are replaced wherever they appear at the top level or one level down:
 * credentials, the headers that carry them, and every field the access policy marks secret.
 * Defence in depth: no code here logs a request's headers or body.
 */
const secretKeys = [
  ...new Set([
    'password',
    'newPassword',
    'currentPassword',
    'token',
    'accessToken',
    'refreshToken',
    'authorization',
    'cookie',
    ...collectionNames.flatMap((name) => secretFields(name)),
  ]),
];
export const redactedPaths = [
  ...secretKeys,
  ...secretKeys.map((key) => `*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const settings = {
    name: 'sync-server',
    level: options.level,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  if (options.destination) return pino(settings, options.destination);
  const pretty = options.format === 'pretty' ? await loadPrettyStream() : undefined;
  if (pretty) return pino(settings, pretty);
  // Written synchronously, as console.log writes to a pipe: a line is out before the next
  // statement runs, so nothing logged before a crash or an exit is lost, and "listening on"
  // appears when it happens (pino's asynchronous writes go through libuv's thread pool, which a
  // busy machine was seen to hold up for seconds). Not pino.destination: stdout-destination.ts.
  const logger = pino(settings, createStdoutDestination());
  if (options.format === 'pretty') logger.warn('LOG_FORMAT=pretty, but pino-pretty is not installed here (a development dependency): JSON lines instead');
  return logger;
}

/** A logger that writes nothing: createApp's default, so tests and tools need not pass one. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

async function loadPrettyStream(): Promise<DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    // Synchronous like the JSON lines (above); colours only when the output is a terminal.
    return pretty({ ignore: 'pid,hostname,method,route,status', translateTime: 'SYS:HH:MM:ss.l', singleLine: true, destination: toWritable(createStdoutDestination()) });
  } catch {
    return undefined;
  }
}

/** pino-pretty pipes into a stream: the destination's writes, as one (still synchronous). */
function toWritable(destination: DestinationStream): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      destination.write(String(chunk));
      done();
    },
  });
}
