import { StaffCredentials1764000000100 } from './1764000000100-staff-credentials.js';
import { RefreshTokens1764000000810 } from './1764000000810-refresh-tokens.js';

/** Staff credentials, login counters and refresh tokens: auth's share of the one migration history. */
export const AUTH_MIGRATIONS = [StaffCredentials1764000000100, RefreshTokens1764000000810];
