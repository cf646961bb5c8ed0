import { describe, expect, it } from 'vitest';
import { joinSentences } from './join-sentences';

describe('joinSentences', () => {
  it('joins every sentence with a space when they fit', () => {
    expect(joinSentences(['One.', 'Two.', 'Three.'], 100)).toBe('One. Two. Three.');
  });

  it('keeps whole sentences that fit and counts the ones left out', () => {
    const sentences = ['A'.repeat(40) + '.', 'B'.repeat(40) + '.', 'C'.repeat(40) + '.', 'D'.repeat(40) + '.'];
    const text = joinSentences(sentences, 120);
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text.startsWith(`${sentences[0]} `)).toBe(true);
    expect(text).not.toContain('D');
    const shown = sentences.filter((s) => text.includes(s)).length;
    expect(text).toContain(`${sentences.length - shown} more`);
  });

  it('says "item needs" for one left out and "items need" for more', () => {
    expect(joinSentences(['x'.repeat(30), 'y'.repeat(40)], 70)).toMatch(/^x{30} 1 more item needs changes too\.$/);
    expect(joinSentences(['x'.repeat(30), 'y'.repeat(40), 'z'.repeat(40)], 70)).toMatch(/^x{30} 2 more items need changes too\.$/);
  });

  it('cuts a single sentence longer than the limit, marking the cut', () => {
    const text = joinSentences(['w'.repeat(80)], 50);
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
  });

  it('returns an empty text for no sentences', () => {
    expect(joinSentences([], 10)).toBe('');
  });
});
