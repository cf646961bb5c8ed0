/**
 * A slug from any text: lowercase ASCII words joined by "-", accents folded, at most `max`
 * characters (cut at a word boundary when one is near). Empty when the text has no latin letter
 * or digit (a Telugu-only name): the caller then falls back to the document's id.
 */
export function toSlug(text: string, max = 100): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
