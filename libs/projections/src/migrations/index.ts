import { ProjectionCheckpoints1764000000010 } from './1764000000010-projection-checkpoints.js';
import { ProjectionSkips1764000001750 } from './1764000001750-projection-skips.js';

/** The projection runtime's share of the one migration history (assembled in libs/platform). */
export const PROJECTION_MIGRATIONS = [ProjectionCheckpoints1764000000010, ProjectionSkips1764000001750];
