import type { Bilingual, Lang } from '#domain';

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

// The kernel's words (libs/domain/src/shared/bilingual.ts), here for the HTTP layer's callers.
export type { Bilingual, Lang };

/** A plain string reads the same in both languages (kept for callers not yet bilingual). */
export type Message = string | Bilingual;

export function say(message: Message, lang: Lang): string {
  return typeof message === 'string' ? message : message[lang];
}

export interface FieldProblem {
  /** The field's path as the client sent it: `title`, `application.receivedAt`, `claimants[3].name`. */
  field: string;
  /** What is wrong, said of the field (`不能为空或只有空白` / `must not be empty or only spaces`). */
  messages: Message[];
  /** The same messages in each language, given whole (kept for callers that build them so). */
  localized?: Record<Lang, string[]>;
}

/** A request body, query, path or header that does not match what the route takes: 400, every bad field named. */
export class RequestValidationError extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super(`invalid request: ${fields.map((f) => f.field).join(', ')}`);
    this.name = 'RequestValidationError';
  }
}

/** A body the server cannot read at all (not JSON, not UTF-8, too deep): 400 with its own code. */
export class UnreadableBodyError extends Error {
  constructor(
    readonly code: 'MALFORMED_JSON' | 'BODY_NOT_AN_OBJECT' | 'INVALID_UTF8' | 'UNSUPPORTED_CHARSET',
    readonly messages: Bilingual,
    readonly status: 400 | 415 = 400,
  ) {
    super(messages.en);
    this.name = 'UnreadableBodyError';
  }
}

/** The record a GET names does not exist: 404. */
export class RecordNotFound extends Error {
  constructor(
    readonly what: Bilingual,
    readonly id: string,
  ) {
    super(`no ${what.en} ${id}`);
    this.name = 'RecordNotFound';
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

/** zh-CN unless the client asks for English first. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  // Accept-Language (RFC 9110): the language we speak that the client weights highest, the
  // earlier one on a tie; Chinese when it names neither (`fr-FR,en;q=0.5` is English).
  let best: { lang: Lang; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    if (primary !== 'zh' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'zh';
}

/** The request's correlation id (from X-Correlation-Id or made fresh), assigned before anything else runs. */
export function correlationIdOf(req: object): string {
  return String((req as { id?: unknown }).id ?? '');
}
