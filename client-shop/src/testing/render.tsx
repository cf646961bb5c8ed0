/**
 * What the component tests share: React Testing Library on happy-dom (each test file opts in with
 * `// @vitest-environment happy-dom`), cleaned up after every test, and a few catalogue fixtures.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { CatalogueProduct } from '../features/catalogue/catalogue.logic';

afterEach(() => cleanup());

export * from '@testing-library/react';

export const product = (id: string, fields: Partial<CatalogueProduct> = {}): CatalogueProduct => ({
  id,
  name: `Product ${id}`,
  price: 100,
  stock: 20,
  categoryId: 'cat-1',
  ...fields,
});
