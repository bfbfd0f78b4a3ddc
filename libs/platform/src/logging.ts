import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '#config';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { REDACTED, redactPersonal, redactUrl } from './redact.js';

const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The request's correlation id, from X-Correlation-Id or made here, set once on the request and
 * the response header. Runs before anything else (body parsing included), so even an answer to
 * a body that could not be read carries it; the access log then finds it already set.
 */
export function assignCorrelationId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string' && req.id) return req.id;
  const given = req.headers['x-correlation-id'];
  const id = typeof given === 'string' && CORRELATION.test(given) ? given : randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader('X-Correlation-Id', id);
  return id;
}

/** Structured logs; each request's correlation id comes from X-Correlation-Id or is made here. No personal data in any line. */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.LOG_LEVEL,
    genReqId: assignCorrelationId,
    customAttributeKeys: { reqId: 'correlationId' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.oldPassword', 'req.body.newPassword'], censor: REDACTED },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
    },
    // The last word on every line, whoever wrote it (an error message quoting a query, a URL in a message).
    hooks: { streamWrite: redactPersonal },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

const NEST_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
type NestLevel = (typeof NEST_LEVELS)[number];

/** Nest's console logger levels for a LOG_LEVEL: what prints before the app's logger exists. */
export function nestLogLevels(level: AppConfig['LOG_LEVEL']): NestLevel[] | false {
  const upTo = { silent: -1, fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 }[level];
  return upTo < 0 ? false : NEST_LEVELS.slice(0, upTo + 1);
}
