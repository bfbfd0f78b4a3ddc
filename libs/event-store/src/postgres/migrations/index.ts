import { Foundation1764000000000 } from './1764000000000-foundation.js';

/** The event store's share of the one migration history (assembled in libs/platform). */
export const EVENT_STORE_MIGRATIONS = [Foundation1764000000000];
