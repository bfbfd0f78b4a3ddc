import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, listNames, NotFoundError, roleLabel } from '#domain';
import { NotAllowed, NotAuthenticated, TooManyAttempts } from '#auth';
import { EventIdConflict, StreamContended, WrongExpectedRevision } from '#event-store';
import { assignCorrelationId, redactUrl } from '#platform';
import { SkipRefused } from '#projections';
import type { Request, Response } from 'express';
import { fieldLabel } from './field-messages.js';
import {
  IdempotencyError,
  languageOf,
  RecordNotFound,
  RequestValidationError,
  say,
  UnreadableBodyError,
  type Bilingual,
  type FieldProblem,
  type Lang,
  type Problem,
} from './problem.js';
import type { CommandRequest } from './request-meta.js';

const TYPE = 'https://casework.example/problems/';

/** Titles for statuses Nest or Express answer by themselves (an unknown route, a wrong method). */
const STATUS_TITLES: Record<number, Bilingual> = {
  400: { zh: '请求有误', en: 'Bad request' },
  401: { zh: '请先登录', en: 'Not signed in' },
  403: { zh: '无权进行此操作', en: 'Not allowed' },
  404: { zh: '找不到请求的地址或记录', en: 'Not found' },
  405: { zh: '此地址不支持该请求方法', en: 'Method not allowed' },
  406: { zh: '无法提供所要求的格式', en: 'Not acceptable' },
  409: { zh: '与当前记录冲突', en: 'Conflict' },
  413: { zh: '请求体过大', en: 'The body is too large' },
  415: { zh: '不支持的请求体类型', en: 'Unsupported body type' },
  422: { zh: '请求无法处理', en: 'Unprocessable request' },
  429: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests' },
};

const IDEMPOTENCY_MESSAGES: Record<IdempotencyError['code'], Bilingual> = {
  IDEMPOTENCY_KEY_REUSED: { zh: '此 Idempotency-Key 已用于另一个不同的请求', en: 'This Idempotency-Key was already used for a different request' },
  IDEMPOTENCY_KEY_IN_FLIGHT: { zh: '使用此 Idempotency-Key 的请求仍在处理中，请稍后重试', en: 'A request with this Idempotency-Key is still being handled; retry later' },
};

/** `claimants[3].name` is labelled by its last property, `name`. */
function labelOf(field: string, lang: Lang): string {
  if (field === '(body)') return lang === 'en' ? 'the body' : '请求体';
  // claimants[0].name -> 申请人（第1项）·姓名 / claimants (item 1) › name: which one, not only what.
  return field
    .split('.')
    .map((part) => {
      const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
      if (!m) return part;
      const items = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1);
      return fieldLabel(m[1])[lang] + items.map((n) => (lang === 'en' ? ` (item ${n})` : `（第${n}项）`)).join('');
    })
    .join(lang === 'en' ? ' › ' : '·');
}

/** Each field with its messages in the client's language; the messages speak of the field, which `field` names. */
function render(fields: FieldProblem[], lang: Lang): { field: string; messages: string[] }[] {
  return fields.map((f) => ({ field: f.field, messages: f.localized ? f.localized[lang] : f.messages.map((m) => say(m, lang)) }));
}

/** The detail a clerk reads: one line per message, the field by its label (`标题：不能为空或只有空白`). */
function detailOf(errors: { field: string; messages: string[] }[], lang: Lang): string {
  return errors.flatMap((f) => f.messages.map((m) => (lang === 'en' ? `${labelOf(f.field, lang)}: ${m}` : `${labelOf(f.field, lang)}：${m}`))).join('\n');
}

