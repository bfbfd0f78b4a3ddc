import { applyDecorators, Injectable, SetMetadata, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { etagOf } from '../http/if-match.js';

const LOCATION = Symbol('commandLocation');

/**
 * Sets what every command's answer carries in headers, in this one place: the ETag (the
 * record's new revision, to send back as If-Match) and, for a route that creates a record,
 * its Location.
 */
@Injectable()
export class CommandAnswerHeaders implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = ctx.switchToHttp().getResponse<Response>();
    const location = this.reflector.get<((id: string) => string) | undefined>(LOCATION, ctx.getHandler());
    return next.handle().pipe(
      map((answer: unknown) => {
        const { id, revision } = (answer ?? {}) as { id?: unknown; revision?: unknown };
        if (typeof revision === 'number') res.setHeader('ETag', etagOf(revision));
        if (location && typeof id === 'string') res.setHeader('Location', location(id));
        return answer;
      }),
    );
  }
}

/**
 * A command route: answer headers (ETag, Location) set from the answer, and the headers and
 * errors every command shares documented for OpenAPI.
 */
export function CommandRoute(options: { location?: (id: string) => string } = {}): MethodDecorator {
  // A route that creates a record (it has a Location) has no revision the client could have seen.
  const creates = options.location !== undefined;
  return applyDecorators(
    SetMetadata(LOCATION, options.location),
    UseInterceptors(CommandAnswerHeaders),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Send the same key again to get the same answer; the change is recorded once, even across a crash' }),
    ...(creates ? [] : [ApiHeader({ name: 'If-Match', required: false, description: 'The revision (ETag) you last saw; a stale one answers 409' })]),
    ApiBadRequestResponse({ description: 'problem+json listing each bad field' }),
    ApiConflictResponse({ description: 'problem+json: the record changed since If-Match, or too many changed it at once (RECORD_BUSY)' }),
    ApiUnprocessableEntityResponse({ description: 'problem+json: a business rule, with its code and messages in Chinese and English' }),
  );
}
