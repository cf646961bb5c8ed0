/**
 * Searching lists as people type: lower case, accents ignored ("laddu" finds "Laddū"), every
 * word of the search found somewhere in the text. Used by the shop's catalogue and the admin
 * app's lists alike.
 */

/** Lower case without accents. */
export const foldText = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The words of a search, without punctuation: " Ghee, deepam! " → ['ghee', 'deepam']. */
export const toSearchWords = (search: string | undefined): string[] => foldText(search ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether every word is in the text (an empty search matches everything). */
export function matchesAllWords(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const folded = foldText(text);
  return words.every((word) => folded.includes(word));
}
