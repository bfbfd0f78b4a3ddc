import { parsePosition, START, type Position } from '#event-store';
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
 * Moves a checkpoint forward past events the projection does not handle: one statement, no
 * transaction of its own, and never backwards (another runner may already be further on).
 * Returns whether it moved.
 */
export async function advanceCheckpoint(ds: DataSource, name: string, position: Position): Promise<boolean> {
  const { tx, seq } = parsePosition(position);
  // (A SELECT around the UPDATE: TypeORM shapes an UPDATE's answer differently from a query's.)
  const rows: { moved: number }[] = await ds.query(
    `WITH moved AS (
       UPDATE projection_checkpoints SET position = $2, updated_at = now()
        WHERE name = $1 AND (split_part(position, ':', 1)::numeric, split_part(position, ':', 2)::numeric) < ($3::numeric, $4::numeric)
        RETURNING 1)
     SELECT count(*)::int AS moved FROM moved`,
    [name, position, tx.toString(), seq.toString()],
  );
  return rows[0].moved > 0;
}

export async function saveCheckpoint(em: EntityManager, name: string, position: Position): Promise<void> {
  await em.query(`UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [name, position]);
}

export async function readCheckpoint(ds: DataSource | EntityManager, name: string): Promise<{ position: Position; updatedAt: Date | null }> {
  const rows: { position: Position; updated_at: Date }[] = await ds.query(`SELECT position, updated_at FROM projection_checkpoints WHERE name = $1`, [name]);
  return rows[0] ? { position: rows[0].position, updatedAt: rows[0].updated_at } : { position: START, updatedAt: null };
}
