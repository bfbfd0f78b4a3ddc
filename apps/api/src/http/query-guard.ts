import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { hostileInputProblems } from './hostile-input.js';
import { RequestValidationError, type FieldProblem } from './problem.js';

interface RouteArg {
  index: number;
  data?: unknown;
}

interface Declared {
  /** A query DTO: its validation owns the keys. */
  dto: boolean;
  /** The query parameters read one by one. */
  names: Set<string>;
  /** Whether the route reads a body at all. */
  body: boolean;
}

/** What a route declares it reads of the request. */
function declared(ctx: ExecutionContext): Declared {
  const args: Record<string, RouteArg> = Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {};
  const found: Declared = { dto: false, names: new Set(), body: false };
  for (const [key, arg] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    if (type === RouteParamtypes.BODY) found.body = true;
    if (type !== RouteParamtypes.QUERY) continue;
    if (typeof arg.data === 'string') found.names.add(arg.data);
    else found.dto = true;
  }
  return found;
}

/**
 * One rule for every route, after authentication and before anything reads the request: no
 * query parameter the route does not declare (a route without a query DTO takes only the names
 * it reads, usually none), and no text in the query or path that no route may take (NUL, a lone
 * surrogate). A route with a query DTO has its unknown keys refused by the DTO's validation.
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
    if (!route.dto) {
      for (const name of Object.keys(query)) {
        if (!route.names.has(name)) {
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
      }
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
