/** The apps' static server (Node only): the build, its caching, and /config.json for the sync server's address. */
export * from './create-app-server';
export * from './serve-app';
