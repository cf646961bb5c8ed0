/**
 * The version of the sync protocol (docs/sync-protocol.md) a client speaks, sent on every request
 * in one header. The server answers a client older than it supports with 426 CLIENT_OUTDATED, so
 * an installed PWA that missed an update shows its update prompt instead of failing row by row.
 * Raise `syncProtocolVersion` with any change old clients cannot follow, and the minimum with it.
 */
export const syncProtocolHeader = 'x-oa-protocol';

/** What this build of the apps speaks. */
export const syncProtocolVersion = 1;

/** The oldest client version the server still serves. */
export const minSupportedProtocolVersion = 1;

export type ProtocolCheck = 'ok' | 'outdated' | 'malformed';

/** No header (curl, scripts, the benchmarks) is served as current; a malformed one is refused. */
export function checkProtocolVersion(header: string | undefined, minimum = minSupportedProtocolVersion): ProtocolCheck {
  if (header === undefined || header === '') return 'ok';
  if (!/^\d{1,6}$/.test(header)) return 'malformed';
  return Number(header) < minimum ? 'outdated' : 'ok';
}
