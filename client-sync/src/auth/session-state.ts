/**
 * Which of three states a device's session is in, and what the app's data does in each: a
 * visitor (no one signed in), signed in (tokens held), or signed out (the server refused to
 * refresh: ended from another device, or expired). Pure; the session store holds the session and
 * createAppData acts on the plan. Not for tokens or their refresh.
 */
import type { AppSession } from './session-store';

export type SessionState =
  | { readonly kind: 'visitor' }
  | { readonly kind: 'signed-in'; readonly userId: string }
  /** The shopper's database stays on the device with what waits to go up, for their next sign-in. */
  | { readonly kind: 'signed-out'; readonly userId: string };

export function toSessionState(session: Pick<AppSession, 'userId' | 'accessToken' | 'refreshToken'> | undefined): SessionState {
  if (!session) return { kind: 'visitor' };
  // The store forgets both tokens together once a refresh is refused; either one still held can
  // still get an answer from the server, so that is signed in.
  return session.accessToken || session.refreshToken ? { kind: 'signed-in', userId: session.userId } : { kind: 'signed-out', userId: session.userId };
}

export interface SessionDataPlan {
  /** Whose database is open (undefined: a visitor's device, only the shared one). */
  readonly ownUserId: string | undefined;
  /** Whether to replicate at all. */
  readonly replicate: boolean;
}

/**
 * Signed out: no replication at all, not even the catalogue's. Every request would be refused
 * (401) and retried by RxDB every few seconds per collection, with the live stream reconnecting
 * besides; the device stays as it is until the person signs in again.
 */
export function toSessionDataPlan(state: SessionState): SessionDataPlan {
  switch (state.kind) {
    case 'visitor':
      return { ownUserId: undefined, replicate: true };
    case 'signed-in':
      return { ownUserId: state.userId, replicate: true };
    case 'signed-out':
      return { ownUserId: state.userId, replicate: false };
  }
}

/** Equal keys: the same plan, so nothing to switch (a refreshed token changes no key). */
export function toSessionStateKey(state: SessionState): string {
  return state.kind === 'visitor' ? 'visitor' : `${state.kind}:${state.userId}`;
}
