import { StaffCredentials1764000000100 } from './1764000000100-staff-credentials.js';

/** Staff credentials and login counters: auth's share of the one migration history. */
export const AUTH_MIGRATIONS = [StaffCredentials1764000000100];
