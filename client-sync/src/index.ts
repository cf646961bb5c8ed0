/** The client sync layer both PWAs share: local database, transport, replication and status. */
export * from './create-database';
export * from './transport/sync-http-error';
export * from './transport/sync-protocol';
export * from './transport/create-http-transport';
export * from './transport/parse-event-stream-chunk';
export * from './transport/read-event-stream';
export * from './replication/follow-live-stream';
export * from './replication/replicate-collections';
export * from './status/create-sync-status';
