import { describe, expect, it } from 'vitest';
import { StorageError } from '../errors';
import { allOf, isLive, omitProjection, toMongoExpression, toMongoQuery } from './mongo-filter';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof StorageError ? error.code : 'not a StorageError';
  }
  return undefined;
}

describe('toMongoQuery', () => {
  it('compares booleans and numbers by type, and never matches an array holding the value', () => {
    expect(toMongoQuery({ isActive: true, rank: 5, userId: 'alice' })).toEqual({
      isActive: { $eq: true, $type: 'bool', $not: { $type: 'array' } },
      rank: { $eq: 5, $type: 'number', $not: { $type: 'array' } },
      userId: { $eq: 'alice', $not: { $type: 'array' } },
    });
  });

  it('is empty for no filter', () => {
    expect(toMongoQuery(undefined)).toEqual({});
    expect(toMongoQuery({})).toEqual({});
  });

  it.each(['$where', 'a.b', "a') OR 1=1 --", '_id', '_seq', '', 'x'.repeat(65)])('refuses the field name %j', (field) => {
    expect(codeOf(() => toMongoQuery({ [field]: 'x' }))).toBe('INVALID_REQUEST');
    expect(codeOf(() => toMongoExpression({ [field]: 'x' }))).toBe('INVALID_REQUEST');
  });

  it('refuses values a filter cannot hold (operators smuggled in as values, NaN)', () => {
    expect(codeOf(() => toMongoQuery({ email: { $ne: '' } as never }))).toBe('INVALID_REQUEST');
    expect(codeOf(() => toMongoQuery({ rank: Number.NaN }))).toBe('INVALID_REQUEST');
  });
});

describe('toMongoExpression', () => {
  it('is true for no filter', () => {
    expect(toMongoExpression(undefined)).toBe(true);
  });

  it('keeps values literal and checks the type of booleans and numbers', () => {
    expect(toMongoExpression({ isActive: true, rank: 5, note: '$secret' })).toEqual({
      $and: [
        { $and: [{ $eq: ['$isActive', { $literal: true }] }, { $eq: [{ $type: '$isActive' }, 'bool'] }] },
        { $and: [{ $eq: ['$rank', { $literal: 5 }] }, { $in: [{ $type: '$rank' }, ['double', 'int', 'long', 'decimal']] }] },
        { $eq: ['$note', { $literal: '$secret' }] },
      ],
    });
  });
});

describe('projections and conjunctions', () => {
  it('drops _id and the omitted fields, keeping _seq for the row', () => {
    expect(omitProjection(['passwordHash', '_seq', '_id'])).toEqual({ _id: 0, passwordHash: 0 });
    expect(omitProjection(undefined)).toEqual({ _id: 0 });
    expect(codeOf(() => omitProjection(['$where']))).toBe('INVALID_REQUEST');
  });

  it('joins non-empty queries with $and', () => {
    expect(allOf({}, {})).toEqual({});
    expect(allOf({ a: 1 }, {})).toEqual({ a: 1 });
    expect(allOf({ a: 1 }, isLive)).toEqual({ $and: [{ a: 1 }, { _deleted: { $eq: false, $type: 'bool', $not: { $type: 'array' } } }] });
  });
});
