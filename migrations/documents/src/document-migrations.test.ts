import { describe, expect, it } from 'vitest';
import { collectionNames, collections } from '@oa/schema';
import { documentMigrations, type DocumentMigrationSteps } from './document-migrations';
import { toMigrationStrategies } from './to-migration-strategies';
import { upgradeDocument } from './upgrade-document';

describe('document migrations', () => {
  it.each(collectionNames)('%s has exactly one step per schema version', (name) => {
    const versions = Object.keys(documentMigrations[name] ?? {}).map(Number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: collections[name].version }, (_, i) => i + 1));
    expect(() => toMigrationStrategies(documentMigrations[name], collections[name].version)).not.toThrow();
  });

  // An example of the shape, as a product might change: v1 splits `unit`, v2 renames a flag.
  const steps: DocumentMigrationSteps = {
    1: ({ unit, ...doc }) => ({ ...doc, ...(typeof unit === 'string' ? { packSize: unit } : {}) }),
    2: ({ isActive, ...doc }) => ({ ...doc, isListed: isActive }),
  };

  it('upgrades a document through every step in order', () => {
    expect(upgradeDocument(steps, { id: 'p', unit: '250 g', isActive: true }, 0, 2)).toEqual({ id: 'p', packSize: '250 g', isListed: true });
    expect(upgradeDocument(steps, { id: 'p', packSize: '1 kg', isActive: false }, 1, 2)).toEqual({ id: 'p', packSize: '1 kg', isListed: false });
  });

  it('gives RxDB one strategy per version, passing its own fields through', () => {
    const strategies = toMigrationStrategies(steps, 2);
    expect(Object.keys(strategies)).toEqual(['1', '2']);
    const old = { id: 'p', unit: '250 g', isActive: true, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} };
    expect(strategies[2]!(strategies[1]!(old))).toEqual({ id: 'p', packSize: '250 g', isListed: true, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} });
  });

  it('names the missing step when a version has none', () => {
    expect(() => toMigrationStrategies({ 1: steps[1]! }, 2)).toThrow('version 2 needs a document migration to version 2');
    expect(() => upgradeDocument({}, { id: 'p' }, 0, 1)).toThrow('no document migration to version 1');
  });
});
