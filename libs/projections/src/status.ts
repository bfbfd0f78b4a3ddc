import { START, type EventStore, type Position } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { readFailures, type ProjectionFailure } from './failures.js';

export interface ProjectionStatus {
  name: string;
  position: Position;
  /** Events not yet applied (capped at LAG_COUNT_CAP: "at least"). */
  eventsBehind: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  secondsBehind: number;
  /** The failure's message while the projection is failing, else null. */
  lastError: string | null;
  /** Which event it is stuck at, since when, how many attempts: null while it is healthy. */
  failure: ProjectionFailure | null;
}

export const LAG_COUNT_CAP = 10_000;

/** How far the log is ahead of a position: through the store's diagnostics when it has them. */
export async function eventsAfter(store: EventStore, position: Position, cap = LAG_COUNT_CAP): Promise<{ count: number; oldestRecordedAt: Date | null }> {
  if (store.diagnostics) return store.diagnostics.eventsAfter(position, cap);
  const behind = await store.readAll({ fromPosition: position, limit: cap });
  return { count: behind.length, oldestRecordedAt: behind[0]?.recordedAt ?? null };
}

/** Checkpoint, lag and failure of each named projection, as every process sees them (from the database). */
export async function projectionStatuses(store: EventStore, db: DataSource | EntityManager, names: readonly string[]): Promise<ProjectionStatus[]> {
  const [checkpoints, failures] = await Promise.all([
    db.query(`SELECT name, position FROM projection_checkpoints WHERE name = ANY($1)`, [names]) as Promise<{ name: string; position: Position }[]>,
    readFailures(db),
  ]);
  const positions = new Map(checkpoints.map((c) => [c.name, c.position]));
  return Promise.all(
    names.map(async (name) => {
      const position = positions.get(name) ?? START;
      const lag = await eventsAfter(store, position);
      const failure = failures.get(name) ?? null;
      return {
        name,
        position,
        eventsBehind: lag.count,
        secondsBehind: lag.oldestRecordedAt ? Math.max(0, (Date.now() - lag.oldestRecordedAt.getTime()) / 1000) : 0,
        lastError: failure?.error ?? null,
        failure,
      };
    }),
  );
}

export async function projectionStatus(store: EventStore, db: DataSource | EntityManager, name: string): Promise<ProjectionStatus> {
  const [status] = await projectionStatuses(store, db, [name]);
  return status;
}
