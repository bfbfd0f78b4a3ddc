/**
 * A broken business rule. `code` is stable (clients and tests match on it); the messages are
 * for a clerk, in Simplified Chinese and English. The API maps every DomainError to 422
 * problem+json; no library throws HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly messages: { zh: string; en: string },
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
