import { describe, expect, it } from 'vitest';
import { createSessionStore, isNearExpiry, readTokenExpiry, sessionStorageKey, toSessionId, type KeyValueStorage } from './session-store';

const syncUrl = 'http://sync.test';
const minute = 60_000;

function jwt(expMs: number, tag = 'x'): string {
  const payload = btoa(JSON.stringify({ sub: 'u1', exp: Math.floor(expMs / 1000), tag })).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `header.${payload}.signature`;
}

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

interface Call { url: string; body: unknown; authorization: string | undefined }

function fakeServer(answer: (path: string, body: any) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, body, authorization: (init?.headers as Record<string, string>)?.authorization });
    return answer(url.slice(syncUrl.length), body);
  };
  return { calls, fetch };
}

const t0 = Date.UTC(2026, 0, 1);

function signedInStore(accessExpiry: number, answer: Parameters<typeof fakeServer>[0], storage = memoryStorage(), clock = { now: t0 }) {
  const server = fakeServer(answer);
  storage.setItem(sessionStorageKey, JSON.stringify({ userId: 'u1', name: 'Sita', email: 's@x.in', accessToken: jwt(accessExpiry, 'old'), refreshToken: 'r1' }));
  const store = createSessionStore({ storage, getSyncUrl: async () => syncUrl, fetch: server.fetch, now: () => clock.now });
  return { store, server, storage, clock };
}

