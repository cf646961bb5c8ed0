/**
 * A signed-in person's session in an app, framework-free: tokens and the account kept in storage
 * (localStorage), sign-in (a shopper's or an admin's door), register and sign-out over /auth, and
 * an access token refreshed before it expires (or after a 401 TOKEN_EXPIRED) under a cross-tab
 * lock: the server ends a session whose refresh token is used twice.
 */
import { protocolHeaders, type FetchLike } from '../transport/create-http-transport';
import { toSyncHttpError } from '../transport/sync-http-error';

export interface AppSession {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  /** Both absent once the server refused to refresh: the shopper must sign in again (local data stays). */
  readonly accessToken?: string | undefined;
  readonly refreshToken?: string | undefined;
}

/** localStorage's three methods (or a test's map). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
export type WithLock = <T>(run: () => Promise<T>) => Promise<T>;

export interface SessionStoreOptions {
  readonly storage: KeyValueStorage;
  /** Where the session is kept in `storage`: one key per app, so the shop and the admin app never share one. */
  readonly storageKey?: string;
  /** The sign-in door: a shopper's (/auth/login, the default) or an admin's (/auth/admin/login). */
  readonly role?: 'customer' | 'admin';
  readonly getSyncUrl: () => Promise<string>;
  readonly fetch?: FetchLike;
  readonly now?: () => number;
  /** Runs `run` while no other tab refreshes; navigator.locks in the browser (see browserLock). */
  readonly withLock?: WithLock;
  /** Refresh this long before the access token expires. */
  readonly refreshMarginMs?: number;
}

export interface SessionStore {
  getSnapshot(): AppSession | undefined;
  subscribe(listener: () => void): () => void;
  signIn(email: string, password: string): Promise<AppSession>;
  register(name: string, email: string, password: string): Promise<AppSession>;
  /** The key the session is kept under (for the app's 'storage' event listener). */
  readonly storageKey: string;
  /** The access token, refreshed first when near expiry; undefined when signed out or expired for good. */
  getAccessToken(): Promise<string | undefined>;
  /** Refreshes now unless another caller already replaced `staleToken` (after a 401 TOKEN_EXPIRED). */
  refresh(staleToken?: string): Promise<string | undefined>;
  /** Ends the session on the server (best effort: offline, it expires there) and forgets it here. */
  signOut(): Promise<void>;
  /** Reads the stored session again (another tab signed in, out or refreshed). */
  reload(): void;
}

/** The shop's key; the admin app passes its own. */
export const sessionStorageKey = 'oa-shop-session';

/** The `iat` and `exp` of a JWT in milliseconds, or undefined when they cannot be read. */
function readTokenTimes(token: string): { issuedAt: number | undefined; expiresAt: number | undefined } {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const { iat, exp } = JSON.parse(json) as { iat?: unknown; exp?: unknown };
    return { issuedAt: typeof iat === 'number' ? iat * 1000 : undefined, expiresAt: typeof exp === 'number' ? exp * 1000 : undefined };
  } catch {
    return { issuedAt: undefined, expiresAt: undefined };
  }
}

/** The `exp` of a JWT in milliseconds, or undefined when it cannot be read. */
export function readTokenExpiry(token: string): number | undefined {
  return readTokenTimes(token).expiresAt;
}

/**
 * Whether to refresh before using the token: within `marginMs` of its expiry, but never more
 * than half its lifetime early (a server configured with short tokens would otherwise see a
 * refresh before every request, and rate-limit them).
 */
export function isNearExpiry(token: string, now: number, marginMs: number): boolean {
  const { issuedAt, expiresAt } = readTokenTimes(token);
  if (expiresAt === undefined) return true;
  const margin = issuedAt === undefined ? marginMs : Math.min(marginMs, (expiresAt - issuedAt) / 2);
  return expiresAt - now <= margin;
}

/** The server's id of this device's session: the first part of the refresh token (`<session>.<generation>.<secret>`). */
export function toSessionId(session: Pick<AppSession, 'refreshToken'> | undefined): string | undefined {
  const id = session?.refreshToken?.split('.')[0];
  return id ? id : undefined;
}

