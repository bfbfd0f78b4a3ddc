import type { MigrationInterface } from 'typeorm';
import { AUDIT_MIGRATIONS } from '#audit';
import { AUTH_MIGRATIONS } from '#auth';
import { EVENT_STORE_MIGRATIONS } from '#event-store';
import { PROJECTION_MIGRATIONS } from '#projections';
import { READ_MODEL_MIGRATIONS } from '#read-models';
import { COMMAND_PATH_MIGRATIONS } from '../migrations/index.js';

type MigrationClass = new () => MigrationInterface;

/** The 13-digit timestamp that ends a migration's name, which TypeORM orders by. */
export function migrationTimestamp(migration: MigrationClass): number {
  const name = new migration().name ?? migration.name;
  const match = /(\d{13})$/.exec(name);
  if (!match) throw new Error(`migration ${name} does not end with a 13-digit timestamp`);
  return Number(match[1]);
}

/**
 * One ordered history from every library's own migrations. A function, not a constant: libs/auth
 * imports this library's tokens, so its list is read when called, after every module is loaded.
 */
export function allMigrations(): MigrationClass[] {
  const all: MigrationClass[] = [...EVENT_STORE_MIGRATIONS, ...PROJECTION_MIGRATIONS, ...COMMAND_PATH_MIGRATIONS, ...AUTH_MIGRATIONS, ...READ_MODEL_MIGRATIONS, ...AUDIT_MIGRATIONS];
  const byTimestamp = new Map<number, string>();
  for (const m of all) {
    const ts = migrationTimestamp(m);
    const name = new m().name ?? m.name;
    const clash = byTimestamp.get(ts);
    if (clash) throw new Error(`migrations ${clash} and ${name} share the timestamp ${ts}: give one a later one`);
    byTimestamp.set(ts, name);
  }
  return all.sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));
}
