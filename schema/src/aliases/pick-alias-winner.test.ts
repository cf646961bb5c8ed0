/**
 * The one rule for every legacy field pair: one name alone fills the other, equal names pass,
 * and a disagreement is settled only on an update, for the side the writer changed.
 */
import { describe, expect, it } from 'vitest';
import { pickAliasWinner, type AliasWinner } from './pick-alias-winner';

const stored = { a: 5, b: 5 };

describe('pickAliasWinner', () => {
  it.each<{ behaviour: string; a: unknown; b: unknown; previous?: { a: unknown; b: unknown }; winner: AliasWinner }>([
    { behaviour: 'has nothing to do when neither name is sent', a: undefined, b: undefined, winner: 'none' },
    { behaviour: 'lets the first name fill the second when it is sent alone', a: 7, b: undefined, winner: 'a' },
    { behaviour: 'lets the second name fill the first when it is sent alone', a: undefined, b: 7, winner: 'b' },
    { behaviour: 'accepts both names carrying the same value', a: 7, b: 7, winner: 'equal' },
    {
      behaviour: 'compares structured values by content, not identity',
      a: [{ productId: 'p1', quantity: 2 }],
      b: [{ quantity: 2, productId: 'p1' }],
      winner: 'equal',
    },
    { behaviour: 'refuses a create where the two names disagree', a: 7, b: 8, winner: 'conflict' },
    { behaviour: 'on an update, takes the first name when only it changed', a: 7, b: 5, previous: stored, winner: 'a' },
    { behaviour: 'on an update, takes the second name when only it changed', a: 5, b: 7, previous: stored, winner: 'b' },
    { behaviour: 'on an update, refuses both names changed to different values', a: 7, b: 8, previous: stored, winner: 'conflict' },
    {
      // Stored data that already disagreed cannot tell which side the writer meant.
      behaviour: 'on an update, refuses a disagreement neither side of which changed',
      a: 7,
      b: 8,
      previous: { a: 7, b: 8 },
      winner: 'conflict',
    },
    {
      behaviour: 'on an update, treats an echoed copy of a stored list as unchanged',
      a: ['/new.jpg'],
      b: ['/old.jpg'],
      previous: { a: ['/old.jpg'], b: ['/old.jpg'] },
      winner: 'a',
    },
  ])('$behaviour', ({ a, b, previous, winner }) => {
    expect(pickAliasWinner(a, b, previous)).toBe(winner);
  });
});
