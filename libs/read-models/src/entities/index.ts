import { AidDisbursementRow, AidFundRow, AidIncomeRow, AidProgrammeRow, AidTimelineEntry } from './aid-fund-rows.entity.js';
import { DisputeCaseRow } from './dispute-case-row.entity.js';
import { DisputeClaimantRow } from './dispute-claimant-row.entity.js';
import { DisputeTimelineEntry } from './dispute-timeline-entry.entity.js';
import { EmployerRow } from './employer-row.entity.js';
import { RecoveryMovement } from './recovery-movement.entity.js';
import { RecoveryRow } from './recovery-row.entity.js';
import { RecoveryTimelineEntry } from './recovery-timeline-entry.entity.js';
import { RecoveryWorkerRow } from './recovery-worker-row.entity.js';
import { StaffMemberRow } from './staff-member-row.entity.js';
import { WorkerRow } from './worker-row.entity.js';

/** The TypeORM entities of the read models (the other tables are read and written with SQL). */
export const READ_MODEL_ENTITIES = [DisputeCaseRow, DisputeTimelineEntry, DisputeClaimantRow, WorkerRow, EmployerRow, StaffMemberRow, RecoveryRow, RecoveryWorkerRow, RecoveryMovement, RecoveryTimelineEntry, AidFundRow, AidIncomeRow, AidDisbursementRow, AidProgrammeRow, AidTimelineEntry];
