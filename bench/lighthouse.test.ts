/** Keeps the Lighthouse bench runnable: one run per app against the real servers reports every figure. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../e2e/harness';
import { runLighthouse } from './lighthouse';

describe.skipIf(!existsSync(chromiumPath))('Lighthouse benchmark', () => {
  it('measures both apps and reports their scores and timings', { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const figures = await runLighthouse((line) => lines.push(line), { runs: 1 });
    expect(figures.map((figure) => figure.app)).toEqual(['shop', 'admin']);
    for (const figure of figures) {
      expect(figure.scores.performance).toBeGreaterThan(0);
      expect(figure.lcpMs).toBeGreaterThan(0);
      // What this session fixed and must stay fixed: no layout shift, readable colours, no unload handler.
      expect(figure.cls).toBeLessThanOrEqual(0.05);
      expect(figure.scores.accessibility).toBe(100);
      expect(figure.scores['best-practices']).toBe(100);
    }
  });
});
