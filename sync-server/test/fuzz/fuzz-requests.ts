/**
 * Hostile HTTP requests as fast-check arbitraries, for the fuzz suite (fuzz.test.ts, a bounded
 * seeded run in `npm test`) and its long run (bench/fuzz.ts): every route and every collection,
 * with malformed JSON, wrong types, operator objects (`$gt`, `$where`, `$ne`) in ids, checkpoints
 * and fields, prototype-pollution keys, deep nesting, huge strings and numbers, unicode edge
 * cases and wrong content types. Plus `checkAnswer`: what no answer may ever hold.
 */
import { collectionNames, secretFields } from '@oa/schema';
import fc from 'fast-check';

export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** The raw body: text, so it can be anything, not only what JSON.stringify writes. */
  readonly body?: string;
  /** Which token it carries (resolved by the runner). */
  readonly as: 'nobody' | 'shopper' | 'admin' | 'forged';
}

const hostileKeys = ['__proto__', 'constructor', 'prototype', '$where', '$gt', '$ne', '$regex', '$expr', '_id', '_seq', 'passwordHash', 'userId', 'user', 'isApproved', 'status', 'price', 'total', 'id', '_deleted'];

/** Strings that break naive code: unicode edge cases, operators as text, huge ones. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\udfff\ud800', '\u202e', 'Ω≈ç√', '💥'.repeat(50), '../../etc/passwd', '{"$gt":""}', '$where', 'null', 'undefined', 'NaN', '-0', '1e309', "'; DROP TABLE products; --", 'a'.repeat(70_000)),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const hostileNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 0.1 + 0.2, 1e-320));

const operatorObject = fc.oneof(
  fc.constant({ $gt: '' }),
  fc.constant({ $ne: null }),
  fc.constant({ $where: 'sleep(1000)' }),
  fc.constant({ $regex: '.*' }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
);

/** Any JSON-ish value, biased towards the hostile. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    operatorObject,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A document whose fields an attacker chose, with an id that may be anything. */
const hostileDocument = fc.record({
  id: fc.oneof(fc.constantFrom('ci-bob-secret', 'demo-product-1', 'o-1', 'x'), hostileValue),
  _deleted: fc.oneof(fc.boolean(), hostileValue),
  fields: fc.dictionary(fc.oneof(fc.constantFrom(...hostileKeys, 'items', 'productId', 'cartId', 'quantity', 'rating', 'comment', 'name', 'slug', 'email'), fc.string({ maxLength: 8 })), hostileValue, { maxKeys: 6 }),
}).map(({ id, _deleted, fields }) => ({ ...fields, id, _deleted }));

const pushRow = fc.oneof(
  fc.record({ assumedMasterState: fc.oneof(fc.constant(null), hostileDocument), newDocumentState: hostileDocument }),
  hostileValue,
);

/** A push row whose every id and number is an array nested 10,000 deep (what JSON.stringify cannot write). */
const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
const deepRow = `[{"assumedMasterState":null,"newDocumentState":{"id":"deep-1","_deleted":false,"cartId":${deep},"productId":${deep},"status":${deep},"items":[{"productId":${deep},"quantity":${deep}}]}}]`;

