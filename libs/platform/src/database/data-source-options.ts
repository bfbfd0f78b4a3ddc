import type { DataSourceOptions } from 'typeorm';
import { READ_MODEL_ENTITIES } from '#read-models';
import { allMigrations } from './migrations.js';

/** Migrations, never synchronize: each start runs the pending ones, in one transaction each. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    migrations: allMigrations(),
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Not 'error': a failed query reaches its caller, which logs it with the correlation id;
    // TypeORM's own console line repeats it with its parameters (personal data) on every retry.
    logging: ['migration'],
    extra: { max: 20 },
  };
}
