export * from './tokens.js';
export * from './infrastructure.module.js';
export * from './database-bootstrap.js';
export * from './logging.js';
export * from './redact.js';
