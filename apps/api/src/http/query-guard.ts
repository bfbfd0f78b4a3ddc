import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { Request } from 'express';
import { hostileInputProblems } from './hostile-input.js';
import { RequestValidationError, type FieldProblem } from './problem.js';

interface RouteArg {
  index: number;
  data?: unknown;
}

interface Declared {
  /** The query parameters the route takes: its query DTO's fields and those it reads one by one. */
  names: Set<string>;
  /** Whether the route reads a body at all. */
  body: boolean;
}

/** What a route declares it reads of the request. */
function declared(ctx: ExecutionContext): Declared {
  const args: Record<string, RouteArg> = Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', ctx.getClass().prototype, ctx.getHandler().name) ?? [];
  const found: Declared = { names: new Set(), body: false };
  for (const [key, arg] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    if (type === RouteParamtypes.BODY) found.body = true;
    if (type !== RouteParamtypes.QUERY) continue;
    if (typeof arg.data === 'string') {
      found.names.add(arg.data);
    } else if (typeof types[arg.index] === 'function') {
      // A query DTO: every field it checks (the validation pipe would refuse any other).
      for (const m of getMetadataStorage().getTargetValidationMetadatas(types[arg.index] as new () => unknown, '', true, false)) found.names.add(m.propertyName);
    }
  }
  return found;
}

/**
 * One rule for every route, after authentication and before anything reads the request: no
 * query parameter the route does not declare (its query DTO's fields, or the names it reads one
 * by one; none for a route that reads no query), no body for a route that reads none, and no
 * text in the query or path that no route may take (NUL, a lone surrogate).
 */
export class RequestShapeGuard implements CanActivate {
  private readonly cache = new WeakMap<object, Declared>();

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const handler = ctx.getHandler();
    let route = this.cache.get(handler);
    if (!route) this.cache.set(handler, (route = declared(ctx)));
    const query = (req.query ?? {}) as Record<string, unknown>;
    const problems: FieldProblem[] = [];
    for (const name of Object.keys(query)) {
      if (route.names.has(name)) continue;
      const allowed = [...route.names].join(', ');
      problems.push({
        field: name,
        messages: [
          allowed
            ? { zh: `不是此处可接受的查询参数（只接受：${allowed}）`, en: `is not a query parameter of this route (it takes: ${allowed})` }
            : { zh: '不是此处可接受的查询参数（此处不接受任何查询参数）', en: 'is not a query parameter of this route (it takes none)' },
        ],
      });
    }
    // A route that reads no body takes none: its fields would be silently ignored.
    if (!route.body && req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
      for (const name of Object.keys(req.body as object)) {
        problems.push({ field: name, messages: [{ zh: '不是此处可接受的字段（此请求不接受请求体）', en: 'is not a field this request takes (it takes no body)' }] });
      }
    }
    problems.push(...hostileInputProblems(query), ...hostileInputProblems(req.params ?? {}));
    if (problems.length) throw new RequestValidationError(problems);
    return true;
  }
}
