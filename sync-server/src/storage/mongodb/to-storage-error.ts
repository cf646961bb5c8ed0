/**
 * The driver's errors as the storage's own, translated once at this adapter's edge and keeping
 * the driver error as `cause`. Branches on the driver's error classes, server error codes and
 * error labels, never on message text. Errors that are not the driver's pass through untouched.
 */
import {
  BSON,
  MongoBulkWriteError,
  MongoAPIError,
  MongoClientClosedError,
  MongoError,
  MongoErrorLabel,
  MongoGridFSChunkError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoParseError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';
import { StorageError, type StorageErrorCode } from '../errors';

export const duplicateKeyCode = 11000;

/** Server codes meaning "not now": no primary, shutting down, stepped down, timed out. */
const unavailableCodes = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  50, // MaxTimeMSExpired
  64, // WriteConcernFailed / WriteConcernTimeout
  89, // NetworkTimeout
  91, // ShutdownInProgress
  133, // FailedToSatisfyReadPreference
  134, // ReadConcernMajorityNotAvailableYet
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10058, // LegacyNotPrimary
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/** Server codes meaning the request itself is wrong: retrying the same thing cannot help. */
const invalidCodes = new Set([
  2, // BadValue
  9, // FailedToParse
  14, // TypeMismatch
  73, // InvalidNamespace
  85, // IndexOptionsConflict (an index of that name or key exists with other options)
  86, // IndexKeySpecsConflict
]);

export function isDuplicateKeyError(error: unknown): error is MongoServerError {
  return error instanceof MongoServerError && Number(error.code) === duplicateKeyCode;
}

function isUnavailable(error: MongoError): boolean {
  if (
    error instanceof MongoNetworkError || // includes MongoNetworkTimeoutError
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoClientClosedError ||
    error instanceof MongoServerClosedError ||
    error instanceof MongoOperationTimeoutError ||
    error instanceof MongoWriteConcernError
  ) {
    return true;
  }
  if (error.hasErrorLabel(MongoErrorLabel.RetryableWriteError) || error.hasErrorLabel(MongoErrorLabel.TransientTransactionError)) {
    return true;
  }
  return error instanceof MongoServerError && (unavailableCodes.has(Number(error.code)) || error.writeConcernError !== undefined);
}

function kindOf(error: MongoError): StorageErrorCode {
  // Checked first: the "closed"/"not connected" errors are MongoAPIErrors, but they mean "not now".
  if (isUnavailable(error)) return 'UNAVAILABLE';
  // A stored file's chunks missing or of the wrong size: what is stored is broken, retrying cannot help.
  if (error instanceof MongoGridFSChunkError) return 'CORRUPT_DATA';
  if (error instanceof MongoServerError) {
    if (Number(error.code) === duplicateKeyCode) return 'DUPLICATE_KEY';
    if (invalidCodes.has(Number(error.code))) return 'INVALID_REQUEST';
    return 'UNAVAILABLE';
  }
  if (error instanceof MongoParseError || error instanceof MongoAPIError) return 'INVALID_REQUEST'; // MongoInvalidArgumentError is a MongoAPIError
  // MongoRuntimeError, MongoSystemError, …: the driver or the link is in trouble.
  return 'UNAVAILABLE';
}

export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageError || !(error instanceof MongoError)) return error;
  const code = error.code === undefined ? '' : ` (code ${String(error.code)})`;
  return new StorageError(kindOf(error), `MongoDB ${error.name}${code}: ${error.message}`, { cause: error });
}

/**
 * Whether a failed write certainly did not change, and will not later change, the database.
 * A network error, a timeout or a closing client may leave the command running on the server
 * (or applied but not yet on a majority); a server's refusal or a client-side check did not.
 */
export function isOutcomeKnown(error: unknown): boolean {
  if (error instanceof StorageError) return true;
  if (error instanceof MongoBulkWriteError) {
    // The server answered row by row (write errors) with no write-concern trouble: every row's
    // fate is known. A bulk error without write errors wraps a network or driver failure.
    const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return failures.length > 0 && error.result?.getWriteConcernError() === undefined && !error.hasErrorLabel(MongoErrorLabel.RetryableWriteError);
  }
  if (error instanceof MongoServerError) {
    if (error instanceof MongoWriteConcernError || error.writeConcernError !== undefined) return false;
    // The driver retried once already: the first attempt's fate is unknown.
    return !error.hasErrorLabel(MongoErrorLabel.RetryableWriteError);
  }
  if (error instanceof MongoClientClosedError) return false; // closed with the command in flight
  // Argument checks, serialisation and "not connected" fail before anything is sent.
  return error instanceof MongoAPIError || error instanceof MongoParseError || BSON.BSONError.isBSONError(error);
}
