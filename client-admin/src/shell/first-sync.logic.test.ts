import { describe, expect, it } from 'vitest';
import { toAdminFirstSyncView } from './first-sync.logic';

const entry = (collection: string, received: number, caughtUp: boolean) => ({ collection, received, caughtUp });

describe('the admin’s first download, as the status line says it', () => {
  it.each([
    { case: 'orders still coming', progress: [entry('orders', 1234, false), entry('products', 0, false)], before: false, label: 'Downloading orders: 1,234 so far' },
    { case: 'orders in, the rest coming', progress: [entry('orders', 40, true), entry('products', 10, false)], before: false, label: 'Downloading the catalogue, reviews and people' },
    { case: 'everything in', progress: [entry('orders', 40, true), entry('products', 75, true)], before: false, label: undefined },
    { case: 'a reload on a device that synced before (offline, say)', progress: [entry('orders', 0, false), entry('products', 0, false)], before: true, label: undefined },
    { case: 'nothing started yet', progress: [], before: false, label: undefined },
  ])('$case → $label', ({ progress, before, label }) => {
    expect(toAdminFirstSyncView(progress, before)?.label).toBe(label);
  });
});
