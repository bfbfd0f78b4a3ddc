import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { hostileInputProblems } from './hostile-input.js';
import { RequestValidationError, UnreadableBodyError } from './problem.js';

export const BODY_LIMIT = '5mb';
const JSON_TYPES = ['application/json', 'application/*+json'];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function charsetOf(req: Request): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
}

/**
 * JSON bodies, read by us rather than by body-parser: invalid UTF-8 is refused (body-parser
 * would store U+FFFD), only an object is taken, and the result passes the checks every
 * request passes (hostile-input.ts) before anything else sees it.
 */
function readJson(req: Request, _res: Response, next: NextFunction): void {
  if (!Buffer.isBuffer(req.body)) return next();
  const charset = charsetOf(req);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return next(new UnreadableBodyError('UNSUPPORTED_CHARSET', { zh: `请求体须为 UTF-8 编码（收到 ${charset}）`, en: `the body must be UTF-8 (got ${charset})` }, 415));
  }
  let text: string;
  try {
    text = utf8.decode(req.body);
  } catch {
    return next(new UnreadableBodyError('INVALID_UTF8', { zh: '请求体不是有效的 UTF-8 文本', en: 'the body is not valid UTF-8' }));
  }
  if (text.trim() === '') {
    req.body = {};
    return next();
  }
  // Every request of ours is an object; a list or a bare value is refused before it is parsed.
  if (!/^\s*\{/.test(text)) {
    return next(new UnreadableBodyError('BODY_NOT_AN_OBJECT', { zh: '请求体须为 JSON 对象（{ ... }）', en: 'the body must be a JSON object ({ ... })' }));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const where = error instanceof Error ? error.message : '';
    return next(new UnreadableBodyError('MALFORMED_JSON', { zh: `请求体不是有效的 JSON：${where}`, en: `the body is not valid JSON: ${where}` }));
  }
  const problems = hostileInputProblems(body);
  if (problems.length) return next(new RequestValidationError(problems));
  req.body = body;
  next();
}

/** Form bodies pass the same checks; nested keys (`a[b]=`) are not expanded. */
function checkForm(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === undefined || Buffer.isBuffer(req.body)) return next();
  const problems = hostileInputProblems(req.body);
  next(problems.length ? new RequestValidationError(problems) : undefined);
}

/**
 * The body parsers, in order. Named as Nest names its defaults (`jsonParser`, `urlencodedParser`)
 * so that Nest does not add its own after them.
 */
export function bodyParsers(): RequestHandler[] {
  const raw = express.raw({ type: JSON_TYPES, limit: BODY_LIMIT });
  const form = express.urlencoded({ extended: false, limit: BODY_LIMIT });
  const jsonParser: RequestHandler = (req, res, next) => raw(req, res, (error?: unknown) => (error ? next(error) : readJson(req, res, next)));
  const urlencodedParser: RequestHandler = (req, res, next) => form(req, res, (error?: unknown) => (error ? next(error) : checkForm(req, res, next)));
  return [jsonParser, urlencodedParser];
}
