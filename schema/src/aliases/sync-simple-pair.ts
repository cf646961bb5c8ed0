/**
 * Applies pickAliasWinner to two top-level fields that hold the same value under two names.
 */
import { aliasConflict, type AliasResult, type Fields } from './alias-result';
import { pickAliasWinner } from './pick-alias-winner';

export function syncSimplePair(next: Fields, previous: Fields | undefined, a: string, b: string): AliasResult {
  const winner = pickAliasWinner(next[a], next[b], previous && { a: previous[a], b: previous[b] });
  switch (winner) {
    case 'conflict':
      return aliasConflict(a, b);
    case 'a':
      return { ok: true, value: { ...next, [b]: next[a] } };
    case 'b':
      return { ok: true, value: { ...next, [a]: next[b] } };
    default:
      return { ok: true, value: next };
  }
}

/** Runs normalising steps in order, stopping at the first refusal. */
export function chainAliases(
  start: Fields,
  steps: ReadonlyArray<(current: Fields) => AliasResult>,
): AliasResult {
  let current = start;
  for (const step of steps) {
    const result = step(current);
    if (!result.ok) return result;
    current = result.value;
  }
  return { ok: true, value: current };
}
