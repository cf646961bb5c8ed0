/** The client sync layer both PWAs share, framework-free: local database, transport, replication, status, session and runtime configuration. Browser shells: ./browser; React: ./react; the apps' static server: ./server. */
export * from './create-database';
export * from './transport/sync-http-error';
export * from './transport/sync-protocol';
export * from './transport/create-http-transport';
export * from './transport/parse-event-stream-chunk';
export * from './transport/read-event-stream';
export * from './replication/follow-live-stream';
export * from './replication/replicate-collections';
export * from './status/create-sync-status';
export * from './status/sync-status-view';
export * from './status/shared-status';
export * from './auth/session-store';
export * from './config/load-runtime-config';
export * from './replication/follow-auth-failures';
export * from './app/create-app-data';
export * from './format/format-rupees';
