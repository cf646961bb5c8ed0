import { describe, expect, it } from 'vitest';
import { toSessionDataPlan, toSessionState, toSessionStateKey, type SessionState } from './session-state';

const kamala = { userId: 'u1', accessToken: 'a', refreshToken: 'r' };

describe('the session state a device is in', () => {
  it.each([
    ['no session', undefined, { kind: 'visitor' }],
    ['both tokens', kamala, { kind: 'signed-in', userId: 'u1' }],
    ['only a refresh token (the access token not yet issued again)', { userId: 'u1', refreshToken: 'r' }, { kind: 'signed-in', userId: 'u1' }],
    ['the tokens forgotten after a refused refresh', { userId: 'u1' }, { kind: 'signed-out', userId: 'u1' }],
  ] as const)('%s', (_, session, expected) => {
    expect(toSessionState(session)).toEqual(expected);
  });
});

describe('what the app’s data does in each state', () => {
  it.each<[string, SessionState, ReturnType<typeof toSessionDataPlan>]>([
    ['a visitor replicates the shared catalogue', { kind: 'visitor' }, { ownUserId: undefined, replicate: true }],
    ['a signed-in shopper replicates their own data too', { kind: 'signed-in', userId: 'u1' }, { ownUserId: 'u1', replicate: true }],
    ['a device signed out elsewhere keeps the shopper’s database but sends nothing', { kind: 'signed-out', userId: 'u1' }, { ownUserId: 'u1', replicate: false }],
  ])('%s', (_, state, plan) => {
    expect(toSessionDataPlan(state)).toEqual(plan);
  });
});

describe('which session changes switch the app’s data', () => {
  const key = (session: Parameters<typeof toSessionState>[0]) => toSessionStateKey(toSessionState(session));

  it('switches when a refresh is refused (signed in → signed out): the replication stops', () => {
    expect(key({ userId: 'u1' })).not.toBe(key(kamala));
  });

  it('switches back when the same shopper signs in again: the same database replicates what waited', () => {
    const before = toSessionDataPlan(toSessionState({ userId: 'u1' }));
    const after = toSessionDataPlan(toSessionState({ ...kamala, accessToken: 'new' }));
    expect(key({ ...kamala, accessToken: 'new' })).not.toBe(key({ userId: 'u1' }));
    expect(after.ownUserId).toBe(before.ownUserId);
    expect(after.replicate).toBe(true);
  });

  it('does not switch on a refreshed token', () => {
    expect(key({ ...kamala, accessToken: 'a2', refreshToken: 'r2' })).toBe(key(kamala));
  });

  it('switches on another shopper signing in', () => {
    expect(key({ ...kamala, userId: 'u2' })).not.toBe(key(kamala));
  });
});
