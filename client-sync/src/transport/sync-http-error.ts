/**
 * The one error the transport throws: the server's stable `code` and the HTTP status, so callers
 * branch on codes (TOKEN_EXPIRED, FORBIDDEN, …), never on messages. A request that never got an
 * answer is status 0 with code NETWORK_ERROR; the original error stays in `cause`.
 */
export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  readonly status: number;
  readonly code: string;
  /** Seconds from a 429's Retry-After, when the server sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isSyncHttpError = (error: unknown): error is SyncHttpError => error instanceof SyncHttpError;

/** Codes after which the same request can only succeed with a new access token (or a new sign-in). */
const authCodes = new Set(['UNAUTHENTICATED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'SESSION_ENDED']);
export const isAuthError = (error: unknown): boolean => isSyncHttpError(error) && authCodes.has(error.code);

/** The server no longer serves this build of the app: the cue for the update prompt, not a retry. */
export const isOutdatedClientError = (error: unknown): boolean => isSyncHttpError(error) && error.code === 'CLIENT_OUTDATED';

/** Turns a non-2xx answer into a SyncHttpError, reading the `{ error: { code, message } }` body. */
export async function toSyncHttpError(response: Response): Promise<SyncHttpError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const options = Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {};
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    // A proxy's HTML page or an empty body: still an error with a stable code, never a parse crash.
    return new SyncHttpError(response.status, 'HTTP_ERROR', `HTTP ${response.status} without a JSON error body`, { ...options, cause });
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new SyncHttpError(response.status, error.code, typeof error.message === 'string' ? error.message : error.code, options);
  }
  return new SyncHttpError(response.status, 'HTTP_ERROR', `HTTP ${response.status}`, options);
}
