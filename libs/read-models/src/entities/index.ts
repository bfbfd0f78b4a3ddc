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
import { AidCareVisitRow } from './aid-care-visit-row.entity.js';
import { AidHouseholdRow } from './aid-household-row.entity.js';
import { AidModelWorkerRow } from './aid-model-worker-row.entity.js';
import { AidPeopleTimelineEntry } from './aid-people-timeline-entry.entity.js';
import { AidStudentRow } from './aid-student-row.entity.js';
import { OrganisationMemberCountRow } from './organisation-member-count-row.entity.js';
import { OrganisationRow } from './organisation-row.entity.js';
import { WorkersHomeRatingRow } from './workers-home-rating-row.entity.js';
import { CaseDeadlineRow } from './case-deadline-row.entity.js';
import { CadreActivityRow } from './cadre-activity-row.entity.js';
import { DisbursementDeadlineRow, RecoveryDeadlineRow } from './item-deadline-rows.entity.js';

/** The TypeORM entities of the read models (the other tables are read and written with SQL). */
export const READ_MODEL_ENTITIES = [DisputeCaseRow, DisputeTimelineEntry, DisputeClaimantRow, WorkerRow, EmployerRow, StaffMemberRow,
  RecoveryRow, RecoveryWorkerRow, RecoveryMovement, RecoveryTimelineEntry,
  AidHouseholdRow, AidModelWorkerRow, AidStudentRow, OrganisationRow, OrganisationMemberCountRow, WorkersHomeRatingRow, AidCareVisitRow, AidPeopleTimelineEntry,
  CaseDeadlineRow, CadreActivityRow, RecoveryDeadlineRow, DisbursementDeadlineRow,
  AidFundRow, AidIncomeRow, AidDisbursementRow, AidProgrammeRow, AidTimelineEntry];
