import type { Role } from '#domain';

/** Who uses the audit routes: auditors, and administrators who run the system. */
export const AUDITORS: Role[] = ['auditor', 'administrator'];
