import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, type Job, type Worker } from 'bullmq';
import { CLOCK, Commands, systemCommand, type Clock } from '#commands';
import { disputeCaseDecider, disputeStreamName, DomainError, foldEvents, type DeadlinePolicies, type DisputeCaseEvent, type DisputeCaseState } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE, isServerShutdown, OrderlyShutdown, ProjectionsService } from '#platform';
import { caseDeadlineChecks, fundDeadlineChecks, recoveryDeadlineChecks } from './case-deadline-checks.js';
import { DEADLINE_QUEUE, SWEEP_JOB, type DeadlineJobData } from './deadline-jobs.js';
import { DeadlinePolicyReader } from './deadline-policy-reader.js';
import { DeadlineQueue } from './deadline-queue.js';
import { DeadlineScheduler } from './deadline-scheduler.js';

/** How often the sweep runs (a BullMQ job scheduler: one worker at a time does it). */
export const SWEEP_EVERY_MS = 60_000;
/** The scheduler looks for changed rows at least this often, and at once after each projector batch. */
const SCHEDULE_POLL_MS = 2_000;

/**
 * The worker side of deadlines: schedules jobs as the deadlines read model changes, runs the
 * periodic sweep, and processes each job by sending a check as the system actor through the one
 * command path, with the job id as the idempotency key: `CheckDeadline` to the case,
 * `CheckRecoveryDeadline` to its recovery (instalments, write-offs waiting),
 * `CheckDisbursementApproval` to the fund. Each re-reads its state (met, paused, paid, decided,
 * moved?) and records a warning or a miss once at most.
 */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('deadlines');
  private worker: Worker<DeadlineJobData | Record<string, never>> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scheduling: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deadlines: DeadlineQueue,
    private readonly scheduler: DeadlineScheduler,
    private readonly policies: DeadlinePolicyReader,
    private readonly commands: Commands,
    private readonly projections: ProjectionsService,
    private readonly shutdown: OrderlyShutdown,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = this.deadlines.backend.worker(DEADLINE_QUEUE, (job, token) => this.process(job, token), { concurrency: 16 });
    this.worker.on('error', (e) => (this.shutdown.underway || isServerShutdown(e) ? this.logger.debug(`deadline worker: ${e.message} (expected: stopping)`) : this.logger.warn(`deadline worker: ${e.message}`)));
    this.worker.on('failed', (job, e) => this.logger.warn(`deadline job ${job?.id} failed: ${e.message}`));
    // Not awaited: a Redis still out of reach must not hold the start (it is retried; /health says so).
    void this.deadlines.queue
      .upsertJobScheduler(SWEEP_JOB, { every: SWEEP_EVERY_MS }, { name: SWEEP_JOB, data: {} })
      .catch((e: Error) => this.logger.warn(`could not set up the periodic sweep: ${e.message}`));
    this.unsubscribe = this.projections.runner.onProgress(() => this.kick());
    this.timer = setInterval(() => this.kick(), SCHEDULE_POLL_MS);
    this.shutdown.signal.addEventListener('abort', () => void this.stop(), { once: true });
    // A start is when lost jobs are most likely (a restart after the queue was emptied): sweep now.
    void this.scheduleNow().then(() => this.scheduler.sweep()).catch((e: Error) => this.logger.warn(`start-up sweep: ${e.message}`));
    this.logger.log(`deadline jobs on ${this.deadlines.backend.describe()}; sweep every ${SWEEP_EVERY_MS / 1000} s`);
  }

  /** Schedules the rows the projector changed; calls that come while it runs make it run once more. */
  kick(): void {
    if (this.scheduling) {
      this.again = true;
      return;
    }
    this.scheduling = (async () => {
      do {
        this.again = false;
        await this.scheduler.scheduleChanged().catch((e: Error) => this.shutdown.underway || this.logger.warn(`scheduling deadline jobs: ${e.message}`));
      } while (this.again && !this.shutdown.underway);
    })().finally(() => (this.scheduling = null));
  }

  /** Resolves once every row changed so far has its jobs (tests and the start-up sweep wait on it). */
  async scheduleNow(): Promise<void> {
    while (this.scheduling) await this.scheduling;
    this.kick();
    await this.scheduling;
  }

  private async process(job: Job<DeadlineJobData | Record<string, never>>, token?: string): Promise<unknown> {
    if (job.name === SWEEP_JOB) return this.scheduler.sweep();
    const data = job.data as DeadlineJobData;
    // Fired before its time by the injected clock (clocks differ, a policy moved it): wait the rest.
    const early = Date.parse(data.at) - this.clock.now().getTime();
    if (early > 0) {
      await job.moveToDelayed(Date.now() + early, token);
      throw new DelayedError();
    }
    const policies = await this.policies.current();
    const meta = systemCommand({ idempotencyKey: job.id, causationId: data.cause, correlationId: data.cause });
    try {
      const result = await this.check(data, policies, meta);
      return { recorded: result.events.map((e) => e.type) };
    } catch (error) {
      // A rule the case states (a case not found) will not change by retrying.
      if (error instanceof DomainError) return { refused: error.code };
      throw error;
    }
  }

  /** The check goes to the stream where the thing waits: the case, its recovery, or the fund. */
  private async check(data: DeadlineJobData, policies: DeadlinePolicies, meta: ReturnType<typeof systemCommand>): Promise<{ events: { type: string }[] }> {
    switch (data.kind) {
      case 'mediation':
      case 'follow_up':
        return this.commands.execute(caseDeadlineChecks, { type: 'CheckDeadline', data: { caseId: data.caseId, kind: data.kind, policies } }, meta);
      case 'instalment':
      case 'write_off_approval': {
        // The case as it stands now, from its stream: who mediates it (the instalment's responsible), whether it is closed.
        const dispute = foldEvents<DisputeCaseState, DisputeCaseEvent>(disputeCaseDecider, await this.store.readStream(disputeStreamName(data.caseId)));
        const facts = dispute && { caseId: dispute.caseId, status: dispute.status, mediatorId: dispute.mediatorId };
        return this.commands.execute(recoveryDeadlineChecks, { type: 'CheckRecoveryDeadline', data: { caseId: data.caseId, kind: data.kind, itemId: data.itemId, policies, case: facts } }, meta);
      }
      case 'disbursement_approval':
        return this.commands.execute(fundDeadlineChecks, { type: 'CheckDisbursementApproval', data: { fundId: data.fundId, disbursementId: data.itemId, policies } }, meta);
      default: {
        const unknown: never = data;
        throw new Error(`a deadline job of an unknown kind: ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    await this.worker?.close().catch(() => undefined);
    this.worker = null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.scheduling?.catch(() => undefined);
  }
}
