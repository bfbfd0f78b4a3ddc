import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#domain';

/**
 * UNTIL STAFF ACCOUNTS EXIST: every request acts as this clearly named development actor.
 * The staff-accounts issue replaces this guard with login and roles.
 */
export const DEVELOPMENT_ACTOR: Actor = { staffId: 'development-actor', role: 'mediator' };

@Injectable()
export class DevelopmentActorGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    (ctx.switchToHttp().getRequest() as { user?: Actor }).user = DEVELOPMENT_ACTOR;
    return true;
  }
}
