/**
 * The storage port and its adapters; only the adapters' own folders import a driver (MongoDB's is
 * loaded only when a mongodb:// URL is opened). Also what reads DATABASE_URL the server's way,
 * for the operator commands in migrations/.
 */
export * from './port';
export * from './errors';
export { openSqliteStorage, type SqliteStorageOptions } from './sqlite/open-sqlite-storage';
export { createStorage, defaultDatabaseUrl, parseDatabaseUrl, type DatabaseTarget } from './create-storage';
export { databaseNameFromUrl } from './mongodb/database-name-from-url';
export { ownerFieldsOf, syncIndexName } from './sync-indexes';
export { isFileContentType, isFileName } from './check-new-file';
