/** RFC 9457 problem details, as every error answer of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  code?: string;
  [extension: string]: unknown;
}

export interface FieldProblem {
  field: string;
  messages: string[];
  /** The same messages in each language, when the DTO gave both (`context: { zh, en }`). */
  localized?: Record<Lang, string[]>;
}

/** A request body, query or header that does not match its DTO: 400, every bad field named. */
export class RequestValidationError extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super(`invalid request: ${fields.map((f) => f.field).join(', ')}`);
    this.name = 'RequestValidationError';
  }
}

/** An Idempotency-Key reused for a different request, or still in flight. */
export class IdempotencyError extends Error {
  constructor(
    readonly status: 409 | 422,
    readonly code: 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_KEY_IN_FLIGHT',
    message: string,
  ) {
    super(message);
  }
}

export type Lang = 'zh' | 'en';

/** zh-CN unless the client asks for English first. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The request's correlation id, as pino-http assigned it (from X-Correlation-Id or fresh). */
export function correlationIdOf(req: object): string {
  return String((req as { id?: unknown }).id ?? '');
}
