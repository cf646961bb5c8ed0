/**
 * Document migrations: for each collection, the pure function that brings ONE document from
 * version N-1 to N of its schema, keyed by N, each in `<collection>/to-vN.ts`. The same functions
 * upgrade the server's stored documents (through `npm run migrate`) and the PWAs' local RxDB
 * replicas (`toMigrationStrategies`), so a client that skipped versions still upgrades step by step.
 *
 * Every collection is at version 0 today, so there is none yet. To change a collection's shape:
 * bump its version in schema/, add `<collection>/to-v1.ts` exporting a pure `(doc) => doc`, list
 * it here, and the consistency test holds both in step.
 */
import type { CollectionName } from '@oa/schema';

export type DocumentMigration = (doc: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export type DocumentMigrationSteps = Readonly<Record<number, DocumentMigration>>;

export const documentMigrations: Readonly<Partial<Record<CollectionName, DocumentMigrationSteps>>> = {};
