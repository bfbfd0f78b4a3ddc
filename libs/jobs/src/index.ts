export * from './queue-backend.js';
export * from './deadline-jobs.js';
export * from './deadline-policy-reader.js';
export * from './deadline-queue.js';
export * from './deadline-scheduler.js';
export * from './deadline-worker.js';
export * from './case-deadline-checks.js';
export * from './jobs.module.js';
