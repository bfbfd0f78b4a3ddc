import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditLog, AuditReads, loadSigningKey, LogNotIntact, type SigningKey } from '#audit';
import { CLOCK, type Clock } from '#commands';
import type { AppConfig } from '#config';
import { APP_CONFIG, PG_POOL } from '#platform';
import type pg from 'pg';

export const auditLogProvider = { provide: AuditLog, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new AuditLog(pool) };
export const auditReadsProvider = { provide: AuditReads, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new AuditReads(pool) };

/** The checkpoint signing key, read (or generated under DATA_DIR) at first use. */
@Injectable()
export class AuditSigningKey {
  private key?: SigningKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): SigningKey {
    this.key ??= loadSigningKey(this.config);
    return this.key;
  }
}

/** Signs a checkpoint every AUDIT_CHECKPOINT_MINUTES when the log grew (0: never); a log that is not intact is logged, not signed. */
@Injectable()
export class CheckpointTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('audit');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly key: AuditSigningKey,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.AUDIT_CHECKPOINT_MINUTES;
    if (minutes > 0) this.timer = setInterval(() => void this.tick(), minutes * 60_000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const cp = await this.audit.checkpoint(this.key.get().privateKey, this.clock.now(), 'system', { onlyIfGrown: true });
      if (cp) this.logger.log(`signed checkpoint ${cp.id}: ${cp.checkpoint.size} events, root ${cp.checkpoint.rootHash}`);
    } catch (error) {
      if (error instanceof LogNotIntact) this.logger.error(`no checkpoint signed: ${error.problem.message.en}`);
      else this.logger.error(`no checkpoint signed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
