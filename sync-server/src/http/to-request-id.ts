/**
 * The id every log line of one request carries, and the `X-Request-Id` answer header: the
 * caller's own (a proxy's, or a client correlating its retries) when it is short and plain,
 * otherwise a new random one. Not an authenticator: anyone may send any id.
 */
import { randomUUID } from 'node:crypto';

/**
 * Letters, digits and `-_.:`, at most 64: a UUID, a ULID, a proxy's hex id all fit. Anything else
 * is replaced, never echoed: an id is written into every log line and the answer's headers, so a
 * long one would bloat them, and a newline or a quote could forge lines in a plain-text log.
 */
const safeRequestId = /^[A-Za-z0-9_.:-]{1,64}$/;

export function toRequestId(given: string | string[] | undefined): string {
  return typeof given === 'string' && safeRequestId.test(given) ? given : randomUUID();
}
