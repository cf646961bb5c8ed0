import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { dropRxdbStorageNotice } from './drop-rxdb-storage-notice';

/** The installed RxDB's Dexie storage, as the apps' builds read it. */
const rxdbRoot = dirname(createRequire(import.meta.url).resolve('rxdb/package.json'));
const installed = readFileSync(join(rxdbRoot, 'dist/esm/plugins/storage-dexie/rx-storage-instance-dexie.js'), 'utf8');

const notice = "console.warn(['-------------- RxDB Open Core RxStorage ------', 'premium plugins'].join('\\n'));";

describe('dropRxdbStorageNotice', () => {
  it("takes the console.warn out of the installed RxDB's Dexie storage and leaves the rest in place", () => {
    const dropped = dropRxdbStorageNotice(installed);
    expect(installed).toMatch(/console\.warn\(\['-+ RxDB Open Core RxStorage/);
    expect(dropped).not.toMatch(/console\.warn\(\['-+ RxDB Open Core RxStorage/);
    // Same length and the same bytes outside the call's name: the source map still holds.
    expect(dropped).toHaveLength(installed.length);
    const differing = [...installed].flatMap((char, at) => (dropped[at] === char ? [] : [at]));
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.at(-1)! - differing[0]!).toBeLessThan('console.warn('.length);
    // Still a module that parses, and the premium check itself is untouched.
    expect(() => transformSync(dropped, { loader: 'js', format: 'esm' })).not.toThrow();
    expect(dropped).toContain('await hasPremiumFlag()');
  });

  it('prints nothing when the changed statement runs', () => {
    const statement = dropRxdbStorageNotice(`let shown = false;\n${notice}\nshown = true;`);
    const warnings: unknown[] = [];
    new Function('console', statement)({ warn: (...args: unknown[]) => warnings.push(args) });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['no notice at all (RxDB dropped or reworded it)', "console.warn('something else');"],
    ['the notice twice', `${notice}\n${notice}`],
    ['the notice printed another way', "console.log(['-------------- RxDB Open Core RxStorage ------'].join('\\n'));"],
    ['the notice with something before it in the call', "console.warn(prefix, ['-------------- RxDB Open Core RxStorage ------'].join('\\n'));"],
  ])('fails the build, naming itself, on %s', (_case, code) => {
    expect(() => dropRxdbStorageNotice(code)).toThrow(/client-sync\/build\/drop-rxdb-storage-notice\.ts/);
  });
});
