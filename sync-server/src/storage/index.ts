/** The storage port and its adapters; only the adapters' own folders import a driver. */
export * from './port';
export * from './errors';
export { openSqliteStorage, type SqliteStorageOptions } from './sqlite/open-sqlite-storage';
