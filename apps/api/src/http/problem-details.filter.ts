import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, roleLabel } from '#domain';
import { NotAllowed, NotAuthenticated, TooManyAttempts } from '#auth';
import { EventIdConflict, WrongExpectedRevision } from '#event-store';
import type { Request, Response } from 'express';
import { correlationIdOf, IdempotencyError, languageOf, RequestValidationError, type Problem } from './problem.js';

const TYPE = 'https://casework.example/problems/';

/** Rules that mean "the record in the path does not exist": 404, still with the rule's code. */
const NOT_FOUND_RULES = new Set(['CASE_NOT_FOUND', 'STAFF_NOT_FOUND', 'WORKER_NOT_FOUND']);

/** The one place that turns failures into RFC 9457 answers. No stack trace leaves the server. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem = this.toProblem(exception, req);
    problem.instance = req.originalUrl;
    problem.correlationId = correlationIdOf(req);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, correlationId: problem.correlationId }, `unhandled error on ${req.method} ${req.originalUrl}`);
    }
    if (res.headersSent) return;
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(e: unknown, req: Request): Problem {
    const lang = languageOf(req.headers['accept-language']);
    if (e instanceof RequestValidationError) {
      const fields = e.fields.map(({ localized, ...f }) => (localized ? { ...f, messages: localized[lang] } : f));
      return {
        type: `${TYPE}validation`,
        title: lang === 'en' ? 'The request has invalid fields' : '请求中有字段不符合要求',
        status: 400,
        detail: fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join('\n'),
        code: 'VALIDATION_FAILED',
        errors: fields,
      };
    }
    if (e instanceof DomainError) {
      return {
        type: `${TYPE}rule/${e.code}`,
        title: e.messages[lang],
        status: NOT_FOUND_RULES.has(e.code) ? 404 : 422,
        detail: e.messages[lang],
        code: e.code,
        messages: e.messages,
        ...(Object.keys(e.details).length ? { details: e.details } : {}),
      };
    }
    if (e instanceof NotAuthenticated) {
      return { type: `${TYPE}unauthenticated`, title: e.messages[lang], status: 401, detail: e.messages[lang], code: 'NOT_AUTHENTICATED', messages: e.messages };
    }
    if (e instanceof NotAllowed) {
      const requiredRoles = e.requiredRoles ? { requiredRoles: e.requiredRoles.map((role) => ({ role, label: roleLabel(role, lang) })) } : {};
      return { type: `${TYPE}forbidden`, title: e.messages[lang], status: 403, detail: e.messages[lang], code: 'ROLE_NOT_ALLOWED', messages: e.messages, ...requiredRoles };
    }
    if (e instanceof TooManyAttempts) {
      return {
        type: `${TYPE}too-many-requests`,
        title: lang === 'en' ? 'Too many failed logins: wait and try again' : '登录失败次数过多，请稍后再试',
        status: 429,
        detail: e.messages[lang],
        code: 'TOO_MANY_FAILED_LOGINS',
        retryAfterSeconds: e.retryAfterSeconds,
      };
    }
    if (e instanceof WrongExpectedRevision) {
      return {
        type: `${TYPE}conflict`,
        title: lang === 'en' ? 'Someone else changed this record first' : '此记录已被他人修改，请刷新后重试',
        status: 409,
        detail: `expected revision ${String(e.expected)}, current revision ${e.actual}`,
        code: 'WRONG_EXPECTED_REVISION',
        currentRevision: e.actual.toString(),
      };
    }
    if (e instanceof EventIdConflict) {
      return { type: `${TYPE}conflict`, title: 'Event id reused', status: 409, detail: e.message, code: 'EVENT_ID_CONFLICT' };
    }
    if (e instanceof IdempotencyError) {
      return { type: `${TYPE}idempotency`, title: e.message, status: e.status, detail: e.message, code: e.code };
    }
    // body-parser failures reach us wrapped in an HttpException (cause) or raw.
    const bodyError = ((e as { cause?: { type?: string } })?.cause?.type ?? (e as { type?: string })?.type) as string | undefined;
    if (bodyError === 'entity.parse.failed') {
      return { type: `${TYPE}validation`, title: lang === 'en' ? 'The body is not valid JSON' : '请求体不是有效的 JSON', status: 400, detail: 'request body could not be parsed as JSON', code: 'MALFORMED_JSON' };
    }
    if (bodyError === 'entity.too.large') {
      return { type: `${TYPE}validation`, title: lang === 'en' ? 'The body is too large' : '请求体过大', status: 413, detail: 'request body is over 5 MB', code: 'BODY_TOO_LARGE' };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const body = e.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? e.message);
      const detail = Array.isArray(message) ? message.join('; ') : String(message);
      return { type: status === 404 ? `${TYPE}not-found` : `${TYPE}http-${status}`, title: e.name.replace(/Exception$/, ''), status, detail, code: `HTTP_${status}` };
    }
    return {
      type: `${TYPE}internal`,
      title: lang === 'en' ? 'Internal error' : '服务器内部错误',
      status: 500,
      detail: 'The error was logged with the correlation id; nothing was recorded.',
      code: 'INTERNAL',
    };
  }
}
