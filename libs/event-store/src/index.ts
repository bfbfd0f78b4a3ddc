export * from './event-store.port.js';
export * from './position.js';
export * from './event-hash.js';
export * from './in-memory/in-memory-event-store.js';
export * from './postgres/postgres-event-store.js';
export * from './postgres/event-store-schema.js';
export * from './command-handler.js';
export * from './postgres/migrations/index.js';
