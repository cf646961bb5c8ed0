import { describe, expect, it } from 'vitest';
import { toSlug } from './to-slug';

describe('toSlug', () => {
  it.each([
    ['Annavaram Prasadam (Godhuma Ravva Laddu)', 'annavaram-prasadam-godhuma-ravva-laddu'],
    ['  Kumkum & Turmeric Set  ', 'kumkum-and-turmeric-set'],
    ['Café Crème', 'cafe-creme'],
    ['already-a-slug', 'already-a-slug'],
    ['UPPER_case__name', 'upper-case-name'],
    ['అన్నవరం', ''],
    ['--', ''],
  ])('%j becomes %j', (text, slug) => {
    expect(toSlug(text)).toBe(slug);
  });

  it('cuts long text at a word boundary within the limit', () => {
    const slug = toSlug('word '.repeat(40), 22);
    expect(slug).toBe('word-word-word-word');
    expect(slug.length).toBeLessThanOrEqual(22);
  });
});
