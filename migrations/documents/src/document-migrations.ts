/**
 * Document migrations: for each collection, the pure function that brings ONE document from
 * version N-1 to N of its schema, keyed by N, each in `<collection>/to-vN.ts`. The same functions
 * upgrade the server's stored documents (through `npm run migrate`, which wraps them in
 * migrations/src/runner/to-document-migrations.ts) and the PWAs' local RxDB replicas
 * (`toMigrationStrategies`), so a client that skipped versions still upgrades step by step.
 *
 * To change a collection's shape: bump its version in schema/, add `<collection>/to-vN.ts`
 * exporting a pure `(doc) => doc`, list it here, and the consistency test holds both in step.
 */
import type { CollectionName } from '@oa/schema';
import { toPaymentV1 } from './payments/to-v1';

export type DocumentMigration = (doc: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export type DocumentMigrationSteps = Readonly<Record<number, DocumentMigration>>;

export const documentMigrations: Readonly<Partial<Record<CollectionName, DocumentMigrationSteps>>> = {
  payments: { 1: toPaymentV1 },
};
