/**
 * One table of cases for a legacy pair kept as two plain fields (stock/totalStock, userId/user, …),
 * shared by each collection's alias test: either name fills the other, a disagreement is refused on
 * a create, and on an update the side the writer changed wins over the side it echoed unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { AliasError, AliasResult, Fields } from '../aliases/alias-result';
import type { CollectionName } from '../collections/names';
import { validateDocument } from '../validate-document';
import { sampleDocument } from './sample-documents';

/** The normalised document of an accepted write; fails the test (with the refusal) otherwise. */
export function acceptedValue(result: AliasResult): Fields {
  if (!result.ok) throw new Error(`expected the write to be accepted, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The refusal of a refused write; fails the test otherwise. */
export function refusalOf(result: AliasResult): AliasError {
  if (result.ok) throw new Error('expected the write to be refused, but it was accepted');
  return result.error;
}

export interface AliasPairSpec {
  readonly collection: CollectionName;
  /** The collection's normaliser; `previous` is the stored document on an update. */
  readonly normalize: (input: unknown, previous?: Fields) => AliasResult;
  readonly a: string;
  readonly b: string;
  /** Two valid values, different from each other and from what the sample document stores. */
  readonly values: readonly [unknown, unknown];
}

export function describeAliasPair({ collection, normalize, a, b, values: [x, y] }: AliasPairSpec): void {
  describe(`${a} / ${b}`, () => {
    const stored = sampleDocument(collection);
    const s = stored[a];

    it('starts from a stored sample that keeps both names equal and differs from the test values', () => {
      expect(stored[b]).toEqual(s);
      expect(x).not.toEqual(s);
      expect(y).not.toEqual(s);
      expect(x).not.toEqual(y);
    });

    it.each([
      { behaviour: `fills ${b} from ${a} when only ${a} is sent`, write: { [a]: x, [b]: undefined } },
      { behaviour: `fills ${a} from ${b} when only ${b} is sent`, write: { [a]: undefined, [b]: x } },
      { behaviour: 'accepts both names carrying the same value', write: { [a]: x, [b]: x } },
    ])('on a create, $behaviour', ({ write }) => {
      const value = acceptedValue(normalize(sampleDocument(collection, write)));
      expect(value[a]).toEqual(x);
      expect(value[b]).toEqual(x);
      expect(validateDocument(collection, value)).toMatchObject({ ok: true });
    });

    it.each([
      { behaviour: 'two new values that differ', write: { [a]: x, [b]: y } },
      // A create has nothing stored, so there is no "echoed" side to discount.
      { behaviour: `a new ${a} beside a ${b} equal to what an update would have echoed`, write: { [a]: x, [b]: s } },
    ])(`on a create, refuses $behaviour with ALIAS_CONFLICT naming ${a} and ${b}`, ({ write }) => {
      const error = refusalOf(normalize(sampleDocument(collection, write)));
      expect(error.code).toBe('ALIAS_CONFLICT');
      expect(error.fields).toEqual(expect.arrayContaining([a, b]));
    });

    it.each([
      { behaviour: `takes the changed ${a} over the ${b} echoed unchanged`, write: { [a]: x, [b]: s } },
      { behaviour: `takes the changed ${b} over the ${a} echoed unchanged`, write: { [a]: s, [b]: x } },
      { behaviour: 'accepts both names changed to the same value', write: { [a]: x, [b]: x } },
      { behaviour: `fills ${b} when an update sends only ${a}`, write: { [a]: x, [b]: undefined } },
    ])('on an update, $behaviour', ({ write }) => {
      const value = acceptedValue(normalize(sampleDocument(collection, write), stored));
      expect(value[a]).toEqual(x);
      expect(value[b]).toEqual(x);
      expect(validateDocument(collection, value)).toMatchObject({ ok: true });
    });

    it(`on an update, refuses ${a} and ${b} both changed to different values`, () => {
      const error = refusalOf(normalize(sampleDocument(collection, { [a]: x, [b]: y }), stored));
      expect(error.code).toBe('ALIAS_CONFLICT');
      expect(error.fields).toEqual(expect.arrayContaining([a, b]));
    });
  });
}

/** Inputs that are not JSON objects; every normaliser must refuse them as data, never throw. */
export const notObjects: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['a string', '{"stock":1}'],
  ['a number', 42],
  ['a boolean', true],
  ['an array', [{ id: 'x' }]],
];
