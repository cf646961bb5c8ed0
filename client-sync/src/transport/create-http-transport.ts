/**
 * The pull and push requests of docs/sync-protocol.md over fetch. Every failure becomes one
 * SyncHttpError carrying the server's stable code and status. Not for retries, token refresh or
 * RxDB: the replication decides what to do with an error; the base URL comes from runtime config.
 */
import { syncProtocolHeader, syncProtocolVersion } from '@oa/schema';
import { SyncHttpError, toSyncHttpError } from './sync-http-error';
import { isPullAnswer, isPushAnswer, type PullAnswer, type PushAnswer, type PushRow } from './sync-protocol';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpTransportOptions {
  /** The sync server's origin (and path prefix, if proxied), from runtime configuration. */
  readonly baseUrl: string;
  readonly fetch?: FetchLike;
  /** The current access token, or undefined to act anonymously (catalogue only). */
  readonly getAccessToken: () => string | undefined | Promise<string | undefined>;
}

export interface SyncTransport {
  readonly baseUrl: string;
  pull(collection: string, checkpoint: string | undefined, limit: number): Promise<PullAnswer>;
  push(collection: string, rows: readonly PushRow[]): Promise<PushAnswer>;
}

export const trimBaseUrl = (baseUrl: string): string => baseUrl.replace(/\/+$/, '');

/** Sent on every request, so a server that no longer serves this build answers CLIENT_OUTDATED. */
export const protocolHeaders: Readonly<Record<string, string>> = { [syncProtocolHeader]: String(syncProtocolVersion) };

export async function authorizationHeader(getAccessToken: HttpTransportOptions['getAccessToken']): Promise<Record<string, string>> {
  const token = await getAccessToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const baseUrl = trimBaseUrl(options.baseUrl);
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request(url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchFn(url, init);
    } catch (cause) {
      throw new SyncHttpError(0, 'NETWORK_ERROR', 'The sync server could not be reached', { cause });
    }
    if (!response.ok) throw await toSyncHttpError(response);
    try {
      return await response.json();
    } catch (cause) {
      throw new SyncHttpError(response.status, 'BAD_RESPONSE', 'The sync server answered with something that is not JSON', { cause });
    }
  }

  return {
    baseUrl,
    async pull(collection, checkpoint, limit) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (checkpoint !== undefined) query.set('checkpoint', checkpoint);
      const body = await request(`${baseUrl}/sync/${encodeURIComponent(collection)}/pull?${query}`, {
        headers: { ...protocolHeaders, ...(await authorizationHeader(options.getAccessToken)) },
      });
      if (!isPullAnswer(body)) throw new SyncHttpError(200, 'BAD_RESPONSE', `Unexpected pull answer for ${collection}`);
      return body;
    },
    async push(collection, rows) {
      const body = await request(`${baseUrl}/sync/${encodeURIComponent(collection)}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...protocolHeaders, ...(await authorizationHeader(options.getAccessToken)) },
        body: JSON.stringify(rows),
      });
      if (!isPushAnswer(body)) throw new SyncHttpError(200, 'BAD_RESPONSE', `Unexpected push answer for ${collection}`);
      return body;
    },
  };
}
