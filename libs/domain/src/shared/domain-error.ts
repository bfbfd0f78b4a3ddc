import type { Bilingual } from './bilingual.js';

/**
 * A broken business rule. `code` is stable (clients and tests match on it); the messages are
 * for a clerk, in Simplified Chinese and English. The API maps every DomainError to 422
 * problem+json; no library throws HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messages: Bilingual,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${messages.en}`);
    this.name = 'DomainError';
  }
}

/** Shorthand for `throw new DomainError(...)` inside expressions. */
export function rule(code: string, en: string, zh: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, { en, zh }, details);
}

/**
 * The record a command or a query is addressed to does not exist (a case never opened, an
 * unknown staff id): the API answers 404, still with the rule's code and messages.
 */
export class NotFoundError extends DomainError {
  constructor(code: string, messages: Bilingual, details: Record<string, unknown> = {}) {
    super(code, messages, details);
    this.name = 'NotFoundError';
  }
}

/** Shorthand for `throw new NotFoundError(...)` inside expressions. */
export function notFound(code: string, en: string, zh: string, details?: Record<string, unknown>): never {
  throw new NotFoundError(code, { en, zh }, details);
}
