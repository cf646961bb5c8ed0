/**
 * The dependency direction, checked: nothing a PWA depends on depends on the sync server, the
 * operator commands (`@oa/migrations`) or a server-side library (a database driver, Koa). Two
 * rules: every package.json a client reaches through workspace packages lists none of them among
 * its runtime dependencies, and no file under a client's src/ imports one. Not a bundle check (the
 * builds and `npm run bench:shop` measure what ships); devDependencies are not shipped, so not read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

type Manifest = {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
};

/** The PWAs' browser packages: bundled by Vite at build time, never run by node. */
const browserPackages = ['react', 'react-dom', 'rxdb', 'rxjs', 'workbox-window', 'dexie'];

/**
 * What `npm ci --omit=dev` installs for a workspace: its dependencies, and its peers unless
 * marked optional (npm installs required peers). Every workspace is installed in production.
 */
function installedInProduction(manifest: Manifest): string[] {
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => !manifest.peerDependenciesMeta?.[name]?.optional);
  return [...Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }), ...peers];
}

const root = resolve(import.meta.dirname, '..');

/** What no package a PWA depends on may list, and what no client source file may import. */
const forbiddenPackages = ['@oa/sync-server', '@oa/migrations', 'better-sqlite3', 'mongodb', 'koa'];
/** The packages the PWAs are built from: both apps and what they share. */
const clientPackages = ['@oa/client-shop', '@oa/client-admin', '@oa/client-sync'];
/** Folders a client file must not reach by a relative path either. */
const forbiddenFolders = ['sync-server', join('migrations', 'src')];

function readManifests(): Manifest[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
  return workspaces.map((folder) => JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as Manifest);
}

function runtimeDependencies(manifest: Manifest): string[] {
  return Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies });
}

/**
 * Each forbidden listing reachable from a client, as the path that reaches it
 * ("@oa/client-shop → @oa/client-sync → @oa/migrations lists mongodb"). Walks workspace packages
 * only: a third-party package's own dependencies are its business (rxdb names mongodb as an
 * optional peer for its MongoDB storage, which the apps never load).
 */
function findForbiddenDependencies(manifests: readonly Manifest[]): string[] {
  const byName = new Map(manifests.map((manifest) => [manifest.name, manifest]));
  const found = new Set<string>();
  const walk = (manifest: Manifest, path: readonly string[]) => {
    for (const dependency of runtimeDependencies(manifest)) {
      if (forbiddenPackages.includes(dependency)) found.add(`${path.join(' → ')} lists ${dependency}`);
      const workspace = byName.get(dependency);
      // A cycle between workspaces is another problem; stop rather than loop.
      if (workspace && !path.includes(dependency)) walk(workspace, [...path, dependency]);
    }
  };
  for (const name of clientPackages) {
    const manifest = byName.get(name);
    if (!manifest) throw new Error(`no workspace is named ${name}`);
    walk(manifest, [name]);
  }
  return [...found];
}

/** The module specifiers a TypeScript file imports or re-exports, statically or dynamically. */
function importSpecifiers(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1]!);
}

