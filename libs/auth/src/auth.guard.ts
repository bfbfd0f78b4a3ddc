import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES, roleWithLabel, type Role } from '#domain';
import { ACTING_PREFERENCE } from './acting-role.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './allowed.decorator.js';
import { NotAllowed, NotAuthenticated } from './auth-errors.js';
import { SignIn } from './sign-in.js';

export interface AuthenticatedStaff {
  staffId: string;
  /** The role this request acts in: it goes into the events' metadata. */
  role: Role;
  roles: readonly Role[];
  username: string;
  displayName: string;
}

/**
 * Every request: a route must declare its roles (or be public); the bearer token must be good
 * and its account active; the person must hold a role the route allows. `X-Acting-Role` picks
 * the role for someone holding several.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly signIn: SignIn,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedStaff; method: string; url: string }>();
    if (!allowed) {
      this.logger.error(`${req.method} ${req.url} declares no roles: refused`);
      throw new NotAllowed('This route declares no roles', '此接口未声明可访问的角色');
    }
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new NotAuthenticated('Log in first: send Authorization: Bearer <accessToken>', '请先登录');
    const account = await this.signIn.verify(token);
    const asked = req.headers['x-acting-role'];
    if (asked !== undefined && !(ROLES as readonly string[]).includes(asked)) {
      throw new NotAllowed(
        `X-Acting-Role must be one of: ${ROLES.map((r) => roleWithLabel(r, 'en')).join(', ')}`,
        `X-Acting-Role 必须是以下之一：${ROLES.map((r) => roleWithLabel(r, 'zh')).join('、')}`,
      );
    }
    const candidates = asked ? [asked as Role] : ACTING_PREFERENCE;
    const role = candidates.find((r) => account.roles.includes(r) && allowed.includes(r));
    if (!role) throw NotAllowed.needsRole(allowed, asked as Role | undefined);
    req.user = { staffId: account.staffId, role, roles: account.roles, username: account.username, displayName: account.displayName };
    return true;
  }
}
