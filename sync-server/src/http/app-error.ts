/**
 * The one error model of the HTTP layer: a stable code, a status, a message safe to show.
 * Everything thrown below the HTTP edge is turned into this once, by toAppError.
 */
import { isStorageError } from '../storage/errors';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The one place error kinds become HTTP statuses. Unknown errors become a bare 500 with no detail. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isStorageError(error)) {
    switch (error.code) {
      case 'UNAVAILABLE':
        return new AppError(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly', { cause: error });
      case 'DUPLICATE_KEY':
        return new AppError(409, 'DUPLICATE', 'A document with the same unique value exists', { cause: error });
      case 'INVALID_REQUEST':
        return new AppError(400, 'BAD_REQUEST', 'The request cannot be served as asked', { cause: error });
      case 'CORRUPT_DATA':
        return new AppError(500, 'INTERNAL', 'Something went wrong on the server', { cause: error });
    }
  }
  const status = (error as { status?: unknown; expose?: unknown } | null)?.status;
  // Koa's own HTTP errors (a body too large, malformed JSON) carry a status and are safe to expose.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(status, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', (error as Error).message, { cause: error });
  }
  return new AppError(500, 'INTERNAL', 'Something went wrong on the server', { cause: error });
}
