/**
 * What an app does with the failures of its replication that retrying alone cannot fix:
 * TOKEN_EXPIRED (the clocks disagreed, or the device slept): refresh, then pull again;
 * SESSION_ENDED or TOKEN_INVALID (signed out elsewhere, or a new signing key): one refresh tells
 * (a refused one makes the session store forget the tokens; createAppData then stops replicating
 * and the app asks for a new sign-in; what waits on the device stays); CLIENT_OUTDATED: the app's
 * cue to stop and offer its update.
 */
import type { Subscription } from 'rxjs';
import type { SessionStore } from '../auth/session-store';
import { isOutdatedClientError, isSyncHttpError } from '../transport/sync-http-error';
import type { CollectionsReplication } from './replicate-collections';

export function followAuthFailures(
  replication: Pick<CollectionsReplication, 'failures$' | 'reSync'>,
  session: Pick<SessionStore, 'refresh'> | undefined,
  onOutdated: () => void,
): Subscription {
  return replication.failures$.subscribe(({ error }) => {
    if (isOutdatedClientError(error)) return onOutdated();
    if (!session || !isSyncHttpError(error)) return;
    if (error.code === 'TOKEN_EXPIRED') void session.refresh().then(() => replication.reSync());
    else if (error.code === 'SESSION_ENDED' || error.code === 'TOKEN_INVALID') void session.refresh();
  });
}
