import type { DataSourceOptions } from 'typeorm';
import { DisputeCaseRow } from '../entities/dispute-case-row.entity.js';
import { DisputeClaimantRow } from '../entities/dispute-claimant-row.entity.js';
import { DisputeTimelineEntry } from '../entities/dispute-timeline-entry.entity.js';
import { EmployerRow } from '../entities/employer-row.entity.js';
import { IdempotencyKeyRecord } from '../entities/idempotency-key.entity.js';
import { ProjectionCheckpoint } from '../entities/projection-checkpoint.entity.js';
import { WorkerRow } from '../entities/worker-row.entity.js';
import { Foundation1764000000000 } from '../migrations/1764000000000-foundation.js';
import { StaffCredentials1764000000100 } from '../migrations/1764000000100-staff-credentials.js';
import { Parties1764000000200 } from '../migrations/1764000000200-parties.js';
import { IdempotencyClaims1764000000300 } from '../migrations/1764000000300-idempotency-claims.js';
import { RefreshTokens1764000000810 } from '../migrations/1764000000810-refresh-tokens.js';

export const READ_MODEL_ENTITIES = [ProjectionCheckpoint, IdempotencyKeyRecord, DisputeCaseRow, DisputeTimelineEntry, DisputeClaimantRow, WorkerRow, EmployerRow];
export const MIGRATIONS = [Foundation1764000000000, StaffCredentials1764000000100, Parties1764000000200, IdempotencyClaims1764000000300, RefreshTokens1764000000810];

/** Migrations, never synchronize: each start runs the pending ones, in one transaction each. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'migration'],
    extra: { max: 20 },
  };
}
