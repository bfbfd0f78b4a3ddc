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
    logging: ['error', 'migration'],
    extra: { max: 20 },
  };
}
