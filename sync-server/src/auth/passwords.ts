/**
 * Password hashing with scrypt, stored as a self-describing string
 * `scrypt$<logN>$<r>$<p>$<salt b64url>$<key b64url>`, so a stored hash says how to check it and
 * whether it is weaker than today's parameters (needsRehash). Not for tokens: those are random
 * and hashed with sha256 (refresh-tokens.ts).
 *
 * Production uses OWASP's parameters (owaspScryptParams). createPasswordHasher takes cheaper
 * ones for tests only; never lower them through configuration.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createConcurrencyLimit } from './concurrency-limit';

export interface ScryptParams {
  /** log2 of scrypt's cost N. */
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP Password Storage Cheat Sheet: N=2^17 (128 MiB), r=8, p=1. */
export const owaspScryptParams: ScryptParams = { logN: 17, r: 8, p: 1 };

export interface PasswordHasher {
  readonly params: ScryptParams;
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a stored value this hasher cannot read; never throws on either. */
  verify(password: string, stored: string): Promise<boolean>;
  /** True when the stored hash was made with other parameters (or is unreadable) and should be replaced at the next login. */
  needsRehash(stored: string): boolean;
}

const saltBytes = 16;
const keyBytes = 64;
// Bounds on what a stored string may ask for: a corrupt or hostile row must not make one login
// allocate gigabytes or run for minutes.
const maxLogN = 20;
const maxR = 32;
const maxP = 16;

interface ParsedHash extends ScryptParams {
  readonly salt: Buffer;
  readonly key: Buffer;
}

export function createPasswordHasher(params: ScryptParams = owaspScryptParams, options: { maxConcurrent?: number } = {}): PasswordHasher {
  // Each production hash holds 128 MiB while it runs on libuv's small thread pool (shared with
  // file I/O): bounding how many run at once bounds memory and keeps the pool free for the rest.
  const limit = createConcurrencyLimit(options.maxConcurrent ?? 2);
  // Checked against when the stored value is not a usable hash (an admin created through sync,
  // whose password is not set yet): the same work as a real check, so the answer's timing cannot
  // tell which accounts exist without a usable password.
  const unusable: ParsedHash = { ...params, salt: randomBytes(saltBytes), key: randomBytes(keyBytes) };
  return {
    params,
    async hash(password) {
      const salt = randomBytes(saltBytes);
      const key = await limit(() => deriveKey(password, salt, params, keyBytes));
      return ['scrypt', params.logN, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verify(password, stored) {
      const parsed = parseHash(stored);
      const against = parsed ?? unusable;
      const key = await limit(() => deriveKey(password, against.salt, against, against.key.length));
      // Constant-time comparison: how far a guess matches must not show in the response time.
      return timingSafeEqual(key, against.key) && parsed !== undefined;
    },
    needsRehash(stored) {
      const parsed = parseHash(stored);
      return !parsed || parsed.logN !== params.logN || parsed.r !== params.r || parsed.p !== params.p || parsed.key.length !== keyBytes;
    },
  };
}

const defaultHasher = createPasswordHasher();
export const hashPassword = (password: string): Promise<string> => defaultHasher.hash(password);
export const verifyPassword = (password: string, stored: string): Promise<boolean> => defaultHasher.verify(password, stored);
export const needsRehash = (stored: string): boolean => defaultHasher.needsRehash(stored);

/** The parameters and parts of a stored hash, or undefined when it is not one this module wrote. */
export function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [logN, r, p] = parts.slice(1, 4).map((part) => (/^[0-9]{1,3}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  if (!(logN >= 1 && logN <= maxLogN && r >= 1 && r <= maxR && p >= 1 && p <= maxP)) return undefined;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < saltBytes || key.length < 32 || key.length > 128) return undefined;
  return { logN, r, p, salt, key };
}

function deriveKey(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // scrypt needs 128·r·(N + p + 2) bytes; Node's default cap (32 MiB) refuses OWASP's N=2^17.
    maxmem: 128 * params.r * (N + params.p + 2) + 1024 * 1024,
  };
  // NFC: the same password typed on two keyboards (composed or decomposed accents) is one password.
  const input = password.normalize('NFC');
  // The callback form runs on libuv's thread pool: a login never blocks the event loop.
  return new Promise((resolve, reject) => {
    scrypt(input, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
