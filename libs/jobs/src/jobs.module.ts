import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HealthIndicators, WorkerModule } from '#platform';
import { DeadlinePolicyReader } from './deadline-policy-reader.js';
import { DeadlineQueue } from './deadline-queue.js';
import { DeadlineScheduler } from './deadline-scheduler.js';
import { DeadlineWorker } from './deadline-worker.js';

/** Registers the queue's /health line: reachable, with its jobs by state. */
class QueueHealth implements OnModuleInit {
  constructor(
    @Inject(HealthIndicators) private readonly indicators: HealthIndicators,
    @Inject(DeadlineQueue) private readonly deadlines: DeadlineQueue,
  ) {}

  onModuleInit(): void {
    this.indicators.register({
      name: 'queue:deadlines',
      check: async () => ({ backend: this.deadlines.backend.kind, jobs: await this.deadlines.counts() }),
    });
  }
}

/** The deadline queue and the policies, for every app (the API's board, dashboard, /health and /metrics). */
@Global()
@Module({
  providers: [DeadlineQueue, DeadlinePolicyReader, DeadlineScheduler, QueueHealth],
  exports: [DeadlineQueue, DeadlinePolicyReader, DeadlineScheduler],
})
export class JobsModule {}

/**
 * The deadline jobs' worker, scheduler and sweep: beside the projectors wherever they run
 * (`npm start`, `npm run start:worker`). It lives here rather than inside libs/platform's
 * WorkerModule because it uses the command path (#commands), which itself uses #platform: an
 * import from platform back to jobs would be a cycle of ES modules.
 */
@Module({ imports: [JobsModule, WorkerModule], providers: [DeadlineWorker], exports: [DeadlineWorker] })
export class DeadlineJobsModule {}
