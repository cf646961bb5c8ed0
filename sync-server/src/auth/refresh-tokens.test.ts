/** Refresh tokens as data: their format, their hash, and the decision each presented token leads to. */
import { describe, expect, it } from 'vitest';
import type { Session } from '@oa/schema';
import { createRefreshToken, decideRefresh, hashRefreshToken, parseRefreshToken } from './refresh-tokens';

const now = new Date('2026-03-01T12:00:00.000Z');
const current = createRefreshToken('session-1', 3);
const used = createRefreshToken('session-1', 2);
const stranger = createRefreshToken('session-1', 3);

const session: Session = {
  id: 'session-1',
  _deleted: false,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T11:00:00.000Z',
  userId: 'user-1',
  role: 'customer',
  refreshTokenHash: current.hash,
  generation: 3,
  usedRefreshTokenHashes: [used.hash],
  deviceName: 'phone',
  lastUsedAt: '2026-03-01T11:00:00.000Z',
  expiresAt: '2026-03-31T11:00:00.000Z',
};

describe('refresh tokens', () => {
  it('are <sessionId>.<generation>.<43 url-safe characters> and parse back', () => {
    expect(current.token).toMatch(/^session-1\.3\.[A-Za-z0-9_-]{43}$/);
    expect(parseRefreshToken(current.token)).toEqual({ sessionId: 'session-1', generation: 3 });
  });

  it('are stored as a sha256 hash of the whole token, never the token', () => {
    expect(current.hash).toBe(hashRefreshToken(current.token));
    expect(current.hash).toMatch(/^sha256\$[A-Za-z0-9_-]{43}$/);
    expect(current.hash).not.toContain(current.token.split('.')[2]);
  });

  it.each(['', 'a.b', 'a.b.c.d', `bad id!.0.${'A'.repeat(43)}`, `s.01.${'A'.repeat(43)}`, `s.-1.${'A'.repeat(43)}`, 's.0.short', `s.0.${'A'.repeat(42)}=`])(
    'refuses to parse %j',
    (token) => {
      expect(parseRefreshToken(token)).toBeUndefined();
    },
  );

  it.each([
    ['rotates the current token', session, current.hash, 'rotate'],
    ['calls a rotated-away token reuse', session, used.hash, 'reused'],
    ['calls a token it never issued unknown', session, stranger.hash, 'unknown'],
    ['finds no session ended', undefined, current.hash, 'ended'],
    ['finds a deleted session ended', { ...session, _deleted: true }, current.hash, 'ended'],
    ['finds a revoked session ended, even for a reused token', { ...session, revokedAt: '2026-03-01T11:30:00.000Z' }, used.hash, 'ended'],
    ['finds an expired session ended', { ...session, expiresAt: now.toISOString() }, current.hash, 'ended'],
  ] as const)('decideRefresh %s', (_name, stored, presented, kind) => {
    expect(decideRefresh(stored, presented, now)).toEqual({ kind });
  });
});