/** Bodies as text: JSON of hostile values, or text that is not JSON at all, or nests too deep. */
const body = (json: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: json.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom('{', '[', '{"a":', '\ufeff{}', 'nul', '[1,]', '{"__proto__":{"x":1}}', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`, '"\\ud800"', deepRow) },
  );

const collection = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...collectionNames) }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '%24where', 'PRODUCTS', 'products%00', '..%2Fadmins', '_sequences') });
// Weighted towards callers and bodies that get past the first checks, so the rules are reached.
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constant<FuzzRequest['as']>('shopper') },
  { weight: 3, arbitrary: fc.constant<FuzzRequest['as']>('admin') },
  { weight: 1, arbitrary: fc.constantFrom<FuzzRequest['as']>('nobody', 'forged') },
);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/json; charset=latin1') },
);
const queryValue = fc.oneof(hostileString.map((s) => s.slice(0, 200)), fc.constantFrom('v1.abc', 'v1.0.0.x', '1e3', '-1', '0', '1001', '[$gt]=', '%00'));
/** Percent-encoded UTF-8 bytes (a lone surrogate becomes U+FFFD; encodeURIComponent would throw). */
const encode = (value: string): string =>
  [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)).join('');

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  // Pulls: checkpoints and limits of every kind, sometimes repeated.
  fc.record({ collection, checkpoint: queryValue, limit: queryValue, twice: fc.boolean(), as: token }).map(({ collection: c, checkpoint, limit, twice, as }) => ({
    method: 'GET',
    path: `/sync/${c}/pull?checkpoint=${encode(checkpoint)}&limit=${encode(limit)}${twice ? `&limit=1&checkpoint[$gt]=` : ''}`,
    headers: {},
    as,
  })),
  // Pushes: rows an attacker chose.
  fc.record({ collection, rows: fc.oneof(fc.array(pushRow, { maxLength: 6 }), hostileValue), type: contentType, as: token, raw: fc.boolean() }).chain(({ collection: c, rows, type, as, raw }) =>
    (raw ? body(fc.constant(rows)) : fc.constant(JSON.stringify(rows) ?? 'null')).map((text) => ({ method: 'POST', path: `/sync/${c}/push`, headers: { 'content-type': type }, body: text, as })),
  ),
  // Values nested far deeper than any document, where the rules read ids and numbers.
  fc.record({ collection: fc.constantFrom('cart_items', 'orders', 'reviews', 'wishlists'), as: token }).map(({ collection: c, as }) => ({
    method: 'POST',
    path: `/sync/${c}/push`,
    headers: { 'content-type': 'application/json' },
    body: deepRow,
    as,
  })),
  // Sign-in, register, refresh, logout: credentials of every shape.
  fc.record({ path: fc.constantFrom('/auth/login', '/auth/admin/login', '/auth/register', '/auth/refresh', '/auth/logout', '/AUTH/LOGIN/', '/auth/login/'), text: body(fc.dictionary(fc.constantFrom('email', 'password', 'name', 'refreshToken', '__proto__', '$where'), hostileValue, { maxKeys: 4 })), type: contentType, as: token }).map(
    // A logout with the run's own tokens would end their sessions and turn the rest into 401s.
    ({ path, text, type, as }) => ({ method: 'POST', path, headers: { 'content-type': type }, body: text, as: path === '/auth/logout' && (as === 'shopper' || as === 'admin') ? 'forged' : as }),
  ),
  // Admin accounts.
  fc.record({ id: queryValue, text: body(fc.dictionary(fc.constantFrom('email', 'password', 'currentPassword', 'name', 'role', 'isActive'), hostileValue, { maxKeys: 4 })), which: fc.boolean(), as: token }).map(({ id, text, which, as }) => ({
    method: 'POST',
    path: which ? '/admin/admins' : `/admin/admins/${encode(id)}/password`,
    headers: { 'content-type': 'application/json' },
    body: text,
    as,
  })),
  // Photos: uploads under names and types of every kind, with bodies that are no photo; reads of odd names.
  fc.record({
    name: fc.oneof(fc.constantFrom(`${'a'.repeat(64)}.webp`, `${'0'.repeat(64)}.png`, `${'F'.repeat(64)}.jpg`, `${'a'.repeat(64)}.svg`, 'x.webp'), hostileString.map((s) => encode(s.slice(0, 100)))),
    type: fc.constantFrom('image/webp', 'image/png', 'image/jpeg', 'image/svg+xml', 'application/json', ''),
    text: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', '\u0089PNG\r\n\u001a\n', '\u00ff\u00d8\u00ff')),
    put: fc.boolean(),
    as: token,
  }).map(({ name, type, text, put, as }): FuzzRequest =>
    put ? { method: 'PUT', path: `/photos/${name}`, headers: { 'content-type': type }, body: text, as } : { method: 'GET', path: `/photos/${name}`, headers: {}, as },
  ),
  // Anything else: odd methods, paths, the stream with odd collections.
  fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), path: fc.oneof(fc.constantFrom('/health', '/', '/sync', '/sync//pull', '/sync/products/pull/../../health', '/%2e%2e/%2e%2e', '/sync/stream?collections=', '/sync/stream?collections=__proto__', '/debug/memory'), hostileString.map((s) => `/${encode(s.slice(0, 100))}`)), as: token }).map(
    ({ method, path, as }) => ({ method, path, headers: {}, as }),
  ),
);

/** Field names whose values are secrets, in any collection: never in an answer. */
const secretNames = [...new Set(collectionNames.flatMap((c) => secretFields(c)))];

export interface AnswerChecks {
  /** Strings that only the other shopper's documents hold (when the caller is not an admin). */
  readonly foreign: readonly string[];
  /** Secret values stored in the database (password and token hashes). */
  readonly secrets: readonly string[];
}

/** What is wrong with an answer, or undefined: a 5xx, a stack trace, a secret, a foreign document. */
export function checkAnswer(request: FuzzRequest, status: number, text: string, checks: AnswerChecks): string | undefined {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (/\n\s+at .+:\d+:\d+/.test(text) || /\bat (?:async )?\w+ \(.*\.[jt]s:\d+/.test(text)) return `a stack trace: ${text.slice(0, 300)}`;
  for (const name of secretNames) if (text.includes(`"${name}"`)) return `a secret field ${name}`;
  for (const secret of checks.secrets) if (secret && text.includes(secret)) return 'a stored secret value';
  if (request.as !== 'admin') for (const value of checks.foreign) if (text.includes(value)) return `another shopper's document (${value})`;
  return undefined;
}
