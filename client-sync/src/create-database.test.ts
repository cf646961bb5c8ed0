/** The local database: the derived schemas for the collections asked for, and no validation wrapper (it would refuse tombstones). */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { createSyncDatabase } from './create-database';

describe('createSyncDatabase', () => {
  it('holds exactly the collections asked for, keyed by id', async () => {
    const database = await createSyncDatabase({ name: 'create-database-test', storage: getRxStorageMemory(), collections: ['products', 'cart_items'], multiInstance: false });
    try {
      expect(Object.keys(database.collections).sort()).toEqual(['cart_items', 'products']);
      expect(database.collections.products!.schema.primaryPath).toBe('id');
    } finally {
      await database.close();
    }
  });

  it('refuses a validation-wrapped storage, which would refuse the server’s tombstones', async () => {
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageMemory() });
    await expect(createSyncDatabase({ name: 'create-database-validated', storage, collections: ['products'], multiInstance: false })).rejects.toThrow(/validation wrapper/);
  });
});
