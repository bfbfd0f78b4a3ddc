import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#domain';

/** The staff member acting, as the auth guard put them on the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const user = (ctx.switchToHttp().getRequest() as { user?: Actor }).user;
  if (!user) throw new Error('no acting staff member on the request: is the route missing its role declaration?');
  return { staffId: user.staffId, role: user.role };
});
