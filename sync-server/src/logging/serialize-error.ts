/**
 * An error as a log line carries it: its type, message, code, status and stack, and its causes
 * the same way. Chosen fields only, never the error's other properties: a driver's error can
 * hold the document or the key it failed on (MongoDB's `keyValue`, a command's arguments), and
 * those may be a password hash or a session's token hash.
 */

export interface SerializedError {
  readonly type: string;
  readonly message: string;
  readonly code?: string | number;
  readonly status?: number;
  readonly stack?: string;
  readonly cause?: SerializedError | string;
}

/** Causes beyond this depth are left out: a cycle (an error its own cause) must not loop. */
const maxDepth = 5;

export function serializeError(error: unknown, depth = 0): SerializedError | string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : String(error);
  const { code, status } = error as { code?: unknown; status?: unknown };
  return {
    type: error.name || error.constructor?.name || 'Error',
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
    ...(error.cause !== undefined && depth < maxDepth ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}
