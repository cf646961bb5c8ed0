/** The generic write rule's defaults for a new document: what the creator left out, never over what it sent. */
import { describe, expect, it } from 'vitest';
import { prepareWrite } from './prepare-write';

const categories = [{ id: 'cat-1', name: 'Sweets' }];
const admin = { role: 'admin', id: 'admin-1' } as const;
const now = '2026-12-02T10:00:00.000Z';
const base = { id: 'p-1', _deleted: false, name: 'Laddu', slug: 'laddu', price: 120, categoryId: 'cat-1', stock: 4 };

describe('prepareWrite, creating a product', () => {
  it.each([
    ['fills every default the creator left out', {}, { description: '', images: [], tags: [], ratingAverage: 0, ratingCount: 0, isActive: true }],
    ['keeps what the creator sent over the defaults', { description: 'Ghee laddu', tags: ['sweet'], isActive: false }, { description: 'Ghee laddu', tags: ['sweet'], isActive: false, images: [] }],
    ['takes images from a legacy imageUrl rather than the empty default', { imageUrl: '/images/laddu.jpg' }, { images: ['/images/laddu.jpg'], imageUrl: '/images/laddu.jpg' }],
    ['keeps the server-kept ratings at their defaults whatever the creator claims', { ratingAverage: 5, ratingCount: 900 }, { ratingAverage: 0, ratingCount: 0 }],
  ])('%s', (_name, extra, expected) => {
    const prepared = prepareWrite({ collection: 'products', caller: admin, stored: undefined, incoming: { ...base, ...extra }, now, categories });
    expect(prepared.kind).toBe('write');
    expect(prepared.kind === 'write' && prepared.doc).toMatchObject({ ...expected, category: 'Sweets', totalStock: 4, createdAt: now, updatedAt: now });
  });
});
