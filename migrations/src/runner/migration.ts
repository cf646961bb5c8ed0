/**
 * What a migration is: a stable id (its place in the ledger), a one-line description, and a run
 * that reports what it changed (or, in a dry run, would change). Every migration must be safe to
 * run again after a failure part-way: the storage has no multi-document transactions, so each one
 * converges (writes only what is missing or still old) instead of assuming a clean start.
 */
import type { Storage } from '@oa/sync-server/storage';
import type { LegacySource } from '../legacy/legacy-source';

export interface MigrationContext {
  /** Opened; collections not yet set up (the legacy merge must clear legacy documents first). */
  readonly storage: Storage;
  /** The storage with every collection and index set up (idempotent, done once per run). */
  ready(): Promise<Storage>;
  /** Set up as ready() does, or, where stored duplicates block a unique index, with the indexes that build (open-target.ts). */
  readable(): Promise<Storage>;
  /** The legacy source, when one is configured or the database itself holds legacy data. */
  readonly legacySource?: LegacySource;
  readonly dryRun: boolean;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

export interface Migration {
  /** Never changes once released: the ledger knows migrations by it. */
  readonly id: string;
  readonly description: string;
  run(context: MigrationContext): Promise<unknown>;
}
