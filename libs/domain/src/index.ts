export * from './shared/domain-error.js';
export * from './shared/messages.js';
export * from './shared/decider-spec.js';
export * from './shared/bilingual.js';
export * from './shared/command.js';
export * from './disputes/index.js';
export * from './parties/index.js';
export * from './staff/index.js';