describe('the session store', () => {
  it.each([
    ['a 15-minute token with 2 minutes left', 15, 2, false],
    ['a 15-minute token with 1 minute left', 15, 1, true],
    ['a 30-second token just issued', 0.5, 0.5, false],
    ['a 30-second token half used', 0.5, 0.25, true],
  ])('refreshes %s: %s', (_title, lifetimeMinutes, leftMinutes, near) => {
    const exp = t0 + leftMinutes * minute;
    const iat = exp - lifetimeMinutes * minute;
    const payload = btoa(JSON.stringify({ iat: iat / 1000, exp: exp / 1000 })).replace(/=+$/, '');
    expect(isNearExpiry(`h.${payload}.s`, t0, minute)).toBe(near);
  });

  it('names this device’s session from its refresh token', () => {
    expect(toSessionId({ refreshToken: 'sess-1.3.secret' })).toBe('sess-1');
    expect(toSessionId({ refreshToken: undefined })).toBeUndefined();
  });

  it('reads the expiry of a token', () => {
    expect(readTokenExpiry(jwt(t0 + 15 * minute))).toBe(t0 + 15 * minute);
    expect(readTokenExpiry('not a token')).toBeUndefined();
  });

  it('keeps the session from sign-in in storage and tells subscribers', async () => {
    const storage = memoryStorage();
    const server = fakeServer(() => Response.json({ accessToken: jwt(t0 + 15 * minute), refreshToken: 'r1', user: { id: 'u1', name: 'Sita', email: 's@x.in' } }));
    const store = createSessionStore({ storage, getSyncUrl: async () => syncUrl, fetch: server.fetch, now: () => t0 });
    let told = 0;
    store.subscribe(() => told++);
    const session = await store.signIn('s@x.in', 'secret-pass');
    expect(server.calls[0]).toMatchObject({ url: `${syncUrl}/auth/login`, body: { email: 's@x.in', password: 'secret-pass' } });
    expect(session).toMatchObject({ userId: 'u1', name: 'Sita', refreshToken: 'r1' });
    expect(JSON.parse(storage.data.get(sessionStorageKey)!)).toMatchObject({ userId: 'u1' });
    expect(told).toBe(1);
    expect(createSessionStore({ storage, getSyncUrl: async () => syncUrl }).getSnapshot()?.userId).toBe('u1');
  });

  it('registers through /auth/register and surfaces the server’s error code', async () => {
    const server = fakeServer(() => Response.json({ error: { code: 'EMAIL_TAKEN', message: 'taken' } }, { status: 409 }));
    const store = createSessionStore({ storage: memoryStorage(), getSyncUrl: async () => syncUrl, fetch: server.fetch });
    await expect(store.register('Sita', 's@x.in', 'secret-pass')).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(server.calls[0]?.url).toBe(`${syncUrl}/auth/register`);
    expect(store.getSnapshot()).toBeUndefined();
  });

  it('hands out the access token as it is while it is far from expiry', async () => {
    const { store, server } = signedInStore(t0 + 10 * minute, () => new Response(null, { status: 500 }));
    expect(await store.getAccessToken()).toBe(jwt(t0 + 10 * minute, 'old'));
    expect(server.calls).toHaveLength(0);
  });

  it('refreshes once near expiry, even when many ask at once, and stores the new pair', async () => {
    const fresh = jwt(t0 + 15 * minute, 'new');
    const { store, server, storage } = signedInStore(t0 + 30_000, () => Response.json({ accessToken: fresh, refreshToken: 'r2' }));
    const tokens = await Promise.all([store.getAccessToken(), store.getAccessToken(), store.getAccessToken()]);
    expect(tokens).toEqual([fresh, fresh, fresh]);
    expect(server.calls.map((c) => c.body)).toEqual([{ refreshToken: 'r1' }]);
    expect(JSON.parse(storage.data.get(sessionStorageKey)!)).toMatchObject({ accessToken: fresh, refreshToken: 'r2' });
  });

  it('uses the pair another tab already refreshed instead of reusing the old refresh token', async () => {
    const { store, server, storage } = signedInStore(t0 + 30_000, () => new Response(null, { status: 500 }));
    const fresh = jwt(t0 + 15 * minute, 'other-tab');
    storage.setItem(sessionStorageKey, JSON.stringify({ userId: 'u1', name: 'Sita', email: 's@x.in', accessToken: fresh, refreshToken: 'r2' }));
    expect(await store.getAccessToken()).toBe(fresh);
    expect(server.calls).toHaveLength(0);
  });

  it('refreshes after a 401 TOKEN_EXPIRED although the clock thinks the token is fine', async () => {
    const fresh = jwt(t0 + 15 * minute, 'new');
    const { store, server } = signedInStore(t0 + 10 * minute, () => Response.json({ accessToken: fresh, refreshToken: 'r2' }));
    expect(await store.refresh(jwt(t0 + 10 * minute, 'old'))).toBe(fresh);
    expect(server.calls).toHaveLength(1);
  });

  it('keeps the old token while the server cannot be reached, to try again later', async () => {
    const { store } = signedInStore(t0 + 30_000, () => Promise.reject(new TypeError('offline')));
    expect(await store.getAccessToken()).toBe(jwt(t0 + 30_000, 'old'));
    expect(store.getSnapshot()?.refreshToken).toBe('r1');
  });

  it('asks for a new sign-in, keeping the user, when the server refuses the refresh', async () => {
    const { store } = signedInStore(t0 + 30_000, () => Response.json({ error: { code: 'REFRESH_TOKEN_REUSED' } }, { status: 401 }));
    expect(await store.getAccessToken()).toBeUndefined();
    expect(store.getSnapshot()).toEqual({ userId: 'u1', name: 'Sita', email: 's@x.in', accessToken: undefined, refreshToken: undefined });
  });

  it('signs out on the server with the access token and forgets the session', async () => {
    const { store, server, storage } = signedInStore(t0 + 10 * minute, () => new Response(null, { status: 204 }));
    await store.signOut();
    expect(server.calls[0]).toMatchObject({ url: `${syncUrl}/auth/logout`, authorization: `Bearer ${jwt(t0 + 10 * minute, 'old')}` });
    expect(store.getSnapshot()).toBeUndefined();
    expect(storage.data.has(sessionStorageKey)).toBe(false);
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const { store } = signedInStore(t0 + 10 * minute, () => Promise.reject(new TypeError('offline')));
    await store.signOut();
    expect(store.getSnapshot()).toBeUndefined();
  });
});
