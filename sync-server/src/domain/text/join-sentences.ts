/**
 * Joins sentences meant for a person into one text that fits a field's length limit (an order's
 * `rejectionReason`). Whole sentences are kept while they fit and the rest are counted, so a
 * shopper with twelve problem lines reads the first few in full and how many more there are.
 */

export function joinSentences(sentences: readonly string[], maxLength: number): string {
  const kept: string[] = [];
  for (const [index, sentence] of sentences.entries()) {
    const candidate = [...kept, sentence];
    if (withTail(candidate, sentences.length - index - 1).length > maxLength) break;
    kept.push(sentence);
  }
  // Not even the first sentence fits beside the count: cut it rather than say nothing.
  if (kept.length === 0 && sentences.length > 0) return truncate(sentences.join(' '), maxLength);
  return withTail(kept, sentences.length - kept.length);
}

function withTail(kept: readonly string[], left: number): string {
  if (left === 0) return kept.join(' ');
  return [...kept, `${left} more ${left === 1 ? 'item needs' : 'items need'} changes too.`].join(' ');
}

function truncate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(0, maxLength - 1))}…`;
}
