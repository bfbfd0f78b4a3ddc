export * from './deadline-policies.js';
export { addDays, addMonths, startOfBeijingDay, storedBeijingDay } from './deadline-days.js';
export * from './deadline-calculator.js';
export * from './deadline-labels.js';
export { deadlineRules } from './deadline.errors.js';
export {
  DEADLINE_POLICY_STREAM,
  deadlinePolicyDecider,
  type MediationPolicySet,
  type FollowUpPolicySet,
  type CadreDutiesPolicySet,
  type DeadlinePolicyEvent,
  type SetMediationPolicy,
  type SetFollowUpPolicy,
  type SetCadreDutiesPolicy,
  type InstalmentPolicySet,
  type ApprovalPolicySet,
  type SetInstalmentPolicy,
  type SetApprovalPolicy,
  type DeadlinePolicyCommand,
  type DeadlinePolicyState,
} from './deadline-policy.js';
export {
  CADRE_ACTIVITY_KINDS,
  cadreStreamName,
  cadreActivityDecider,
  type CadreActivityKind,
  type CadreActivityRecorded,
  type CadreActivityEvent,
  type RecordCadreActivity,
  type CadreActivityCommand,
  type CadreActivities,
} from './cadre-activity.js';
export { caseClockFacts, type PauseMediationClock, type ResumeMediationClock, type CheckDeadline, type CaseDeadlineCommand } from './case-deadlines.js';
export * from './cadre-duties.js';
export * from './case-clock.js';
export * from './item-deadlines.js';
export * from './recovery-deadlines.js';
export * from './disbursement-deadlines.js';