function isForbiddenImport(specifier: string, file: string): boolean {
  if (specifier.startsWith('.')) {
    const target = relative(root, resolve(dirname(file), specifier));
    return forbiddenFolders.some((folder) => target === folder || target.startsWith(folder + sep));
  }
  return forbiddenPackages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/**
 * A client's source files, tests left out: a test is never bundled, and tests beside the code may
 * start the real server through sync-server/test's helpers (as client-sync/test does).
 */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('dependency direction', () => {
  it('keeps the server, the operator commands and the drivers out of every package a PWA depends on', () => {
    const manifests = readManifests();
    expect(manifests.map((manifest) => manifest.name)).toEqual(expect.arrayContaining([...clientPackages, '@oa/document-migrations', '@oa/schema']));
    expect(findForbiddenDependencies(manifests)).toEqual([]);
  });

  it('installs none of the PWAs’ browser packages in production: Vite has bundled them, and the image would carry them for nothing', () => {
    const listed = readManifests().flatMap((manifest) => installedInProduction(manifest).filter((name) => browserPackages.includes(name)).map((name) => `${manifest.name} installs ${name}`));
    expect(listed).toEqual([]);
    // A required peer is installed all the same: this is what the rule tells apart.
    expect(installedInProduction({ name: 'x', peerDependencies: { react: '^19', rxdb: '^17' }, peerDependenciesMeta: { rxdb: { optional: true } } })).toEqual(['react']);
  });

  it('finds the server and the drivers reached through a workspace package (the graph before the document migrations moved)', () => {
    const before: Manifest[] = [
      { name: '@oa/schema', dependencies: { zod: '^4' } },
      { name: '@oa/sync-server', dependencies: { '@oa/schema': '0.1.0', 'better-sqlite3': '^12', koa: '^3', mongodb: '^7' } },
      { name: '@oa/migrations', dependencies: { '@oa/schema': '0.1.0', '@oa/sync-server': '0.1.0', 'better-sqlite3': '^12', mongodb: '^7' } },
      { name: '@oa/client-sync', dependencies: { '@oa/migrations': '0.1.0', '@oa/schema': '0.1.0', rxdb: '^17' } },
      { name: '@oa/client-shop', dependencies: { '@oa/client-sync': '0.1.0', '@oa/schema': '0.1.0' } },
      { name: '@oa/client-admin', dependencies: { '@oa/client-sync': '0.1.0', '@oa/schema': '0.1.0' } },
    ];
    const found = findForbiddenDependencies(before);
    expect(found).toContain('@oa/client-shop → @oa/client-sync lists @oa/migrations');
    expect(found).toContain('@oa/client-shop → @oa/client-sync → @oa/migrations → @oa/sync-server lists koa');
    expect(found).toContain('@oa/client-sync → @oa/migrations lists mongodb');
    expect(found).toContain('@oa/client-admin → @oa/client-sync → @oa/migrations lists better-sqlite3');
  });

  it('reads peer and optional dependencies too', () => {
    expect(findForbiddenDependencies([
      { name: '@oa/client-sync', peerDependencies: { koa: '^3' } },
      { name: '@oa/client-shop', optionalDependencies: { mongodb: '^7' } },
      { name: '@oa/client-admin' },
    ])).toEqual(['@oa/client-shop lists mongodb', '@oa/client-sync lists koa']);
  });

  it.each([
    ["import { createApp } from '@oa/sync-server';", true],
    ["import type { Storage } from '@oa/sync-server/storage';", true],
    ["export { runMigrations } from '@oa/migrations/runner';", true],
    ["const { MongoClient } = await import('mongodb');", true],
    ["import Database from 'better-sqlite3';", true],
    ["import '../../../sync-server/src/app';", true],
    ["import { planLegacyMerge } from '../../../migrations/src/legacy/merge/plan-legacy-merge';", true],
    ["import { documentMigrations } from '@oa/document-migrations';", false],
    ["import { mongoDate } from './mongodb-date';", false],
    ["import { koalaBear } from 'koala';", false],
  ])('tells a forbidden client import: %s → %s', (line, forbidden) => {
    const file = join(root, 'client-shop', 'src', 'data', 'shop-data.ts');
    expect(importSpecifiers(line).some((specifier) => isForbiddenImport(specifier, file))).toBe(forbidden);
  });

  it('imports neither the server, the operator commands nor a driver from any file a client ships (client-*/src)', () => {
    const folders = readdirSync(root).filter((name) => name.startsWith('client-')).map((name) => join(root, name, 'src'));
    const files = folders.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const offending = files.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => isForbiddenImport(specifier, file))
        .map((specifier) => `${relative(root, file)} imports ${specifier}`),
    );
    expect(offending).toEqual([]);
  });
});
