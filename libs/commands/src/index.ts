export * from './aggregate.js';
export * from './clock.js';
export * from './command-answer.js';
export * from './command-meta.js';
export * from './commands.module.js';
export * from './commands.service.js';
export * from './derived-ids.js';
export * from './system-actor.js';
