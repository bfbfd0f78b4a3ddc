import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { CommandMeta } from '#commands';
import type { Actor, Lang } from '#domain';
import type { Request } from 'express';
import { ifMatchRevisionOf } from './if-match.js';
import { correlationIdOf, languageOf } from './problem.js';

export interface RequestMeta {
  correlationId: string;
  /** This request: the cause of the events it records. */
  requestId: string;
  lang: Lang;
  /** When the request reached us. */
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

/** What the command path keeps on the request: the idempotency interceptor's key, the command's metadata. */
export interface CommandRequest extends Request {
  user?: Actor;
  /** Set by the idempotency interceptor when the request holds an Idempotency-Key: the ids derive from it. */
  idempotencyScope?: string;
  /** The command's metadata once a route asked for it: what was recorded, for an honest error answer. */
  commandMeta?: CommandMeta;
}

/**
 * The request as a command: who (the guard's acting staff member), why (correlation id, this
 * request as the cause), which revision (If-Match) and how to make ids (the Idempotency-Key).
 * The time is read by the command path's clock when the first command runs.
 */
export function commandMetaOf(req: CommandRequest): CommandMeta {
  if (req.commandMeta) return req.commandMeta;
  const user = req.user;
  if (!user) throw new Error('no acting staff member on the request: is the route missing its role declaration?');
  req.commandMeta = new CommandMeta({
    actor: { staffId: user.staffId, role: user.role },
    correlationId: correlationIdOf(req),
    causationId: randomUUID(),
    idempotencyKey: req.idempotencyScope,
    expectedRevision: ifMatchRevisionOf(req),
  });
  return req.commandMeta;
}

/** The whole command context for a route: `@Command() meta: CommandMeta`. */
export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMeta => commandMetaOf(ctx.switchToHttp().getRequest<CommandRequest>()));
