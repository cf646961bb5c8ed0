/**
 * The JavaScript a first visit downloads, from a built app's dist/: every script index.html
 * loads (script src, modulepreload) and every file those import statically, transitively, with
 * its gzipped size. Dynamic import() chunks are not the first load and are left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoadSize {
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly gzipBytes: number }[];
  readonly gzipBytes: number;
}

const fromHtml = /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g;
// Static imports and re-exports as esbuild/rolldown minify them: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
const staticImport = /(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g;

export function measureFirstLoad(dist: string): FirstLoadSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(fromHtml)].map((match) => new URL(match[1]!, 'http://app/').pathname);
  const seen = new Set<string>();
  const files: { path: string; bytes: number; gzipBytes: number }[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const source = readFileSync(join(dist, path));
    files.push({ path, bytes: source.length, gzipBytes: gzipSync(source).length });
    for (const match of source.toString('utf8').matchAll(staticImport)) queue.push(new URL(match[1]!, `http://app${path}`).pathname);
  }
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}
