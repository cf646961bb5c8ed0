/**
 * Test helper for the auth HTTP tests: a small real Koa app (the error middleware, the /auth
 * routes, `authenticate` and a protected /whoami route echoing the caller) on a fresh database of the
 * project's kind (test-storage.ts)
 * and a free port, with a movable clock, a cheap password cost, and a record of every response
 * body so a test can prove no secret ever left. Also signs JWTs by hand, without jose.
 */
import { createHmac, sign as signWithKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { collectionNames, collections } from '@oa/schema';
import type { Auth, AuthState } from '../src/auth/auth';
import { createAuth } from '../src/auth/create-auth';
import { createPasswordHasher, type PasswordHasher } from '../src/auth/passwords';
import { developmentKeyFileName } from '../src/auth/signing-key';
import { loadConfig, type Config } from '../src/config';
import { errorMiddleware } from '../src/http/error-middleware';
import type { Storage } from '../src/storage';
import { openTestStorage } from './test-storage';

/** 2^10 instead of 2^17: the same code path, a thousandth of the cost. Tests only. */
export const cheapPasswords: PasswordHasher = createPasswordHasher({ logN: 10, r: 8, p: 1 });

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body (undefined when empty). */
  readonly json: any;
}

export interface RequestOptions {
  readonly method?: string;
  /** Sent as JSON; a string is sent as it is. */
  readonly body?: unknown;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface AuthTestServer {
  readonly url: string;
  readonly storage: Storage;
  readonly config: Config;
  readonly auth: Auth;
  readonly passwords: PasswordHasher;
  /** Every response body this server sent through `request`. */
  readonly bodies: string[];
  /** Errors the app reported (5xx). */
  readonly errors: unknown[];
  request(path: string, options?: RequestOptions): Promise<Reply>;
  /** Moves the server's clock (not the storage's) forward. */
  advanceClock(seconds: number): void;
  now(): Date;
  /** The development signing key the server generated in its data folder. */
  signingKeyPem(): string;
  close(): Promise<void>;
}

export async function startAuthServer(options: { passwords?: PasswordHasher } = {}): Promise<AuthTestServer> {
  const folder = mkdtempSync(join(tmpdir(), 'oa-auth-'));
  const database = await openTestStorage(folder);
  const { storage } = database;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: folder, DATABASE_URL: database.databaseUrl }, folder);
  await storage.ensureCollections(collectionNames.map((name) => ({ name, indexes: collections[name].indexes })));
  let offsetMs = 0;
  const now = (): Date => new Date(Date.now() + offsetMs);
  const passwords = options.passwords ?? cheapPasswords;
  const auth = await createAuth({ storage, config, now, passwords });

  const errors: unknown[] = [];
  const app = new Koa<AuthState>();
  app.silent = true;
  app.on('error', (error: unknown) => errors.push(error));
  app.use(errorMiddleware());
  app.use(auth.router.routes());
  // As app.ts mounts it: the error middleware turns the router's bare 405 into JSON.
  app.use(auth.router.allowedMethods());
  app.use(auth.authenticate);
  app.use(async (ctx, next) => {
    if (ctx.path !== '/whoami') return next();
    ctx.body = { caller: ctx.state.caller, sessionId: ctx.state.token?.sessionId ?? null };
  });

  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bodies: string[] = [];

  return {
    url,
    storage,
    config,
    auth,
    passwords,
    bodies,
    errors,
    async request(path, { method = 'GET', body, token, headers = {} } = {}) {
      const sent: Record<string, string> = { ...headers };
      if (token !== undefined) sent.authorization = `Bearer ${token}`;
      if (body !== undefined && sent['content-type'] === undefined) sent['content-type'] = 'application/json';
      const response = await fetch(`${url}${path}`, {
        method,
        headers: sent,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      bodies.push(text);
      return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
    },
    advanceClock(seconds) {
      offsetMs += seconds * 1000;
    },
    now,
    signingKeyPem: () => readFileSync(join(folder, developmentKeyFileName), 'utf8'),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await database.drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Registers a customer and returns the 201 body. */
export async function registerCustomer(server: AuthTestServer, email: string, password = 'correct horse battery'): Promise<{ accessToken: string; refreshToken: string; user: { id: string; email: string } }> {
  const reply = await server.request('/auth/register', { method: 'POST', body: { email, password, name: 'Test Shopper' } });
  if (reply.status !== 201) throw new Error(`register failed: ${reply.status} ${reply.text}`);
  return reply.json;
}

/** The payload of a JWT, read without verifying it. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed with an Ed25519 key, built by hand so a test controls every byte. */
export function signEd25519Jwt(header: Record<string, unknown>, payload: Record<string, unknown>, privateKey: KeyObject): string {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${signWithKey(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

/** A JWT "signed" with HMAC-SHA256 and any secret (the key-confusion attack uses the public key). */
export function signHs256Jwt(payload: Record<string, unknown>, secret: string | Buffer): string {
  const input = `${encode({ alg: 'HS256', typ: 'at+jwt' })}.${encode(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** An unsigned JWT (`alg: none`, empty signature). */
export function unsignedJwt(payload: Record<string, unknown>): string {
  return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(payload)}.`;
}

/** Secrets that must never appear in any response body. */
export const secretMarkers = ['passwordHash', 'refreshTokenHash', 'usedRefreshTokenHashes', 'scrypt$', 'sha256$'] as const;
