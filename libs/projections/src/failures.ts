import type { Position } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';
import type { FailedEvent } from './apply.js';

/**
 * A projection that cannot go on: kept in `projection_failures` so that every process (an API
 * started apart from the worker, too) can report it. The row stays while the projection keeps
 * failing and goes when it moves past the event.
 */
export interface ProjectionFailure {
  projection: string;
  /** The event it stopped at; null when the failure is not an event's (the database is away). */
  event: FailedEvent | null;
  error: string;
  /** When this failure began (ISO instant). */
  since: string;
  lastAttemptAt: string;
  attempts: number;
  /** When the runner tries again, after its backoff. */
  nextAttemptAt: string;
  /** host:pid of the runner that reported it. */
  reportedBy: string;
}

interface FailureRow {
  name: string;
  event_id: string | null;
  event_type: string | null;
  stream_name: string | null;
  stream_revision: string | null;
  event_position: string | null;
  error: string;
  failing_since: Date;
  last_attempt_at: Date;
  attempts: number;
  next_attempt_at: Date;
  reported_by: string;
}

type Db = DataSource | EntityManager;

export async function recordFailure(db: Db, f: ProjectionFailure): Promise<void> {
  await db.query(
    `INSERT INTO projection_failures (name, event_id, event_type, stream_name, stream_revision, event_position, error, failing_since, last_attempt_at, attempts, next_attempt_at, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (name) DO UPDATE SET event_id = $2, event_type = $3, stream_name = $4, stream_revision = $5, event_position = $6, error = $7,
       failing_since = $8, last_attempt_at = $9, attempts = $10, next_attempt_at = $11, reported_by = $12`,
    [
      f.projection,
      f.event?.id ?? null,
      f.event?.type ?? null,
      f.event?.streamName ?? null,
      f.event?.streamRevision ?? null,
      f.event?.position ?? null,
      f.error,
      f.since,
      f.lastAttemptAt,
      f.attempts,
      f.nextAttemptAt,
      f.reportedBy,
    ],
  );
}

export async function clearFailure(db: Db, projection: string): Promise<boolean> {
  const result: [unknown[], number] = await db.query(`DELETE FROM projection_failures WHERE name = $1 RETURNING name`, [projection]);
  return result[1] > 0;
}

function toFailure(r: FailureRow): ProjectionFailure {
  return {
    projection: r.name,
    event:
      r.event_id && r.event_position
        ? { id: r.event_id, type: r.event_type ?? '', streamName: r.stream_name ?? '', streamRevision: r.stream_revision ?? '', position: r.event_position as Position }
        : null,
    error: r.error,
    since: r.failing_since.toISOString(),
    lastAttemptAt: r.last_attempt_at.toISOString(),
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at.toISOString(),
    reportedBy: r.reported_by,
  };
}

export async function readFailure(db: Db, projection: string): Promise<ProjectionFailure | null> {
  const rows: FailureRow[] = await db.query(`SELECT * FROM projection_failures WHERE name = $1`, [projection]);
  return rows[0] ? toFailure(rows[0]) : null;
}

export async function readFailures(db: Db): Promise<Map<string, ProjectionFailure>> {
  const rows: FailureRow[] = await db.query(`SELECT * FROM projection_failures`);
  return new Map(rows.map((r) => [r.name, toFailure(r)]));
}

/** One sentence for a health answer or a log line. */
export function describeFailure(f: ProjectionFailure): string {
  const where = f.event
    ? `stuck at event ${f.event.id} (${f.event.type}, stream ${f.event.streamName} revision ${f.event.streamRevision}, position ${f.event.position})`
    : 'failing';
  return `${where} since ${f.since}, ${f.attempts} attempt${f.attempts === 1 ? '' : 's'}: ${f.error}`;
}
