import { START, type Position } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';

/** Takes the projection's checkpoint row for this transaction, so two runners never interleave. */
export async function lockCheckpoint(em: EntityManager, name: string): Promise<Position> {
  const lock = () => em.query(`SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [name]) as Promise<{ position: Position }[]>;
  let rows = await lock();
  if (!rows.length) {
    // The projection's first batch ever: make its row (a concurrent runner may make it first).
    await em.query(`INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, START]);
    rows = await lock();
  }
  return rows[0].position;
}

/**
 * Moves checkpoints forward past events their projections do not handle: one statement for any
 * number of projections, no transaction of its own, and never backwards (another runner may
 * already be further on). Returns the names it moved.
 */
export async function advanceCheckpoints(ds: DataSource, moves: ReadonlyMap<string, Position>): Promise<string[]> {
  if (!moves.size) return [];
  const names = [...moves.keys()];
  const positions = [...moves.values()];
  // A projection that has handled nothing yet has no row: made here. (A SELECT around the
  // statement: TypeORM shapes a write's answer differently from a query's.)
  const rows: { name: string }[] = await ds.query(
    `WITH moved AS (
       INSERT INTO projection_checkpoints AS c (name, position)
       SELECT name, position FROM unnest($1::text[], $2::text[]) AS m(name, position)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = now()
        WHERE (split_part(c.position, ':', 1)::numeric, split_part(c.position, ':', 2)::numeric)
            < (split_part(excluded.position, ':', 1)::numeric, split_part(excluded.position, ':', 2)::numeric)
       RETURNING c.name)
     SELECT name FROM moved`,
    [names, positions],
  );
  return rows.map((r) => r.name);
}

/** One projection's checkpoint moved past events it does not handle (see advanceCheckpoints). */
export async function advanceCheckpoint(ds: DataSource, name: string, position: Position): Promise<boolean> {
  return (await advanceCheckpoints(ds, new Map([[name, position]]))).length > 0;
}

export async function saveCheckpoint(em: EntityManager, name: string, position: Position): Promise<void> {
  await em.query(`UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [name, position]);
}

export async function readCheckpoint(ds: DataSource | EntityManager, name: string): Promise<{ position: Position; updatedAt: Date | null }> {
  const rows: { position: Position; updated_at: Date }[] = await ds.query(`SELECT position, updated_at FROM projection_checkpoints WHERE name = $1`, [name]);
  return rows[0] ? { position: rows[0].position, updatedAt: rows[0].updated_at } : { position: START, updatedAt: null };
}
