/**
 * The one rule for legacy field pairs (stock/totalStock, userId/user, …): given the two values a
 * write carries and, on an update, the two values stored before, decide which side is the truth.
 * Pure; the per-collection normalisers apply the decision.
 */
import { isDeepEqual } from './is-deep-equal';

export type AliasWinner = 'none' | 'a' | 'b' | 'equal' | 'conflict';

/**
 * - neither given: nothing to do; one given: it wins and fills the other;
 * - both given and equal: nothing to do;
 * - both given and different: on an update, the side that changed wins over the side that kept
 *   its stored value (a legacy client edits one name and echoes the other unchanged);
 *   otherwise it is a conflict and the write is refused, never silently resolved.
 */
export function pickAliasWinner(
  a: unknown,
  b: unknown,
  previous?: { readonly a: unknown; readonly b: unknown },
): AliasWinner {
  if (a === undefined && b === undefined) return 'none';
  if (b === undefined) return 'a';
  if (a === undefined) return 'b';
  if (isDeepEqual(a, b)) return 'equal';
  if (previous) {
    const aChanged = !isDeepEqual(a, previous.a);
    const bChanged = !isDeepEqual(b, previous.b);
    if (aChanged && !bChanged) return 'a';
    if (bChanged && !aChanged) return 'b';
  }
  return 'conflict';
}
