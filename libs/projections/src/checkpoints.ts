import { START, type Position } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';

/** Takes the projection's checkpoint row for this transaction, so two runners never interleave. */
export async function lockCheckpoint(em: EntityManager, name: string): Promise<Position> {
  await em.query(`INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, START]);
  const rows: { position: Position }[] = await em.query(`SELECT position FROM projection_checkpoints WHERE name = $1 FOR UPDATE`, [name]);
  return rows[0].position;
}

export async function saveCheckpoint(em: EntityManager, name: string, position: Position): Promise<void> {
  await em.query(`UPDATE projection_checkpoints SET position = $2, updated_at = now() WHERE name = $1`, [name, position]);
}

export async function readCheckpoint(ds: DataSource | EntityManager, name: string): Promise<{ position: Position; updatedAt: Date | null }> {
  const rows: { position: Position; updated_at: Date }[] = await ds.query(`SELECT position, updated_at FROM projection_checkpoints WHERE name = $1`, [name]);
  return rows[0] ? { position: rows[0].position, updatedAt: rows[0].updated_at } : { position: START, updatedAt: null };
}
