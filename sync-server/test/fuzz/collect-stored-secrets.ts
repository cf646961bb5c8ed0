/** The secret values a database holds (password and token hashes), to look for in answers. */
import { collectionNames, secretFields } from '@oa/schema';
import type { Storage } from '../../src/storage';

export async function collectStoredSecrets(storage: Storage): Promise<string[]> {
  const secrets: string[] = [];
  for (const collection of collectionNames) {
    const fields = secretFields(collection);
    if (fields.length === 0) continue;
    for (let after = 0; ; ) {
      const page = await storage.readChanges({ collection, after, limit: 1000 });
      for (const row of page.rows) for (const field of fields) if (typeof row.doc[field] === 'string') secrets.push(row.doc[field] as string);
      if (page.checkpoint === after) break;
      after = page.checkpoint;
    }
  }
  return secrets.filter((secret) => secret.length >= 16);
}
