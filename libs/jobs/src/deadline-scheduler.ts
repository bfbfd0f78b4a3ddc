import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '#commands';
import { beijingDay, type DeadlinePolicies, type IsoDay } from '#domain';
import { CaseDeadlineRow, DisbursementDeadlineRow, RecoveryDeadlineRow } from '#read-models';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { plannedDisbursementJobs, plannedJobs, plannedRecoveryJobs, type PlannedJob } from './deadline-jobs.js';
import { DeadlinePolicyReader } from './deadline-policy-reader.js';
import { DeadlineQueue } from './deadline-queue.js';

const PAGE = 1000;
/** Completed jobs are kept a while: an id met again (a rebuilt projector) is then ignored by BullMQ itself. */
const KEEP_COMPLETED_SECONDS = 90 * 86_400;

export interface SweepResult {
  /** Open cases, recoveries of open cases, disbursements waiting: the rows looked at. */
  cases: number;
  recoveries: number;
  disbursements: number;
  jobs: number;
  restored: number;
  promoted: number;
  ms: number;
}

/** A read model whose rows need deadline jobs: how to find its rows, and the jobs a row needs. */
interface DeadlineSource<Row extends ObjectLiteral> {
  readonly name: 'cases' | 'recoveries' | 'disbursements';
  readonly entity: EntityTarget<Row>;
  readonly table: string;
  /** The key's column and property. */
  readonly column: string;
  readonly key: (row: Row) => string;
  /** The rows whose deadlines still run (SQL on alias `d`). */
  readonly open: string;
  readonly isOpen: (row: Row) => boolean;
  readonly plan: (row: Row, policies: DeadlinePolicies, today: IsoDay) => PlannedJob[];
}

const cases: DeadlineSource<CaseDeadlineRow> = {
  name: 'cases',
  entity: CaseDeadlineRow,
  table: 'case_deadlines',
  column: 'case_id',
  key: (row) => row.caseId,
  open: 'd.open',
  isOpen: (row) => row.open,
  plan: (row, policies, today) => plannedJobs(row, policies, today),
};

/**
 * A recovery's instalments and write-offs run while its case is open (the case's row, from the
 * same projection, says so). After a change, rows are scheduled without that check: a job for a
 * case closed meanwhile finds it closed when it fires, and records nothing.
 */
const recoveries: DeadlineSource<RecoveryDeadlineRow> = {
  name: 'recoveries',
  entity: RecoveryDeadlineRow,
  table: 'recovery_deadlines',
  column: 'case_id',
  key: (row) => row.caseId,
  open: 'EXISTS (SELECT 1 FROM case_deadlines c WHERE c.case_id = d.case_id AND c.open)',
  isOpen: () => true,
  plan: (row, policies, today) => plannedRecoveryJobs(row, policies, today),
};

const disbursements: DeadlineSource<DisbursementDeadlineRow> = {
  name: 'disbursements',
  entity: DisbursementDeadlineRow,
  table: 'disbursement_deadlines',
  column: 'disbursement_id',
  key: (row) => row.disbursementId,
  open: 'd.open',
  isOpen: (row) => row.open,
  plan: (row, policies) => plannedDisbursementJobs(row, policies),
};

type Scheduled = { revision: string; scheduledRevision: string | null; scheduledPolicy: number | null };
// One loop over the three: each source's functions take its own rows, which the loop hands back to it.
const SOURCES = [cases, recoveries, disbursements] as unknown as readonly DeadlineSource<ObjectLiteral & Scheduled>[];

