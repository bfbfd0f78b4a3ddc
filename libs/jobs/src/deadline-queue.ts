import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '#config';
import { APP_CONFIG, DATABASE_URL } from '#platform';
import { DEADLINE_QUEUE, type DeadlineJobData } from './deadline-jobs.js';
import { QueueBackend } from './queue-backend.js';

/** The deadline queue as every process sees it (the API for /health, the dashboard and /metrics; the worker to schedule). */
@Injectable()
export class DeadlineQueue implements OnApplicationShutdown {
  readonly backend: QueueBackend;
  readonly queue: Queue<DeadlineJobData | Record<string, never>>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(DATABASE_URL) databaseUrl: string) {
    this.backend = new QueueBackend(databaseUrl, config.REDIS_URL);
    this.queue = this.backend.queue(DEADLINE_QUEUE);
    // A connection that drops is retried by BullMQ; /health says so meanwhile, the log once per message.
    let last = '';
    this.queue.on('error', (e: Error) => {
      if (e.message !== last) new Logger('deadlines').warn(`deadline queue: ${e.message}`);
      last = e.message;
    });
  }

  /** Jobs waiting to fire, by state: for /metrics and /health. */
  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('delayed', 'waiting', 'active', 'completed', 'failed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.backend.close();
  }
}
