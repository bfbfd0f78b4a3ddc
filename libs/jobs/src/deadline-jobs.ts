import {
  caseDeadlines,
  disbursementApprovalDeadline,
  itemPendingNotices,
  pendingNotices,
  recoveryDeadlines,
  type CaseClock,
  type CaseDeadlineKind,
  type DeadlineNotice,
  type DeadlinePolicies,
  type DisbursementClock,
  type IsoDay,
  type ItemDeadline,
  type RecoveryClock,
  type RecoveryDeadlineKind,
} from '#domain';

export const DEADLINE_QUEUE = 'deadlines';
/** The periodic sweep runs as a job of the same queue, so one worker at a time does it. */
export const SWEEP_JOB = 'sweep';

interface JobTiming {
  level: DeadlineNotice['level'];
  /** The instant (by the policy in force when scheduled) the job is meant to fire. */
  at: string;
  /** The event that started this deadline: the job's cause. */
  cause: string;
}

/** What a deadline job carries: which deadline to look at again, when, and why. */
export type CaseDeadlineJobData = JobTiming & { caseId: string; kind: CaseDeadlineKind };
/** An instalment (itemId: its due day) or a write-off waiting (itemId: the write-off), on the case's recovery. */
export type RecoveryDeadlineJobData = JobTiming & { caseId: string; kind: RecoveryDeadlineKind; itemId: string };
/** A disbursement waiting for approval, on its fund. */
export type DisbursementDeadlineJobData = JobTiming & { fundId: string; kind: 'disbursement_approval'; itemId: string };
export type DeadlineJobData = CaseDeadlineJobData | RecoveryDeadlineJobData | DisbursementDeadlineJobData;

export interface PlannedJob {
  id: string;
  data: DeadlineJobData;
}

/**
 * The job id names the event that started the deadline and the policy revision that dated it:
 * a projector replayed or rebuilt plans the same ids, and BullMQ keeps the first job of an id,
 * so nothing is scheduled twice. (BullMQ refuses ':' in ids.)
 */
export function deadlineJobId(level: DeadlineNotice['level'], kind: CaseDeadlineKind, caseId: string, cause: string, policyRevision: number): string {
  return `${level}.${kind}.${caseId}.${cause}.p${policyRevision}`;
}

/** An item's job id: its subject (case or fund), the item (an instalment's due day, a request's id), then as above. */
export function itemDeadlineJobId(level: DeadlineNotice['level'], kind: ItemDeadline['kind'], subjectId: string, itemId: string, cause: string, policyRevision: number): string {
  return `${level}.${kind}.${subjectId}.${itemId}.${cause}.p${policyRevision}`;
}

/** The jobs a case's clock needs under these policies: a warning and a miss per running deadline, those not yet recorded. */
export function plannedJobs(clock: Pick<CaseClock, 'caseId' | 'facts' | 'notices' | 'causes'>, policies: DeadlinePolicies, today: IsoDay): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  for (const d of caseDeadlines(clock.facts, policies, today)) {
    const cause = clock.causes[d.kind];
    for (const { level, at } of pendingNotices(d, clock.notices)) {
      jobs.push({ id: deadlineJobId(level, d.kind, clock.caseId, cause, policies.revision), data: { caseId: clock.caseId, kind: d.kind, level, at, cause } });
    }
  }
  return jobs;
}

/** The jobs an open case's recovery needs: each unpaid instalment's and each waiting write-off's warning and miss. */
export function plannedRecoveryJobs(clock: Pick<RecoveryClock, 'caseId' | 'facts' | 'notices' | 'causes'>, policies: DeadlinePolicies, today: IsoDay): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  for (const d of recoveryDeadlines(clock.facts, policies, today, false)) {
    const cause = d.kind === 'instalment' ? clock.causes.plan : clock.causes.writeOffs[d.itemId];
    if (!cause || d.kind === 'disbursement_approval') continue;
    for (const { level, at } of itemPendingNotices(d, clock.notices)) {
      jobs.push({
        id: itemDeadlineJobId(level, d.kind, clock.caseId, d.itemId, cause, policies.revision),
        data: { caseId: clock.caseId, kind: d.kind, itemId: d.itemId, level, at, cause },
      });
    }
  }
  return jobs;
}

/** The jobs a disbursement waiting for approval needs. */
export function plannedDisbursementJobs(clock: DisbursementClock, policies: DeadlinePolicies): PlannedJob[] {
  const d = disbursementApprovalDeadline(clock.facts, policies);
  const { fundId, disbursementId } = clock.facts;
  return itemPendingNotices(d, clock.notices).map(({ level, at }) => ({
    id: itemDeadlineJobId(level, 'disbursement_approval', fundId, disbursementId, clock.cause, policies.revision),
    data: { fundId, kind: 'disbursement_approval', itemId: disbursementId, level, at, cause: clock.cause },
  }));
}
