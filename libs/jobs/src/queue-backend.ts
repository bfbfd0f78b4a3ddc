import { createPostgresBackend, createRedisBackend, Queue, Worker, type Processor, type WorkerOptions } from 'bullmq';
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Where BullMQ keeps its jobs: PostgreSQL (its `createPostgresBackend`, in the app's own
 * database: `npm start` needs nothing else) unless REDIS_URL names a Redis (through ioredis).
 * One code path: every queue and worker is made here, with the backend's factory as the third
 * constructor argument; nothing else knows which backend runs.
 */
export class QueueBackend {
  readonly kind: 'postgres' | 'redis';
  private readonly redis: Redis | null;
  private readonly prefix: string;

  constructor(
    private readonly databaseUrl: string,
    redisUrl?: string,
  ) {
    this.kind = redisUrl ? 'redis' : 'postgres';
    // maxRetriesPerRequest: null, as BullMQ requires for blocking connections.
    this.redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false }) : null;
    // One Redis may serve several installations (and test databases): keys are named after the database.
    this.prefix = `casework-${createHash('sha256').update(databaseUrl).digest('hex').slice(0, 12)}`;
  }

  private options(): { connection: never; prefix?: string } {
    if (this.redis) return { connection: this.redis as never, prefix: this.prefix };
    return { connection: { connectionString: this.databaseUrl, migrate: true, max: 10 } as never };
  }

  private factory() {
    return (this.kind === 'redis' ? createRedisBackend : createPostgresBackend) as never;
  }

  queue<D = unknown>(name: string): Queue<D> {
    return new Queue<D>(name, this.options(), this.factory()) as Queue<D>;
  }

  worker<D = unknown>(name: string, processor: Processor<D>, options: Omit<WorkerOptions, 'connection'> = {}): Worker<D> {
    return new Worker<D>(name, processor, { ...options, ...this.options() } as WorkerOptions, this.factory()) as Worker<D>;
  }

  /** For /health and the logs: which backend, never the connection string. */
  describe(): string {
    return this.kind === 'redis' ? 'BullMQ on Redis (REDIS_URL)' : 'BullMQ on PostgreSQL (createPostgresBackend)';
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
