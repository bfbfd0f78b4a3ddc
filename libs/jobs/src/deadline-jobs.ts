import { caseDeadlines, pendingNotices, type CaseClock, type CaseDeadlineKind, type DeadlineNotice, type DeadlinePolicies, type IsoDay } from '#domain';

export const DEADLINE_QUEUE = 'deadlines';
/** The periodic sweep runs as a job of the same queue, so one worker at a time does it. */
export const SWEEP_JOB = 'sweep';

/** What a deadline job carries: which case's which deadline to look at again, when, and why. */
export interface DeadlineJobData {
  caseId: string;
  kind: CaseDeadlineKind;
  level: DeadlineNotice['level'];
  /** The instant (by the policy in force when scheduled) the job is meant to fire. */
  at: string;
  /** The event that started this deadline: the job's cause. */
  cause: string;
}

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
