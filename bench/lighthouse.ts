/**
 * `npm run bench:lighthouse`: Lighthouse (the npm package, on Debian's chromium) against both
 * built apps served as in production (`npm start`'s servers, the builds' precompressed files),
 * mobile profile with simulated throttling, and prints each category's score and FCP, LCP, TBT
 * and CLS beside the targets (the median of three runs per app, LIGHTHOUSE_RUNS). The shop is measured on its catalogue (demo data), the admin app on
 * its sign-in page, the first thing either shows. Loopback only. LIGHTHOUSE_REPORT_DIR=folder
 * keeps each app's median report (shop.json, admin.json) there, to read what blocked;
 * LIGHTHOUSE_APPS=shop measures one app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, freePort, runStart, waitForHttp } from '../e2e/harness';

export const lighthouseTargets = { performance: 90, accessibility: 100, 'best-practices': 100, cls: 0.05, lcpMs: 2500 } as const;

export interface LighthouseFigures {
  readonly app: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly fcpMs: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  /** Audits that failed, by id, for the categories below their target. */
  readonly failing: readonly string[];
}

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const defaultRuns = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

export async function runLighthouse(log: (line: string) => void, options: { readonly runs?: number } = {}): Promise<LighthouseFigures[]> {
  const runsPerApp = options.runs ?? defaultRuns;
  const folder = mkdtempSync(join(tmpdir(), 'oa-bench-lighthouse-'));
  const [port, shopPort, adminPort] = [await freePort(), await freePort(), await freePort()];
  const start = runStart(folder, {
    HOST: '127.0.0.1', PORT: String(port), SHOP_PORT: String(shopPort), ADMIN_PORT: String(adminPort),
    DATABASE_URL: `file:${join(folder, 'platform.db')}`, DATA_DIR: folder, CORS_ORIGINS: '', ADMIN_PASSWORD: 'bench admin password 1234',
  });
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await Promise.all([port, shopPort, adminPort].map((p, i) => waitForHttp(`http://127.0.0.1:${p}/${i === 0 ? 'health' : 'config.json'}`, 180_000))).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${start.output()}`);
    });
    const figures: LighthouseFigures[] = [];
    const apps = [['shop', `http://127.0.0.1:${shopPort}/`], ['admin', `http://127.0.0.1:${adminPort}/`]] as const;
    // LIGHTHOUSE_APPS=shop (or admin): one app only, for a quicker look at it.
    const only = process.env.LIGHTHOUSE_APPS?.split(',');
    for (const [app, url] of apps.filter(([name]) => !only || only.includes(name))) {
      // Lighthouse's figures vary from run to run: three runs, the median one by performance score.
      const runs = [];
      for (let run = 0; run < runsPerApp; run++) runs.push((await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories }))!.lhr);
      runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = runs[Math.floor(runs.length / 2)]!;
      const performances = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
      const scores = Object.fromEntries(Object.entries(lhr.categories).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)]));
      const numeric = (id: string): number => lhr.audits[id]?.numericValue ?? NaN;
      const failing = Object.values(lhr.categories)
        .filter((category) => Math.round((category.score ?? 0) * 100) < 100)
        .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9).map((ref) => `${category.id}/${ref.id}`));
      // LIGHTHOUSE_REPORT_DIR: the median run's whole report per app, to see which tasks block.
      if (process.env.LIGHTHOUSE_REPORT_DIR) writeFileSync(join(process.env.LIGHTHOUSE_REPORT_DIR, `${app}.json`), JSON.stringify(lhr));
      const figure: LighthouseFigures = { app, scores, fcpMs: numeric('first-contentful-paint'), lcpMs: numeric('largest-contentful-paint'), tbtMs: numeric('total-blocking-time'), cls: numeric('cumulative-layout-shift'), failing };
      figures.push(figure);
      const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW target');
      log(`${app} (median of ${runsPerApp} runs; performance ${performances.join(', ')}): ${Object.entries(scores).map(([id, score]) => `${id} ${score}`).join(', ')}`);
      log(`  FCP ${(figure.fcpMs / 1000).toFixed(1)} s, LCP ${(figure.lcpMs / 1000).toFixed(1)} s (target ${lighthouseTargets.lcpMs / 1000} s: ${verdict(figure.lcpMs <= lighthouseTargets.lcpMs)}), TBT ${figure.tbtMs.toFixed(0)} ms, CLS ${figure.cls.toFixed(3)} (target ${lighthouseTargets.cls}: ${verdict(figure.cls <= lighthouseTargets.cls)})`);
      log(`  targets: performance ${lighthouseTargets.performance} (${verdict(scores.performance! >= lighthouseTargets.performance)}), accessibility 100 (${verdict(scores.accessibility === 100)}), best practices 100 (${verdict(scores['best-practices'] === 100)})`);
      if (failing.length > 0) log(`  audits below 0.9: ${failing.join(', ')}`);
    }
    return figures;
  } finally {
    chrome.kill();
    await start.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Lighthouse (mobile, simulated throttling; node ${process.version}, ${chromiumPath})`);
  await runLighthouse((line) => console.log(`  ${line}`));
}