export function parseStoredSession(raw: string | null): AppSession | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<AppSession> | null;
    if (!value || typeof value.userId !== 'string' || !value.userId) return undefined;
    const text = (field: unknown): string | undefined => (typeof field === 'string' && field ? field : undefined);
    return {
      userId: value.userId,
      name: text(value.name) ?? '',
      email: text(value.email) ?? '',
      accessToken: text(value.accessToken),
      refreshToken: text(value.refreshToken),
    };
  } catch {
    return undefined;
  }
}

/** One lock per page when navigator.locks is missing (tests, old browsers): at least one tab never races itself. */
export function createPageLock(): WithLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(run: () => Promise<T>) => {
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
}

interface Account {
  readonly id: string;
  readonly name?: string;
  readonly email?: string;
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { storage, getSyncUrl } = options;
  const storageKey = options.storageKey ?? sessionStorageKey;
  const role = options.role ?? 'customer';
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const withLock = options.withLock ?? createPageLock();
  const marginMs = options.refreshMarginMs ?? 60_000;
  const listeners = new Set<() => void>();
  let session = parseStoredSession(storage.getItem(storageKey));

  const notify = (): void => listeners.forEach((listener) => listener());
  function save(next: AppSession | undefined): void {
    session = next;
    if (next) storage.setItem(storageKey, JSON.stringify(next));
    else storage.removeItem(storageKey);
    notify();
  }

  async function post(path: string, body: unknown, token?: string): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...protocolHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    return fetchFn(`${await getSyncUrl()}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  async function startSession(path: string, body: unknown): Promise<AppSession> {
    const response = await post(path, body);
    if (!response.ok) throw await toSyncHttpError(response);
    const answer = (await response.json()) as { accessToken: string; refreshToken: string; user?: Account; admin?: Account };
    const account = answer.user ?? answer.admin;
    if (!account) throw new TypeError('The sign-in answer names no account');
    const next: AppSession = {
      userId: account.id,
      name: account.name ?? '',
      email: account.email ?? '',
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
    };
    save(next);
    return next;
  }

  function refresh(staleToken = session?.accessToken): Promise<string | undefined> {
    return withLock(async () => {
      // Another tab may have refreshed meanwhile: storage, not memory, has the latest pair.
      const current = parseStoredSession(storage.getItem(storageKey));
      if (current?.userId !== session?.userId || current?.accessToken !== session?.accessToken) {
        session = current;
        notify();
      }
      if (!current?.refreshToken) return undefined;
      if (current.accessToken && current.accessToken !== staleToken && !isNearExpiry(current.accessToken, now(), marginMs)) {
        return current.accessToken;
      }
      let response: Response;
      try {
        response = await post('/auth/refresh', { refreshToken: current.refreshToken });
      } catch {
        return current.accessToken; // offline: keep what we have, try again on the next request
      }
      if (response.status === 401) {
        // Reused, unknown or ended: only a new sign-in helps. The user's local data stays.
        save({ ...current, accessToken: undefined, refreshToken: undefined });
        return undefined;
      }
      if (!response.ok) return current.accessToken;
      const pair = (await response.json()) as { accessToken: string; refreshToken: string };
      save({ ...current, accessToken: pair.accessToken, refreshToken: pair.refreshToken });
      return pair.accessToken;
    });
  }

  return {
    getSnapshot: () => session,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    storageKey,
    signIn: (email, password) => startSession(role === 'admin' ? '/auth/admin/login' : '/auth/login', { email, password }),
    register: (name, email, password) => startSession('/auth/register', { name, email, password }),
    async getAccessToken() {
      const token = session?.accessToken;
      if (!token) return undefined;
      return isNearExpiry(token, now(), marginMs) ? refresh(token) : token;
    },
    refresh,
    async signOut() {
      const token = await this.getAccessToken().catch(() => undefined);
      save(undefined);
      if (token) await post('/auth/logout', {}, token).catch(() => undefined);
    },
    reload() {
      const stored = parseStoredSession(storage.getItem(storageKey));
      if (JSON.stringify(stored) === JSON.stringify(session)) return;
      session = stored;
      notify();
    },
  };
}
