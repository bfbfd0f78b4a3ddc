import { IdempotencyKeys1764000000020 } from './1764000000020-idempotency-keys.js';
import { IdempotencyClaims1764000000300 } from './1764000000300-idempotency-claims.js';

/** The command path's tables (Idempotency-Key), part of the one migration history. */
export const COMMAND_PATH_MIGRATIONS = [IdempotencyKeys1764000000020, IdempotencyClaims1764000000300];
