import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventStore } from '#event-store';
import { handledTypes, ProjectionRunner } from '#projections';
import { ALL_PROJECTIONS } from '#read-models';
import type { DataSource } from 'typeorm';
import { OrderlyShutdown } from '../shutdown.js';
import { EVENT_STORE } from '../tokens.js';

/** Keeps every read model fed from the log while the worker runs. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('projections');
  readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @InjectDataSource() ds: DataSource,
    private readonly shutdown: OrderlyShutdown,
  ) {
    this.runner = new ProjectionRunner(store, ds, ALL_PROJECTIONS, {
      log: (m, c) => this.logger.log(c ? { ...c, msg: m } : m),
      warn: (m, c) => this.logger.warn(c ? { ...c, msg: m } : m),
      error: (m, c) => this.logger.error(c ? { ...c, msg: m } : m),
    });
  }

  onApplicationBootstrap(): void {
    // The loops end as soon as a stop begins, before the database connections go.
    this.shutdown.signal.addEventListener('abort', () => void this.runner.stop(), { once: true });
    this.runner.start();
    this.logger.log(`running ${ALL_PROJECTIONS.map((p) => `${p.name} (${handledTypes(p).length} event types)`).join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
