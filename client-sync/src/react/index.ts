/** The React bindings of the client sync layer: thin observers of its observables, and the pieces both PWAs' screens share. */
export * from './use-observable';
export * from './use-store-snapshot';
export * from './use-documents';
export * from './use-dropped-ids';
export * from './use-sync-status';
export * from './SyncStatusIndicator';
export * from './Field';
export * from './UpdatePrompt';
export * from './create-router';
