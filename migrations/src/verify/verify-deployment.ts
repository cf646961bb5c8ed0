/**
 * `npm run verify`: checks a running deployment the way its users meet it. Health (a real
 * database round trip), an admin sign-in, one pull of every collection the admin may read, and,
 * given the database URL, the indexes the server needs. Each check says plainly what is wrong;
 * later HTTP checks are skipped (and say so) when the server cannot be reached at all.
 */
import { accessPolicy, collectionNames } from '@oa/schema';
import type { Maintenance } from '../runner/ledger';
import { expectedIndexes } from './expected-indexes';

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface VerifyOptions {
  /** The sync server's base URL, e.g. http://localhost:4000 */
  readonly url: string;
  readonly email: string | undefined;
  readonly password: string | undefined;
  /** With a database: which kind, and its index listing. */
  readonly database?: { readonly kind: 'sqlite' | 'mongodb'; readonly maintenance: Maintenance };
  readonly timeoutMs?: number;
}

export async function verifyDeployment(options: VerifyOptions): Promise<{ ok: boolean; checks: Check[] }> {
  const checks: Check[] = [];
  const base = options.url.replace(/\/+$/, '');
  const call = (path: string, init: RequestInit = {}) => request(`${base}${path}`, init, options.timeoutMs ?? 10_000);

  const health = await call('/health');
  if (health.kind === 'unreachable') {
    checks.push({ name: 'health', ok: false, detail: `cannot reach ${base} (${health.reason}): is the server running, and is the URL right?` });
    checks.push({ name: 'admin sign-in', ok: false, detail: 'skipped: the server is not reachable' });
  } else {
    const healthy = health.status === 200 && health.body?.status === 'ok';
    checks.push({ name: 'health', ok: healthy, detail: healthy ? `ok (database: ${String(health.body?.database)})` : `answered ${describeAnswer(health)}` });
    await checkAdmin(options, call, checks);
  }
  if (options.database) await checkIndexes(options.database, checks);
  return { ok: checks.every((check) => check.ok), checks };
}

async function checkAdmin(options: VerifyOptions, call: (path: string, init?: RequestInit) => Promise<Answer>, checks: Check[]): Promise<void> {
  if (!options.email || !options.password) {
    checks.push({ name: 'admin sign-in', ok: false, detail: 'no admin email or password given (ADMIN_EMAIL and ADMIN_PASSWORD, or --email and --password)' });
    return;
  }
  const login = await call('/auth/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: options.email, password: options.password }),
  });
  const token = login.kind === 'answer' && login.status === 200 ? login.body?.accessToken : undefined;
  if (typeof token !== 'string') {
    const hint = login.kind === 'answer' && login.status === 401 ? ' (check ADMIN_EMAIL and ADMIN_PASSWORD)' : '';
    checks.push({ name: 'admin sign-in', ok: false, detail: `refused: ${describeAnswer(login)}${hint}` });
    return;
  }
  checks.push({ name: 'admin sign-in', ok: true, detail: `ok (${options.email})` });
  for (const collection of collectionNames) {
    if (!accessPolicy[collection].roles.admin?.read) continue;
    const pull = await call(`/sync/${collection}/pull?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    const ok = pull.kind === 'answer' && pull.status === 200 && Array.isArray(pull.body?.documents);
    checks.push({ name: `pull ${collection}`, ok, detail: ok ? 'ok' : `answered ${describeAnswer(pull)}` });
  }
}

async function checkIndexes(database: NonNullable<VerifyOptions['database']>, checks: Check[]): Promise<void> {
  for (const collection of collectionNames) {
    let present: string[] | undefined;
    try {
      present = await database.maintenance.listIndexes(collection);
    } catch (error) {
      checks.push({ name: `indexes ${collection}`, ok: false, detail: `cannot list them: ${(error as Error).message}` });
      continue;
    }
    if (present === undefined) {
      checks.push({ name: `indexes ${collection}`, ok: false, detail: 'the collection does not exist: has the server started on this database?' });
      continue;
    }
    const missing = expectedIndexes(collection, database.kind).filter((name) => !present.includes(name));
    checks.push({
      name: `indexes ${collection}`,
      ok: missing.length === 0,
      detail: missing.length === 0 ? 'ok' : `missing ${missing.join(', ')} (the server creates them at start; a legacy index or duplicate values may have stopped it)`,
    });
  }
}

type Answer = { kind: 'answer'; status: number; body: Record<string, unknown> | undefined } | { kind: 'unreachable'; reason: string };

async function request(url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    return { kind: 'answer', status: response.status, body };
  } catch (error) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a bad port) is its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'unreachable', reason: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

function describeAnswer(answer: Answer): string {
  if (answer.kind === 'unreachable') return `nothing (${answer.reason})`;
  const error = answer.body?.error as { code?: string; message?: string } | undefined;
  return error ? `${answer.status} ${error.code}: ${error.message}` : `${answer.status}`;
}
