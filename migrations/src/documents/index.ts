/**
 * The pure part of document migrations, for the PWAs as well as the server: the steps per
 * collection and version, and their RxDB `migrationStrategies` form. Imports nothing but
 * @oa/schema's types, so a client bundle takes only these files (package subpath `./documents`).
 */
export * from './document-migrations';
export * from './to-migration-strategies';
export * from './upgrade-document';
