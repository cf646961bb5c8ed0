/** One document through every step from its version to the target version, in order. Pure. */
import type { DocumentMigrationSteps } from './document-migrations';

export function upgradeDocument(steps: DocumentMigrationSteps, doc: Readonly<Record<string, unknown>>, from: number, to: number): Record<string, unknown> {
  let current: Record<string, unknown> = { ...doc };
  for (let version = from + 1; version <= to; version++) {
    const step = steps[version];
    if (!step) throw new Error(`no document migration to version ${version}`);
    current = step(current);
  }
  return current;
}
