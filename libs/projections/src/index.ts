export * from './projection.js';
export * from './checkpoints.js';
export * from './batches.js';
export * from './projection-runner.js';
export * from './migrations/index.js';
