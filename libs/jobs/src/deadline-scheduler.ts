import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '#commands';
import { beijingDay, type DeadlinePolicies } from '#domain';
import { CaseDeadlineRow } from '#read-models';
import type { DataSource } from 'typeorm';
import { plannedJobs, type PlannedJob } from './deadline-jobs.js';
import { DeadlinePolicyReader } from './deadline-policy-reader.js';
import { DeadlineQueue } from './deadline-queue.js';

const PAGE = 1000;
/** Completed jobs are kept a while: an id met again (a rebuilt projector) is then ignored by BullMQ itself. */
const KEEP_COMPLETED_SECONDS = 90 * 86_400;

export interface SweepResult {
  cases: number;
  jobs: number;
  restored: number;
  promoted: number;
  ms: number;
}

/**
 * Schedules a delayed job per deadline from the deadlines read model: after each projector
 * batch, the rows it changed (their revision or the policy moved since they were scheduled);
 * and in a periodic sweep, every open case's jobs checked against the queue, so a job lost
 * (deleted, a Redis flushed, a crash between the projector and the queue) is added again, and
 * one whose time has come by the injected clock but that still waits in the queue is promoted.
 */
@Injectable()
export class DeadlineScheduler {
  private readonly logger = new Logger('deadlines');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly deadlines: DeadlineQueue,
    private readonly policies: DeadlinePolicyReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private delayOf(job: PlannedJob): number {
    return Math.max(0, Date.parse(job.data.at) - this.clock.now().getTime());
  }

  private async add(jobs: PlannedJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 500) {
      await this.deadlines.queue.addBulk(
        jobs.slice(i, i + 500).map((job) => ({
          name: `${job.data.level}.${job.data.kind}`,
          data: job.data,
          opts: { jobId: job.id, delay: this.delayOf(job), attempts: 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: KEEP_COMPLETED_SECONDS }, removeOnFail: { age: KEEP_COMPLETED_SECONDS } },
        })),
      );
    }
  }

  private plan(rows: CaseDeadlineRow[], policies: DeadlinePolicies): PlannedJob[] {
    const today = beijingDay(this.clock.now().toISOString());
    return rows.flatMap((row) => plannedJobs(row, policies, today));
  }

  /** Jobs for the rows changed since they were last scheduled; returns how many rows it scheduled. */
  async scheduleChanged(): Promise<number> {
    const policies = await this.policies.current();
    let done = 0;
    for (;;) {
      const rows = await this.ds
        .getRepository(CaseDeadlineRow)
        .createQueryBuilder('d')
        .where('d.scheduled_revision IS DISTINCT FROM d.revision OR d.scheduled_policy IS DISTINCT FROM :policy', { policy: policies.revision })
        .orderBy('d.case_id')
        .limit(PAGE)
        .getMany();
      if (!rows.length) return done;
      await this.add(this.plan(rows.filter((r) => r.open), policies));
      // Marked only if the row did not move meanwhile; a row that moved is taken again.
      for (const row of rows) {
        await this.ds.query(`UPDATE case_deadlines SET scheduled_revision = revision, scheduled_policy = $2 WHERE case_id = $1 AND revision = $3`, [row.caseId, policies.revision, row.revision]);
      }
      done += rows.length;
      if (rows.length < PAGE) return done;
    }
  }

  /** Every open case's jobs, checked against the queue: lost ones added again, those due by the clock promoted. */
  async sweep(): Promise<SweepResult> {
    const started = performance.now();
    const policies = await this.policies.current();
    const now = this.clock.now().getTime();
    const result: SweepResult = { cases: 0, jobs: 0, restored: 0, promoted: 0, ms: 0 };
    let after = '';
    for (;;) {
      const rows = await this.ds
        .getRepository(CaseDeadlineRow)
        .createQueryBuilder('d')
        .where('d.open AND d.case_id > :after', { after })
        .orderBy('d.case_id')
        .limit(PAGE)
        .getMany();
      if (!rows.length) break;
      after = rows[rows.length - 1].caseId;
      const jobs = this.plan(rows, policies);
      result.cases += rows.length;
      result.jobs += jobs.length;
      const missing: PlannedJob[] = [];
      // Looked up a hundred at a time: the queue's connections pipeline them.
      for (let i = 0; i < jobs.length; i += 100) {
        await Promise.all(
          jobs.slice(i, i + 100).map(async (job) => {
            const found = await this.deadlines.queue.getJob(job.id);
            if (!found) missing.push(job);
            else if (Date.parse(job.data.at) <= now && (await found.isDelayed())) {
              await found.promote().catch(() => undefined); // it may have just started on its own
              result.promoted++;
            }
          }),
        );
      }
      await this.add(missing);
      result.restored += missing.length;
      // One added meanwhile by the scheduler with the delay it computed then wins over ours: promote it if due.
      for (const job of missing.filter((j) => Date.parse(j.data.at) <= now)) {
        const found = await this.deadlines.queue.getJob(job.id);
        if (found && (await found.isDelayed())) await found.promote().catch(() => undefined);
      }
      if (rows.length < PAGE) break;
    }
    result.ms = Math.round(performance.now() - started);
    if (result.restored || result.promoted) this.logger.log(`sweep: ${result.restored} lost deadline jobs restored, ${result.promoted} due ones promoted (${result.cases} open cases, ${result.ms} ms)`);
    return result;
  }
}