/**
 * Schedules a delayed job per deadline from the deadlines read models (cases, recoveries,
 * disbursements): after each projector batch, the rows it changed (their revision or the policy
 * moved since they were scheduled); and in a periodic sweep, every open row's jobs checked
 * against the queue, so a job lost (deleted, a Redis flushed, a crash between the projector and
 * the queue) is added again, and one whose time has come by the injected clock but that still
 * waits in the queue is promoted.
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

  /** Rows already named in the log as impossible to schedule (by key and revision): said once. */
  private readonly unplannable = new Set<string>();

  /**
   * The jobs these rows need. A row whose deadlines cannot be computed (a date no calendar has,
   * put into the log past every command check) is named in the log and passed over: one bad row
   * must never hold back the deadlines of every row after it.
   */
  private plan<Row extends ObjectLiteral & Scheduled>(source: DeadlineSource<Row>, rows: Row[], policies: DeadlinePolicies, today: IsoDay): PlannedJob[] {
    const jobs: PlannedJob[] = [];
    for (const row of rows) {
      try {
        jobs.push(...source.plan(row, policies, today));
      } catch (error) {
        const said = `${source.name}:${source.key(row)}:${row.revision}`;
        if (this.unplannable.has(said)) continue;
        this.unplannable.add(said);
        this.logger.error(`cannot schedule the deadlines of ${source.name} ${source.key(row)} (read-model revision ${row.revision}): ${error instanceof Error ? error.message : String(error)}; passed over, the others go on`);
      }
    }
    return jobs;
  }

  private today(): IsoDay {
    return beijingDay(this.clock.now().toISOString());
  }

  /** Jobs for the rows changed since they were last scheduled; returns how many rows it scheduled. */
  async scheduleChanged(): Promise<number> {
    const policies = await this.policies.current();
    let done = 0;
    for (const source of SOURCES) {
      for (;;) {
        const rows = await this.ds
          .getRepository(source.entity)
          .createQueryBuilder('d')
          .where('d.scheduled_revision IS DISTINCT FROM d.revision OR d.scheduled_policy IS DISTINCT FROM :policy', { policy: policies.revision })
          .orderBy(`d.${source.column}`)
          .limit(PAGE)
          .getMany();
        if (!rows.length) break;
        const today = this.today();
        await this.add(this.plan(source, rows.filter(source.isOpen), policies, today));
        // Marked only if the row did not move meanwhile; a row that moved is taken again. One
        // statement for the page (under load a page holds every row a projector batch changed).
        await this.ds.query(
          `UPDATE ${source.table} AS t SET scheduled_revision = t.revision, scheduled_policy = $3
           FROM unnest($1::text[], $2::bigint[]) AS m(key, revision)
           WHERE t.${source.column} = m.key AND t.revision = m.revision`,
          [rows.map((row) => source.key(row)), rows.map((row) => String(row.revision)), policies.revision],
        );
        done += rows.length;
        if (rows.length < PAGE) break;
      }
    }
    return done;
  }

  /** Every open row's jobs, checked against the queue: lost ones added again, those due by the clock promoted. */
  async sweep(): Promise<SweepResult> {
    const started = performance.now();
    const policies = await this.policies.current();
    const now = this.clock.now().getTime();
    const result: SweepResult = { cases: 0, recoveries: 0, disbursements: 0, jobs: 0, restored: 0, promoted: 0, ms: 0 };
    for (const source of SOURCES) {
      let after = '';
      for (;;) {
        const rows = await this.ds
          .getRepository(source.entity)
          .createQueryBuilder('d')
          .where(`${source.open} AND d.${source.column} > :after`, { after })
          .orderBy(`d.${source.column}`)
          .limit(PAGE)
          .getMany();
        if (!rows.length) break;
        after = source.key(rows[rows.length - 1]);
        const today = this.today();
        const jobs = this.plan(source, rows, policies, today);
        result[source.name] += rows.length;
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
    }
    result.ms = Math.round(performance.now() - started);
    if (result.restored || result.promoted) {
      this.logger.log(
        `sweep: ${result.restored} lost deadline jobs restored, ${result.promoted} due ones promoted (${result.cases} open cases, ${result.recoveries} recoveries, ${result.disbursements} disbursements waiting, ${result.ms} ms)`,
      );
    }
    return result;
  }
}
