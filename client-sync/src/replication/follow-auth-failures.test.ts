import { Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { SyncHttpError } from '../transport/sync-http-error';
import type { ReplicationFailure } from './replicate-collections';
import { followAuthFailures } from './follow-auth-failures';

function setup(signedIn = true) {
  const failures$ = new Subject<ReplicationFailure>();
  const reSync = vi.fn();
  const refresh = vi.fn(async () => 'new-token');
  const onOutdated = vi.fn();
  followAuthFailures({ failures$, reSync }, signedIn ? { refresh } : undefined, onOutdated);
  const fail = (code: string, status = 401) => failures$.next({ collection: 'orders', direction: 'pull', error: new SyncHttpError(status, code, code) });
  return { fail, reSync, refresh, onOutdated };
}

describe('following the failures only a person or an update can fix', () => {
  it('refreshes an expired token, then pulls again', async () => {
    const { fail, refresh, reSync } = setup();
    fail('TOKEN_EXPIRED');
    await vi.waitFor(() => expect(reSync).toHaveBeenCalled());
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it.each(['SESSION_ENDED', 'TOKEN_INVALID'])('tries one refresh after %s, which tells whether to ask for a sign-in', (code) => {
    const { fail, refresh, reSync } = setup();
    fail(code);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(reSync).not.toHaveBeenCalled();
  });

  it('hands CLIENT_OUTDATED to the app, signed in or not', () => {
    const { fail, onOutdated, refresh } = setup(false);
    fail('CLIENT_OUTDATED', 426);
    expect(onOutdated).toHaveBeenCalledTimes(1);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('leaves everything else to the replication’s own retries', () => {
    const { fail, onOutdated, refresh } = setup();
    fail('NETWORK_ERROR', 0);
    fail('FORBIDDEN', 403);
    expect(onOutdated).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
  });
});
