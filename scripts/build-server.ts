/**
 * `npm run build:server`: what production runs with plain `node`, compiled by esbuild into
 * dist/server/: the sync server (main.js), the operator commands (migrate, backup, restore,
 * verify) and the apps' static servers (serve-shop.js, serve-admin.js). The workspace packages
 * (@oa/*, TypeScript sources) are bundled in; every third-party package stays external and loads
 * from node_modules, installed with `npm ci --omit=dev`. Not for the PWAs: Vite builds those.
 */
import { existsSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** Each compiled file in dist/server/, by name, and the source it is built from. */
export const serverEntries = {
  main: 'sync-server/src/main.ts',
  migrate: 'migrations/src/cli/migrate.ts',
  backup: 'migrations/src/cli/backup.ts',
  restore: 'migrations/src/cli/restore.ts',
  verify: 'migrations/src/cli/verify.ts',
  'serve-shop': 'client-shop/server/serve.ts',
  'serve-admin': 'client-admin/server/serve.ts',
} as const;

interface Manifest {
  readonly workspaces?: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

export interface DeclaredPackages {
  /** Installed by `npm ci --omit=dev`: some workspace (or the root) lists them outside devDependencies. */
  readonly production: ReadonlySet<string>;
  /** Listed only as devDependencies: absent from a production install. */
  readonly developmentOnly: ReadonlySet<string>;
}

/** The third-party packages the root and every workspace declare (read afresh: the set of workspaces changes). */
export function readDeclaredPackages(projectRoot: string = root): DeclaredPackages {
  const readManifest = (folder: string): Manifest => JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;
  const rootManifest = readManifest(projectRoot);
  const manifests = [rootManifest, ...(rootManifest.workspaces ?? []).map((workspace) => readManifest(join(projectRoot, workspace)))];
  const names = (field: Record<string, string> | undefined): string[] => Object.keys(field ?? {}).filter((name) => !name.startsWith('@oa/'));
  const production = new Set(manifests.flatMap((m) => [...names(m.dependencies), ...names(m.peerDependencies), ...names(m.optionalDependencies)]));
  const developmentOnly = new Set(manifests.flatMap((m) => names(m.devDependencies)).filter((name) => !production.has(name)));
  return { production, developmentOnly };
}

/** `koa` of `koa/lib/x`, `@koa/router` of `@koa/router/x`. */
const toPackageName = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * Where Node finds package `name` from `folder`: the nearest node_modules/<name> up the tree (the
 * lookup for a bare import, before any "exports" map), as a real path, as Node loads it.
 */
function findPackageFolder(folder: string, name: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
}

const isInsideNodeModules = (path: string): boolean => path.split(sep).includes('node_modules');

/**
 * Decides every bare import. Node's own modules stay external; workspace packages are resolved as
 * usual and bundled. A third-party package stays external when dist/server/ finds the same copy
 * the source does; one installed under a workspace's own node_modules (npm nests a version the
 * root cannot hold, e.g. sync-server's lru-cache) is not found from dist/server/, so it is bundled
 * from where the source finds it. Refused: a package no package.json declares (it would be
 * bundled as found, a second copy beside the one its owner loads, or be missing in production)
 * and a static import of a development-only package (`npm ci --omit=dev` leaves it out, so the
 * compiled file would fail to start). A dynamic import of one is allowed: code loads it only where
 * development dependencies exist.
 */
function externalsPlugin(declared: DeclaredPackages, bundledPackages: Set<string>): Plugin {
  return {
    name: 'oa-externals',
    setup(on) {
      on.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || isBuiltin(args.path)) return { external: true };
        const name = toPackageName(args.path);
        if (name.startsWith('@oa/')) return undefined;
        // Our own sources must declare what they import; a bundled package's imports are its own business.
        if (!isInsideNodeModules(args.importer)) {
          const where = relative(root, args.importer);
          if (declared.developmentOnly.has(name) && args.kind !== 'dynamic-import') {
            return { errors: [{ text: `${where} imports "${name}", only a devDependency, which \`npm ci --omit=dev\` does not install: move it to dependencies, or import it dynamically where only development loads it` }] };
          }
          if (!declared.production.has(name) && !declared.developmentOnly.has(name)) {
            return { errors: [{ text: `${where} imports "${name}", which no package.json declares: add it to the dependencies of the workspace that imports it` }] };
          }
        }
        const fromSource = findPackageFolder(args.resolveDir, name);
        if (fromSource === undefined || fromSource === findPackageFolder(root, name)) return { external: true };
        bundledPackages.add(relative(root, fromSource));
        return undefined;
      });
    },
  };
}

export interface BuildServerResult {
  readonly outDir: string;
  /** Every file written, relative to outDir, with its size in bytes. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly bytes: number }>;
  readonly metafile: Metafile;
  /** Third-party packages bundled in because dist/server/ would not find the copy the source uses. */
  readonly bundledPackages: readonly string[];
}

/** Builds every entry into `outDir` (emptied first), with linked source maps. */
export async function buildServer(outDir: string = join(root, 'dist/server')): Promise<BuildServerResult> {
  rmSync(outDir, { recursive: true, force: true });
  const bundledPackages = new Set<string>();
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.entries(serverEntries).map(([out, source]) => ({ in: source, out })),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The oldest Node the platform supports (package.json "engines": >=20.19).
    target: 'node20.19',
    // Code shared between entries in chunks/, and each dynamic import a chunk of its own: the
    // MongoDB adapter (storage/create-storage.ts) and with it the driver load only when
    // DATABASE_URL names MongoDB, as from source. Without splitting, esbuild would hoist the
    // driver's import into main.js and every SQLite start would load it.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Linked maps without the sources: stack traces name the TypeScript lines under
    // `node --enable-source-maps` (the image sets it), and the maps stay small.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [externalsPlugin(readDeclaredPackages(root), bundledPackages)],
  });
  // ES modules whatever folder dist/ is copied into (the .js files carry `import`, not `require`).
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  const files = Object.keys(result.metafile.outputs).map((output) => {
    const path = resolve(root, output);
    return { path: relative(outDir, path), bytes: statSync(path).size };
  });
  return { outDir, files, metafile: result.metafile, bundledPackages: [...bundledPackages].sort() };
}

/**
 * The packages an output loads as soon as it starts: its static imports, followed through the
 * chunks it imports statically; dynamic imports are not followed (they load when reached).
 */
export function listStartupPackages(metafile: Metafile, output: string): string[] {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path.startsWith('node:') || isBuiltin(imported.path) ? imported.path : toPackageName(imported.path));
      else visit(imported.path);
    }
  };
  visit(output);
  return [...packages].sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const { outDir, files, bundledPackages } = await buildServer();
  const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0).padStart(6)} KiB`;
  const code = files.filter((file) => file.path.endsWith('.js'));
  const chunks = code.filter((file) => file.path.startsWith('chunks'));
  for (const file of code.filter((f) => !chunks.includes(f))) console.log(`${kib(file.bytes)}  ${relative(root, join(outDir, file.path))}`);
  console.log(`${kib(chunks.reduce((sum, file) => sum + file.bytes, 0))}  ${relative(root, join(outDir, 'chunks'))}/ (${chunks.length} chunks: shared code, and each dynamic import)`);
  if (bundledPackages.length > 0) console.log(`bundled in, as dist/ would not find them: ${bundledPackages.join(', ')}`);
  console.log(`[build:server] ${files.length} files in ${relative(root, outDir)}/ in ${Date.now() - started} ms; run with \`node dist/server/main.js\``);
}
