/**
 * Writes a picture for each demo product (the seed's `/images/demo/<slug>.webp`) into the shop's
 * public/images/demo, so a newcomer's shop shows images and the service worker's image cache has
 * something real to keep. A coloured card per category with the product's name, drawn as SVG and
 * rasterised to WebP by Chromium, as a real shop's photos are: a browser builds a whole document
 * on its main thread for every SVG <img> (about 40 ms each on a phone, eleven on the first
 * screen), where a WebP is decoded off it. Both are committed.   npx tsx scripts/make-demo-images.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../e2e/harness';
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
const browser = await launchChromium();
const page = await browser.newPage();
/** The SVG drawn on a canvas of its own size and encoded as WebP, in the browser. */
const toWebp = async (svg: string): Promise<Buffer> => {
  // Source text, run in the page (this script's types know no DOM).
  const dataUrl = (await page.evaluate(`(async (source) => {
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(source);
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.naturalWidth, image.naturalHeight];
    canvas.getContext('2d').drawImage(image, 0, 0);
    return canvas.toDataURL('image/webp', 0.85);
  })(${JSON.stringify(svg)})`)) as string;
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
};
for (const product of demoCatalog(new Date().toISOString()).products) {
  const [background, ink] = colours[String(product.categoryId)] ?? ['#ddd', '#222'];
  const lines = wrap(String(product.name));
  const text = lines
    .map((line, i) => `<text x="160" y="${175 + (i - (lines.length - 1) / 2) * 34}" text-anchor="middle">${escape(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320"><rect width="320" height="320" rx="24" fill="${background}"/><circle cx="160" cy="70" r="28" fill="none" stroke="${ink}" stroke-width="6"/><g font-family="system-ui, sans-serif" font-size="26" font-weight="600" fill="${ink}">${text}</g></svg>\n`;
  const name = String(product.imageUrl).split('/').pop()!.replace(/\.webp$/, '');
  writeFileSync(join(folder, `${name}.svg`), svg);
  writeFileSync(join(folder, `${name}.webp`), await toWebp(svg));
}
await browser.close();
console.log(`wrote ${folder}`);
