export * from './shared/domain-error.js';
export * from './shared/messages.js';
export * from './shared/decider-spec.js';
export * from './shared/money.js';
export * from './shared/dates.js';
export * from './disputes/index.js';
export * from './parties/index.js';
export * from './staff/index.js';
