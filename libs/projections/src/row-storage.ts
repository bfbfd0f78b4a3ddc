import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { jsonRowWriter } from './json-rows.js';
import type { RowChange, RowStorage } from './projection.js';

/** Rows per statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows of one TypeORM entity with a single-column key: read in, upserted, deleted. */
export function entityRows<Row extends ObjectLiteral>(entity: EntityTarget<Row>, key: keyof Row & string): RowStorage<Row> {
  return {
    async load(em: EntityManager, keys: readonly string[]) {
      const rows = new Map<string, Row>();
      for (const part of chunks(keys)) {
        for (const row of await em.find(entity, { where: { [key]: In(part) } as never })) rows.set(String(row[key]), row);
      }
      return rows;
    },
    async save(em: EntityManager, changes: readonly RowChange<Row>[]) {
      const upserts = changes.filter((c) => c.after !== null).map((c) => c.after as Row);
      const gone = changes.filter((c) => c.after === null && c.before !== null).map((c) => c.key);
      const writer = jsonRowWriter(em, entity);
      for (const part of chunks(upserts)) {
        if (!(await writer.write(em, part, { kind: 'upsert', key }))) await em.upsert(entity, part as never, [key]);
      }
      for (const part of chunks(gone)) await em.delete(entity, { [key]: In(part) } as never);
    },
    async reset(em: EntityManager) {
      await em.createQueryBuilder().delete().from(entity).execute();
    },
  };
}

/**
 * Rows that are written once and never change (a timeline entry per event): nothing to read
 * back, and a row met again (a second runner, a rebuild) is left as it stands.
 */
export function appendOnlyRows<Row extends ObjectLiteral>(entity: EntityTarget<Row>): RowStorage<Row> {
  return {
    async load() {
      return new Map<string, Row>();
    },
    async save(em: EntityManager, changes: readonly RowChange<Row>[]) {
      const rows = changes.filter((c) => c.after !== null).map((c) => c.after as Row);
      await insertOrIgnore(em, entity, rows);
    },
    async reset(em: EntityManager) {
      await em.createQueryBuilder().delete().from(entity).execute();
    },
  };
}

/** Inserts rows, leaving any whose key is taken as it stands (one statement per 500 rows). */
export async function insertOrIgnore<Row extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<Row>, rows: readonly Partial<Row>[]): Promise<void> {
  const writer = jsonRowWriter(em, entity);
  for (const part of chunks(rows)) {
    if (!(await writer.write(em, part, { kind: 'insert-or-ignore' }))) await em.createQueryBuilder().insert().into(entity).values(part as never).orIgnore().execute();
  }
}
