import { SetMetadata } from '@nestjs/common';
import type { Role } from '#domain';

export const ALLOWED_ROLES = 'casework:allowed-roles';
export const PUBLIC_ROUTE = 'casework:public-route';

/**
 * Every route says who may call it. The guard refuses a route that says nothing, and the
 * role-matrix test fails on it.
 */
export const Allowed = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** For login, health and docs only. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Everyone who may read casework: the auditor reads everything and writes nothing. */
export const READERS: Role[] = ['mediator', 'supervisor', 'fund_officer', 'auditor', 'administrator'];
/** Who changes dispute cases (the domain then checks the case's own mediator). */
export const CASEWORKERS: Role[] = ['mediator', 'supervisor'];
