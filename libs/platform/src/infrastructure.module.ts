import { Global, Logger, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '#config';
import { PostgresEventStore, type EventStore } from '#event-store';
import { dataSourceOptions } from './database/data-source-options.js';
import pg from 'pg';
import type { DatabaseStatusSource } from './database/embedded-database-supervisor.js';
import { APP_CONFIG, DATABASE_STATUS, DATABASE_URL, EVENT_STORE, PG_POOL } from './tokens.js';

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
        { provide: DATABASE_STATUS, useValue: databaseStatus },
        {
          provide: PG_POOL,
          useFactory: () => {
            const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
            // An idle connection dropped by the server (a restart, shutdown) must not crash us.
            pool.on('error', (e) => logger.warn(`idle database connection lost: ${e.message}`));
            return pool;
          },
        },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          useFactory: (pool: pg.Pool): EventStore =>
            new PostgresEventStore({
              pool,
              connectionString: databaseUrl,
              onListenerError: (e) => logger.warn(`event notifications failed (${e.message}); subscribers poll until they are back`),
            }),
        },
        Closer,
      ],
      exports: [APP_CONFIG, DATABASE_URL, DATABASE_STATUS, PG_POOL, EVENT_STORE],
    };
  }
}
