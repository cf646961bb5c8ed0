import { describe, expect, it } from 'vitest';
import { serializeError } from './serialize-error';

describe('serializeError', () => {
  it('keeps the type, message, code and causes, and none of a driver error’s other fields', () => {
    const driver = Object.assign(new Error('E11000 duplicate key'), { code: 11000, keyValue: { refreshTokenHash: 'sha256$abc' }, errorResponse: { op: 'insert' } });
    const wrapped = new Error('write failed', { cause: driver });
    const serialized = serializeError(wrapped);
    expect(serialized).toMatchObject({ type: 'Error', message: 'write failed', cause: { type: 'Error', message: 'E11000 duplicate key', code: 11000 } });
    expect(JSON.stringify(serialized)).not.toMatch(/sha256\$abc|keyValue|errorResponse/);
  });

  it('stops following causes at a cycle', () => {
    const looping = new Error('round and round');
    (looping as { cause?: unknown }).cause = looping;
    expect(JSON.stringify(serializeError(looping)).match(/round and round/g)!.length).toBeLessThan(20);
  });

  it('writes a thrown non-error as text', () => {
    expect(serializeError('plain text')).toBe('plain text');
    expect(serializeError(42)).toBe('42');
  });
});
