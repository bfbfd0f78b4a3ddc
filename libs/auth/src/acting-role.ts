import type { Role } from '#domain';

/** When a person holds several roles a request allows, they act in the first of these. */
export const ACTING_PREFERENCE: readonly Role[] = ['supervisor', 'mediator', 'fund_officer', 'administrator', 'auditor'];

/** The role someone acts in when nothing narrows it (a logout): the first of theirs in ACTING_PREFERENCE. */
export function preferredRole(roles: readonly Role[]): Role | undefined {
  return ACTING_PREFERENCE.find((r) => roles.includes(r));
}
