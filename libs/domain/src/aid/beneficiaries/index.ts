// Named re-exports: each aggregate's evolve/decide stay inside (reachable through its decider).
export * from './beneficiary-labels.js';
export { BENEFICIARY_ERROR_CODES, beneficiaryRules, type BeneficiaryErrorCode } from './beneficiary.errors.js';
export {
  householdFileDecider,
  type HouseholdFileCommand,
  type OpenHouseholdFile,
  type CloseHouseholdFile,
  type HouseholdCircumstancesInput,
} from './household-file.decide.js';
export {
  householdStreamName,
  householdOpenOn,
  type HouseholdCircumstances,
  type HouseholdFile,
  type HouseholdFileEvent,
  type HouseholdFileOpened,
  type HouseholdFileClosed,
  type HouseholdFileReopened,
  type HouseholdFileState,
  type OpenPeriod,
} from './household-file.events.js';
export {
  modelWorkerDecider,
  modelWorkerStreamName,
  modelWorkerOnFileOn,
  EARLIEST_AWARD_YEAR,
  type ModelWorker,
  type ModelWorkerCommand,
  type ModelWorkerEvent,
  type ModelWorkerRegistered,
  type ModelWorkerRemoved,
  type ModelWorkerState,
  type RegisterModelWorker,
  type RemoveModelWorker,
} from './model-worker.js';
export {
  studentDecider,
  studentStreamName,
  schoolingOn,
  type Student,
  type StudentCommand,
  type StudentEvent,
  type StudentRegistered,
  type StudentSchoolingUpdated,
  type StudentState,
  type RegisterStudent,
  type UpdateStudentSchooling,
} from './student.js';
export {
  organisationDecider,
  organisationStreamName,
  organisationExistsOn,
  membersOn,
  workersHomeYearsBy,
  EARLIEST_FOUNDING_DAY,
  type Organisation,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationCreated,
  type MemberCountRecorded,
  type WorkersHomeRated,
  type OrganisationDissolved,
  type OrganisationState,
  type EnterpriseRef,
  type CreateOrganisation,
  type RecordMemberCount,
  type RateWorkersHome,
  type DissolveOrganisation,
} from './organisation.js';
export {
  careVisitDecider,
  careVisitStreamName,
  type CareVisit,
  type CareVisitCommand,
  type CareVisitEvent,
  type CareVisitRecorded,
  type CareVisitWithdrawn,
  type CareVisitState,
  type RecordCareVisit,
  type WithdrawCareVisit,
  type VisiteeRef,
} from './care-visit.js';
export { beneficiaryFactsOn, type BeneficiaryStates } from './beneficiary-facts.fold.js';
export { describeBeneficiaryEvent, type BeneficiaryEvent, type BeneficiaryDescribeOptions } from './beneficiaries.describe.js';
