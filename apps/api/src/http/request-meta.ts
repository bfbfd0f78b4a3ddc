import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { correlationIdOf, languageOf, type Lang } from './problem.js';

export interface RequestMeta {
  correlationId: string;
  /** This request: the cause of the events it records. */
  requestId: string;
  lang: Lang;
  /** When the request reached us: a command's occurredAt. */
  receivedAt: string;
}

export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return {
    correlationId: correlationIdOf(req),
    requestId: randomUUID(),
    lang: languageOf(req.headers['accept-language']),
    receivedAt: new Date().toISOString(),
  };
});
