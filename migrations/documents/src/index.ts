/**
 * @oa/document-migrations, for the PWAs as well as the server: the steps per collection and
 * version, and their RxDB `migrationStrategies` form. Imports nothing but @oa/schema's types, so
 * a PWA may depend on it; turning the steps into ledger migrations over the server's storage is
 * the operator package's part (migrations/src/runner/to-document-migrations.ts).
 */
export * from './document-migrations';
export * from './to-migration-strategies';
export * from './upgrade-document';