/** The one place that turns failures into RFC 9457 answers, in the client's language. No stack trace leaves the server. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem = this.toProblem(exception, req, languageOf(req.headers['accept-language']));
    problem.instance = req.originalUrl;
    problem.correlationId = assignCorrelationId(req, res);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, correlationId: problem.correlationId }, `unhandled error on ${req.method} ${redactUrl(req.originalUrl)}`);
    }
    if (res.headersSent) return;
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(e: unknown, req: Request, lang: Lang): Problem {
    if (e instanceof RequestValidationError) {
      const errors = render(e.fields, lang);
      return {
        type: `${TYPE}validation`,
        title: lang === 'en' ? 'The request has invalid fields' : '请求中有字段不符合要求',
        status: 400,
        detail: detailOf(errors, lang),
        code: 'VALIDATION_FAILED',
        errors,
      };
    }
    if (e instanceof UnreadableBodyError) {
      const title = e.code === 'MALFORMED_JSON' ? { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' } : STATUS_TITLES[e.status];
      return { type: `${TYPE}validation`, title: title[lang], status: e.status, detail: e.messages[lang], code: e.code, errors: [{ field: '(body)', messages: [e.messages[lang]] }] };
    }
    if (e instanceof RecordNotFound) {
      return {
        type: `${TYPE}not-found`,
        title: lang === 'en' ? `No such ${e.what.en}` : `找不到该${e.what.zh}`,
        status: 404,
        detail: lang === 'en' ? `There is no ${e.what.en} with id ${e.id}` : `没有编号为 ${e.id} 的${e.what.zh}`,
        code: 'NOT_FOUND',
      };
    }
    if (e instanceof SkipRefused) {
      // A rule (422) or the projection's state (409), naming the request's fields it concerns.
      return {
        type: `${TYPE}${e.status === 409 ? 'conflict' : 'rule'}/${e.code}`,
        title: e.messages[lang],
        status: e.status,
        detail: e.messages[lang],
        code: e.code,
        messages: e.messages,
        errors: e.fields.map((field) => ({ field, messages: [e.messages[lang]] })),
        ...(Object.keys(e.details).length ? { details: e.details } : {}),
      };
    }
    if (e instanceof DomainError) {
      // A rule that knows which of the request's fields it concerns names them (details.fields), as a 400 does.
      // One field (details.field: the amount, the date refused) is named the same way.
      const fields = Array.isArray(e.details.fields)
        ? e.details.fields.filter((f): f is string => typeof f === 'string')
        : typeof e.details.field === 'string'
          ? [e.details.field]
          : [];
      return {
        type: `${TYPE}rule/${e.code}`,
        title: e.messages[lang],
        status: e instanceof NotFoundError ? 404 : 422,
        detail: e.messages[lang],
        code: e.code,
        messages: e.messages,
        ...(fields.length ? { errors: fields.map((field) => ({ field, messages: [e.messages[lang]] })) } : {}),
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
        title: e.what.title[lang],
        status: 429,
        detail: e.messages[lang],
        code: e.what.code,
        retryAfterSeconds: e.retryAfterSeconds,
      };
    }
    if (e instanceof WrongExpectedRevision) {
      // Speak of an expected revision only when the client sent one (If-Match).
      const sent = req.headers['if-match'] !== undefined;
      const detail: Bilingual = sent
        ? { zh: `您提交的版本为 ${String(e.expected)}，记录当前版本为 ${e.actual}：请刷新后重试`, en: `You sent revision ${String(e.expected)}; the record is now at revision ${e.actual}. Reload and try again.` }
        : { zh: `处理期间记录一再被他人修改（当前版本 ${e.actual}），请稍后重试`, en: `The record kept changing while the command ran (now at revision ${e.actual}); try again.` };
      return {
        type: `${TYPE}conflict`,
        title: lang === 'en' ? 'Someone else changed this record first' : '此记录已被他人修改，请刷新后重试',
        status: 409,
        detail: detail[lang],
        code: 'WRONG_EXPECTED_REVISION',
        currentRevision: e.actual.toString(),
      };
    }
    if (e instanceof StreamContended) {
      return {
        type: `${TYPE}conflict`,
        title: lang === 'en' ? 'Many changes to this record at once: this change was not recorded, send it again' : '此记录正被多人同时修改，本次修改未登记，请重新提交',
        status: 409,
        detail: e.message,
        code: 'RECORD_BUSY',
      };
    }
    if (e instanceof EventIdConflict) {
      return {
        type: `${TYPE}conflict`,
        title: lang === 'en' ? 'This change was already recorded with different content' : '该变更已以不同内容记录过',
        status: 409,
        detail: e.message,
        code: 'EVENT_ID_CONFLICT',
      };
    }
    if (e instanceof IdempotencyError) {
      const text = IDEMPOTENCY_MESSAGES[e.code][lang];
      return { type: `${TYPE}idempotency`, title: text, status: e.status, detail: text, code: e.code };
    }
    // body-parser failures (too large, an unreadable stream) reach us wrapped in an HttpException (cause) or raw.
    const bodyError = ((e as { cause?: { type?: string } })?.cause?.type ?? (e as { type?: string })?.type) as string | undefined;
    if (bodyError === 'entity.parse.failed') {
      return { type: `${TYPE}validation`, title: lang === 'en' ? 'The body is not valid JSON' : '请求体不是有效的 JSON', status: 400, detail: lang === 'en' ? 'the body could not be parsed' : '无法解析请求体', code: 'MALFORMED_JSON' };
    }
    if (bodyError === 'entity.too.large') {
      return { type: `${TYPE}validation`, title: STATUS_TITLES[413][lang], status: 413, detail: lang === 'en' ? 'the body is over 5 MB' : '请求体超过 5 MB', code: 'BODY_TOO_LARGE' };
    }
    if (bodyError === 'encoding.unsupported' || bodyError === 'charset.unsupported') {
      return { type: `${TYPE}validation`, title: STATUS_TITLES[415][lang], status: 415, detail: lang === 'en' ? 'the body must be UTF-8 JSON' : '请求体须为 UTF-8 编码的 JSON', code: 'UNSUPPORTED_BODY' };
    }
    if (e instanceof HttpException) {
      const status = e.getStatus();
      const title = STATUS_TITLES[status] ?? { zh: `请求失败（${status}）`, en: `Request failed (${status})` };
      const noRoute = status === 404 && e.message.startsWith('Cannot ');
      const detail: Bilingual = noRoute ? { zh: `没有这个地址：${req.method} ${req.path}`, en: `No such route: ${req.method} ${req.path}` } : { zh: title.zh, en: e.message };
      return { type: status === 404 ? `${TYPE}not-found` : `${TYPE}http-${status}`, title: title[lang], status, detail: detail[lang], code: `HTTP_${status}` };
    }
    // Say what this request did record before it failed: the command path keeps count.
    const recorded = (req as CommandRequest).commandMeta?.recorded ?? [];
    const types = recorded.flatMap((r) => r.types);
    return {
      type: `${TYPE}internal`,
      title: lang === 'en' ? 'Internal error' : '服务器内部错误',
      status: 500,
      detail: types.length
        ? lang === 'en'
          ? `The error was logged with the correlation id. Before it, this request recorded ${types.length} event(s): ${listNames(types, 'en')}.`
          : `错误已连同关联编号记入日志。出错前，本次请求已登记 ${types.length} 个事件：${listNames(types, 'zh')}。`
        : lang === 'en'
          ? 'The error was logged with the correlation id; this request recorded nothing.'
          : '错误已连同关联编号记入日志；本次请求未登记任何内容。',
      code: 'INTERNAL',
      ...(recorded.length ? { recorded } : {}),
    };
  }
}
