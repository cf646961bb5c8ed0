/**
 * Writes a picture for each demo product (the seed's `/images/demo/<slug>.svg`) into the shop's
 * public/images/demo, so a newcomer's shop shows images and the service worker's image cache has
 * something real to keep. A coloured card per category with the product's name; the SVGs are
 * committed.   npx tsx scripts/make-demo-images.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoCatalog } from '../sync-server/src/seed/demo-catalog';

const colours: Record<string, [string, string]> = {
  'cat-prasadam': ['#f6c453', '#8a4b00'],
  'cat-pooja': ['#f28f5c', '#6b1d00'],
  'cat-books': ['#8fb8de', '#12355b'],
  'cat-photos': ['#b6d7a8', '#274e13'],
};

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The name in lines of at most 18 characters, at most four lines. */
function wrap(name: string): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 18) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.slice(0, 4);
}

const folder = resolve(import.meta.dirname, '../client-shop/public/images/demo');
mkdirSync(folder, { recursive: true });
for (const product of demoCatalog(new Date().toISOString()).products) {
  const [background, ink] = colours[String(product.categoryId)] ?? ['#ddd', '#222'];
  const lines = wrap(String(product.name));
  const text = lines
    .map((line, i) => `<text x="160" y="${175 + (i - (lines.length - 1) / 2) * 34}" text-anchor="middle">${escape(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320"><rect width="320" height="320" rx="24" fill="${background}"/><circle cx="160" cy="70" r="28" fill="none" stroke="${ink}" stroke-width="6"/><g font-family="system-ui, sans-serif" font-size="26" font-weight="600" fill="${ink}">${text}</g></svg>\n`;
  const image = String(product.imageUrl);
  writeFileSync(join(folder, image.split('/').pop()!), svg);
}
console.log(`wrote ${folder}`);
