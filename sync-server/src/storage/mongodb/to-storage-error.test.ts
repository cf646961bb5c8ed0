import {
  MongoBulkWriteError,
  MongoClientClosedError,
  MongoGridFSChunkError,
  MongoInvalidArgumentError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoNotConnectedError,
  MongoParseError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../errors';
import { isOutcomeKnown, toStorageError } from './to-storage-error';

const server = (fields: Record<string, unknown>) => new MongoServerError({ errmsg: 'from the server', ...fields });

describe('toStorageError', () => {
  it.each([
    ['a network error', new MongoNetworkError('socket closed'), 'UNAVAILABLE'],
    ['a network timeout', new MongoNetworkTimeoutError('timed out'), 'UNAVAILABLE'],
    ['no server selectable', new MongoServerSelectionError('no primary', {} as never), 'UNAVAILABLE'],
    ['a client not connected', new MongoNotConnectedError('not connected'), 'UNAVAILABLE'],
    ['a closed topology', new MongoTopologyClosedError(), 'UNAVAILABLE'],
    ['a closed client', new MongoClientClosedError(), 'UNAVAILABLE'],
    ['a write concern timeout', new MongoWriteConcernError({ writeConcernError: { code: 64, errmsg: 'waiting' }, ok: 1 }), 'UNAVAILABLE'],
    ['a stepped-down primary', server({ code: 10107 }), 'UNAVAILABLE'],
    ['a shutdown', server({ code: 91 }), 'UNAVAILABLE'],
    ['a retryable write error', server({ code: 9999, errorLabels: ['RetryableWriteError'] }), 'UNAVAILABLE'],
    ['a transient transaction error', server({ code: 9998, errorLabels: ['TransientTransactionError'] }), 'UNAVAILABLE'],
    ['a duplicate key outside a write', server({ code: 11000, keyPattern: { slug: 1 } }), 'DUPLICATE_KEY'],
    ['an index conflicting with an existing one', server({ code: 85 }), 'INVALID_REQUEST'],
    ['a bad URL', new MongoParseError('bad url'), 'INVALID_REQUEST'],
    ['a bad argument', new MongoInvalidArgumentError('bad argument'), 'INVALID_REQUEST'],
    ['any other server error', server({ code: 13 }), 'UNAVAILABLE'],
    ['a stored file missing a chunk', new MongoGridFSChunkError('ChunkIsMissing: got unexpected n: 1, expected: 0'), 'CORRUPT_DATA'],
  ])('turns %s into %s, keeping the cause', (_name, error, code) => {
    const translated = toStorageError(error);
    expect(translated).toBeInstanceOf(StorageError);
    expect((translated as StorageError).code).toBe(code);
    expect((translated as StorageError).cause).toBe(error);
  });

  it('names the server code in the message', () => {
    expect((toStorageError(server({ code: 13 })) as StorageError).message).toContain('code 13');
  });

  it('lets errors that are not the driver’s through untouched', () => {
    const bug = new TypeError('our own bug');
    expect(toStorageError(bug)).toBe(bug);
    const ours = new StorageError('INVALID_REQUEST', 'bad');
    expect(toStorageError(ours)).toBe(ours);
  });
});

// The driver exports WriteError and WriteConcernError as types only: their shapes stand in.
const duplicateRow = { index: 1, code: 11000, errmsg: 'E11000 duplicate key' };

/** A MongoBulkWriteError as the driver builds one (bulk/common.js): from row errors, or wrapping a failure. */
function bulk(options: { writeErrors?: Array<typeof duplicateRow>; cause?: Error; writeConcern?: boolean }): MongoBulkWriteError {
  const result = { getWriteConcernError: () => (options.writeConcern ? { code: 64, errmsg: 'waiting for majority' } : undefined) };
  const error = options.cause ?? { message: 'write failed', code: 11000, writeErrors: options.writeErrors ?? [] };
  return new MongoBulkWriteError(error as never, result as never);
}

describe('isOutcomeKnown', () => {
  it.each([
    ['a server refusal (duplicate key)', server({ code: 11000 }), true],
    ['our own validation', new StorageError('INVALID_REQUEST', 'x'), true],
    ['a client-side argument check', new MongoInvalidArgumentError('x'), true],
    ['a network error', new MongoNetworkError('x'), false],
    ['a write concern error (applied, not yet on a majority)', new MongoWriteConcernError({ writeConcernError: { code: 64, errmsg: 'x' }, ok: 1 }), false],
    ['a retried write that failed again', server({ code: 10107, errorLabels: ['RetryableWriteError'] }), false],
    ['a client closed mid-command', new MongoClientClosedError(), false],
    ['an unexpected error', new TypeError('x'), false],
    ['a bulk insert the server answered row by row', bulk({ writeErrors: [duplicateRow] }), true],
    ['a bulk insert that failed on the network (no row answers)', bulk({ cause: new MongoNetworkError('x') }), false],
    ['a bulk insert with a duplicate row and a write concern error', bulk({ writeErrors: [duplicateRow], writeConcern: true }), false],
  ])('%s → %s', (_name, error, known) => {
    expect(isOutcomeKnown(error)).toBe(known);
  });
});
