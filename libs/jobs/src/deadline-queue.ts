import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '#config';
import { APP_CONFIG, DATABASE_URL, isServerShutdown, OrderlyShutdown } from '#platform';
import { DEADLINE_QUEUE, type DeadlineJobData } from './deadline-jobs.js';
import { QueueBackend } from './queue-backend.js';

/** The deadline queue as every process sees it (the API for /health, the dashboard and /metrics; the worker to schedule). */
@Injectable()
export class DeadlineQueue implements OnApplicationShutdown {
  readonly backend: QueueBackend;
  readonly queue: Queue<DeadlineJobData | Record<string, never>>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(DATABASE_URL) databaseUrl: string, shutdown: OrderlyShutdown) {
    this.backend = new QueueBackend(databaseUrl, config.REDIS_URL);
    this.queue = this.backend.queue(DEADLINE_QUEUE);
    // A connection that drops is retried by BullMQ; /health says so meanwhile, the log once per message.
    // An orderly stop (ours, or the database's own) ends connections: that is no warning.
    const logger = new Logger('deadlines');
    let last = '';
    this.queue.on('error', (e: Error) => {
      if (shutdown.underway || isServerShutdown(e)) logger.debug(`deadline queue: ${e.message} (expected: stopping)`);
      else if (e.message !== last) logger.warn(`deadline queue: ${e.message}`);
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
