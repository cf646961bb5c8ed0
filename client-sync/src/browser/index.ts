/** The browser shells of the client sync layer (navigator.locks, navigator.onLine, localStorage), for both PWAs. */
export * from './browser-lock';
export * from './online-source';
export * from './local-pending-persistence';
export * from './delete-indexed-databases';
export * from './local-last-synced';
export * from './page-runtime-config';
export * from './get-many-by-range';
