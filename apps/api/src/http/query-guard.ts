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

/** What a route declares of the query: a DTO (its validation owns the keys) or the names it reads one by one. */
function declaredQuery(ctx: ExecutionContext): { dto: boolean; names: Set<string> } {
  const args: Record<string, RouteArg> = Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), ctx.getHandler().name) ?? {};
  const names = new Set<string>();
  let dto = false;
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY) continue;
    if (typeof arg.data === 'string') names.add(arg.data);
    else dto = true;
  }
  return { dto, names };
}

/**
 * One rule for every route, after authentication and before anything reads the request: no
 * query parameter the route does not declare (a route without a query DTO takes only the names
 * it reads, usually none), and no text in the query or path that no route may take (NUL, a lone
 * surrogate). A route with a query DTO has its unknown keys refused by the DTO's validation.
 */
export class RequestShapeGuard implements CanActivate {
  private readonly cache = new WeakMap<object, { dto: boolean; names: Set<string> }>();

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const handler = ctx.getHandler();
    let declared = this.cache.get(handler);
    if (!declared) this.cache.set(handler, (declared = declaredQuery(ctx)));
    const query = (req.query ?? {}) as Record<string, unknown>;
    const problems: FieldProblem[] = [];
    if (!declared.dto) {
      for (const name of Object.keys(query)) {
        if (!declared.names.has(name)) {
          const allowed = [...declared.names].join(', ');
          problems.push({
            field: name,
            messages: [
              allowed
                ? { zh: `不是此处接受的查询参数（只接受：${allowed}）`, en: `is not a query parameter of this route (it takes: ${allowed})` }
                : { zh: '不是此处接受的查询参数（此处不接受任何查询参数）', en: 'is not a query parameter of this route (it takes none)' },
            ],
          });
        }
      }
    }
    problems.push(...hostileInputProblems(query), ...hostileInputProblems(req.params ?? {}));
    if (problems.length) throw new RequestValidationError(problems);
    return true;
  }
}
