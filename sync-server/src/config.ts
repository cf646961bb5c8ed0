/**
 * The server's configuration, from the environment, parsed once at start. Anything wrong stops
 * the server with every problem listed, rather than failing later on the first request.
 */
import { isAbsolute, resolve } from 'node:path';
import { defaultDeliveryRule, maxDeliveryFee, maxFreeDeliveryFrom, minAdminPasswordLength, minSupportedProtocolVersion, type DeliveryRule } from '@oa/schema';
import { z } from 'zod';
import { defaultCorsOrigins } from './http/cors';
import type { LogFormat, LogLevel } from './logging/create-logger';
import type { MetricsAccess } from './metrics/metrics-routes';
import { StorageError } from './storage/errors';
import { defaultDatabaseUrl, parseDatabaseUrl, type DatabaseTarget } from './storage/create-storage';


export interface Config {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly databaseUrl: string;
  readonly database: DatabaseTarget;
  /** Where development keys and the SQLite file live. */
  readonly dataDir: string;
  readonly jwt: {
    /** PKCS#8 PEM of an Ed25519 key; required in production, generated into dataDir otherwise. */
    readonly privateKeyPem: string | undefined;
    readonly issuer: string;
    readonly audience: string;
    readonly accessTtlSeconds: number;
    readonly refreshTtlSeconds: number;
  };
  readonly firstAdmin: { readonly email: string; readonly password: string | undefined };
  readonly seedDemoCatalog: boolean;
  /** Serves GET /debug/memory (for benchmarks); never enable on a public server. */
  readonly diagnostics: boolean;
  /** Requests per minute one IP address may make to the sign-in and register routes. */
  readonly authRateLimitPerMinute: number;
  /** Open live streams allowed in this process, and per client address (503 TOO_MANY_STREAMS beyond). */
  readonly streams: { readonly max: number; readonly perAddress: number };
  /** Believe X-Forwarded-For (only behind a reverse proxy that sets it). */
  readonly trustProxy: boolean;
  /** Browser origins allowed by CORS: the PWAs' own. */
  readonly corsOrigins: readonly string[];
  /** The oldest app protocol version served; older installed apps are told to update (426). */
  readonly minClientProtocol: number;
  /** The delivery fee and the subtotal it is waived from: orders are priced with it, GET /shop shows it. */
  readonly delivery: DeliveryRule;
  /** What is logged, and how: JSON lines in production, readable lines in development. */
  readonly log: { readonly level: LogLevel; readonly format: LogFormat };
  /** Who may read GET /metrics: nobody (off), anyone (open), or callers with the bearer token. */
  readonly metrics: MetricsAccess;
  /** How long a shutdown waits for requests in flight before closing their connections. */
  readonly shutdownTimeoutMs: number;
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/**
 * Rupees as an operator writes them ("40", "39.50"): digits and at most two decimals, so a fee is
 * whole paise and never a float's approximation; no sign, so never negative; at most `max`.
 */
const rupees = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, 'must be rupees, 0 or more, with at most 2 decimal places (e.g. 40 or 39.50)')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max} rupees`));

/**
 * METRICS: `off`, `open`, or a bearer token (RFC 6750's characters, 16 or more: a short one
 * could be guessed). Anything else is refused rather than read as a token, so a `METRICS=true`
 * does not quietly protect the metrics with the password "true". Never echoed in a message.
 */
const metricsAccess = z
  .string()
  .trim()
  .refine(
    (value) => value === 'off' || value === 'open' || /^[A-Za-z0-9\-._~+/]{16,512}=*$/.test(value),
    'must be off, open, or a bearer token of at least 16 characters (letters, digits, - . _ ~ + /)',
  )
  .transform((value): MetricsAccess => (value === 'off' || value === 'open' ? { kind: value } : { kind: 'token', token: value }));

const environmentSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default(defaultDatabaseUrl),
  DATA_DIR: z.string().min(1).default('./data'),
  JWT_PRIVATE_KEY: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).default('oa-sync-server'),
  JWT_AUDIENCE: z.string().min(1).default('oa-apps'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(31_536_000).default(2_592_000),
  ADMIN_EMAIL: z.email().default('admin@annavaram.local'),
  ADMIN_PASSWORD: z.string().min(minAdminPasswordLength, `ADMIN_PASSWORD must be at least ${minAdminPasswordLength} characters`).max(256).optional(),
  SEED_DEMO_CATALOG: booleanFlag.default(true),
  SYNC_DIAGNOSTICS: booleanFlag.default(false),
  TRUST_PROXY: booleanFlag.default(false),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  MAX_STREAMS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  MAX_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(50),
  MIN_CLIENT_PROTOCOL: z.coerce.number().int().min(1).max(999_999).default(minSupportedProtocolVersion),
  DELIVERY_FEE: rupees(maxDeliveryFee).default(defaultDeliveryRule.fee),
  FREE_DELIVERY_FROM: rupees(maxFreeDeliveryFrom).default(defaultDeliveryRule.freeFrom),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  METRICS: metricsAccess.optional(),
  // Under Docker's default stop grace period (10 s, then SIGKILL), with time left to close the database.
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(8000),
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.url().refine((origin) => new URL(origin).origin === origin, 'each origin is scheme://host[:port], no path')))
    .default([...defaultCorsOrigins]),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Bad configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): Config {
  // An empty variable means "not set", as it does in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(e.DATABASE_URL, cwd);
  } catch (error) {
    if (error instanceof StorageError) throw new ConfigError([error.message]);
    throw error;
  }
  const production = e.NODE_ENV === 'production';
  // A generated key kept on one machine's disk is fine for development; in production every
  // server process must sign with the same configured key, or tokens fail at random.
  if (production && !e.JWT_PRIVATE_KEY) {
    throw new ConfigError(['JWT_PRIVATE_KEY: required when NODE_ENV=production (a PKCS#8 PEM Ed25519 key)']);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    production,
    databaseUrl: e.DATABASE_URL,
    database,
    dataDir: isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR),
    jwt: {
      privateKeyPem: e.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n'),
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
    },
    firstAdmin: { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD },
    seedDemoCatalog: e.SEED_DEMO_CATALOG,
    diagnostics: e.SYNC_DIAGNOSTICS,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    streams: { max: e.MAX_STREAMS, perAddress: e.MAX_STREAMS_PER_ADDRESS },
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    minClientProtocol: e.MIN_CLIENT_PROTOCOL,
    delivery: { fee: e.DELIVERY_FEE, freeFrom: e.FREE_DELIVERY_FROM },
    // A log collector reads JSON lines; a person at a terminal reads the pretty ones.
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT ?? (production ? 'json' : 'pretty') },
    // Open on a developer's machine; off in production unless configured, because the metrics
    // name routes, rates and the database's latency, which are nobody's business on the Internet.
    metrics: e.METRICS ?? { kind: production ? 'off' : 'open' },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
