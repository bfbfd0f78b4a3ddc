import { Global, Logger, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '#config';
import { PostgresEventStore, type EventStore } from '#event-store';
import { dataSourceOptions } from './database/data-source-options.js';
import pg from 'pg';
import type { DatabaseStatusSource } from './database/embedded-database-supervisor.js';
import { embeddedPostgresHealth } from './database/embedded-postgres-health.js';
import { HealthIndicators } from './health-indicators.js';
import { isServerShutdown, OrderlyShutdown } from './shutdown.js';
import { APP_CONFIG, DATABASE_STATUS, DATABASE_URL, EVENT_STORE, PG_POOL } from './tokens.js';

/** Closes in order: the LISTEN connection and last NOTIFY first, then the pool; the server after (main). */
class Closer implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.pool.end();
  }
}

/**
 * A connection error worth a warning, or one an orderly stop (ours, or the server's own)
 * explains: those go to debug, so a clean Ctrl-C prints no warning.
 */
function connectionTrouble(logger: Logger, shutdown: OrderlyShutdown) {
  return (message: string, error: Error) => {
    if (shutdown.underway || isServerShutdown(error)) logger.debug(`${message}: ${error.message} (expected: the database is stopping)`);
    else logger.warn(`${message}: ${error.message}`);
  };
}

/** Postgres (read models through TypeORM, the event store through pg) and the settings. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, databaseUrl: string, databaseStatus: DatabaseStatusSource | null = null): DynamicModule {
    const logger = new Logger('event-store');
    return {
      module: InfrastructureModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(databaseUrl))],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        OrderlyShutdown,
        HealthIndicators,
        {
          // The embedded PostgreSQL's supervisor, registered as a /health line: why it is down (a full disk).
          provide: DATABASE_STATUS,
          inject: [HealthIndicators],
          useFactory: (indicators: HealthIndicators) => {
            if (databaseStatus) indicators.register(embeddedPostgresHealth(databaseStatus));
            return databaseStatus;
          },
        },
        {
          provide: PG_POOL,
          inject: [OrderlyShutdown],
          useFactory: (shutdown: OrderlyShutdown) => {
            const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
            const trouble = connectionTrouble(logger, shutdown);
            // An idle connection dropped by the server (a restart, shutdown) must not crash us.
            pool.on('error', (e) => trouble('idle database connection lost', e));
            return pool;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL, OrderlyShutdown],
          useFactory: (pool: pg.Pool, shutdown: OrderlyShutdown): EventStore => {
            const trouble = connectionTrouble(logger, shutdown);
            return new PostgresEventStore({
              pool,
              connectionString: databaseUrl,
              onListenerError: (e) => trouble('event notifications failed; subscribers poll until they are back', e),
            });
          },
        },
        Closer,
      ],
      exports: [APP_CONFIG, DATABASE_URL, PG_POOL, EVENT_STORE, OrderlyShutdown, HealthIndicators, DATABASE_STATUS],
    };
  }
}
