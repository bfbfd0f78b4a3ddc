import { DomainError } from '#domain';
import type { EventStore, Position, RecordedEvent } from '#event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { failedEvent, type FailedEvent } from './apply.js';
import { lockCheckpoint } from './checkpoints.js';
import { readFailure, type ProjectionFailure } from './failures.js';

/** Who asked for a skip: a staff member through the API, or the system for the CLI. */
export interface SkipActor {
  staffId: string;
  role: string;
}

/** An administrator's request to pass over the one event a projection is stuck on. */
export interface SkipRequest {
  projection: string;
  eventId: string;
  reason: string;
  by: SkipActor;
  correlationId: string;
}

/** A skip as recorded in `projection_skips`: the event passed over, why, by whom and when. */
export interface ProjectionSkip {
  projection: string;
  event: FailedEvent;
  /** The error the projection failed with on this event. */
  error: string;
  reason: string;
  skippedBy: SkipActor;
  correlationId: string;
  /** ISO instant. */
  skippedAt: string;
}

export const REASON_MAX_LENGTH = 2000;

/**
 * A skip refused: a broken rule (422) or a state that does not allow it now (409), naming the
 * request's fields it concerns. Extends DomainError, so every caller that shows a rule's code
 * and messages shows this one too.
 */
export class SkipRefused extends DomainError {
  constructor(
    code: string,
    messages: { zh: string; en: string },
    /** 409: the projection is not (or no longer, or not yet) where the request says; 422: the request itself breaks a rule. */
    readonly status: 409 | 422,
    /** The request's fields the refusal concerns: `projection`, `eventId`, `reason`. */
    readonly fields: readonly string[],
    details: Record<string, unknown> = {},
  ) {
    super(code, messages, details);
    this.name = 'SkipRefused';
  }
}

/** What a skip is judged on, all read under the checkpoint's lock. */
export interface SkipState {
  /** The projection's checkpoint. */
  checkpoint: Position;
  /** The failure on record for the projection, if any. */
  failure: ProjectionFailure | null;
  /** The first event of the log after the checkpoint, if any. */
  next: RecordedEvent | null;
}

function where(e: FailedEvent): string {
  return `${e.id} (${e.type}, stream ${e.streamName} revision ${e.streamRevision}, position ${e.position})`;
}

/** What the request itself must be, whatever the projection's state: a projection there is, and a reason. */
export function checkSkipRequest(known: readonly string[], request: Pick<SkipRequest, 'projection' | 'reason'>): void {
  const { projection } = request;
  if (!known.includes(projection)) {
    throw new SkipRefused('PROJECTION_UNKNOWN', { zh: `没有名为 ${projection} 的投影`, en: `there is no projection named ${projection}` }, 422, ['projection'], { known });
  }
  const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
  if (!reason) {
    throw new SkipRefused('SKIP_REASON_REQUIRED', { zh: '跳过事件须说明理由', en: 'a reason is required to skip an event' }, 422, ['reason']);
  }
  if (reason.length > REASON_MAX_LENGTH) {
    throw new SkipRefused('SKIP_REASON_TOO_LONG', { zh: `理由不能超过 ${REASON_MAX_LENGTH} 个字符`, en: `the reason must be at most ${REASON_MAX_LENGTH} characters` }, 422, ['reason']);
  }
}

/**
 * The rule, without I/O: a projection may pass over exactly the event it is stuck on, the one
 * the failure on record names, and only while its checkpoint is right before that event; a
 * reason is required. Answers the event to pass over, or throws SkipRefused.
 */
export function decideSkip(known: readonly string[], state: SkipState, request: Pick<SkipRequest, 'projection' | 'eventId' | 'reason'>): FailedEvent {
  checkSkipRequest(known, request);
  const { projection } = request;
  const stuck = state.failure?.event ?? null;
  if (!stuck) {
    throw new SkipRefused(
      'PROJECTION_NOT_STUCK',
      state.failure
        ? { zh: `投影 ${projection} 的故障与具体事件无关（${state.failure.error}），没有可跳过的事件`, en: `projection ${projection} is failing, but not on an event (${state.failure.error}): there is no event to skip` }
        : { zh: `投影 ${projection} 没有卡在任何事件上，不能跳过事件`, en: `projection ${projection} is not stuck on any event: there is nothing to skip` },
      409,
      ['eventId'],
    );
  }
  if (stuck.id !== request.eventId.toLowerCase()) {
    throw new SkipRefused(
      'NOT_THE_STUCK_EVENT',
      { zh: `投影 ${projection} 卡在事件 ${stuck.id} 上，而不是 ${request.eventId}：只能跳过它卡住的那个事件`, en: `projection ${projection} is stuck on event ${stuck.id}, not ${request.eventId}: only the event it is stuck on can be skipped` },
      409,
      ['eventId'],
      { stuckOn: stuck },
    );
  }
  if (state.next?.id !== stuck.id) {
    // The runner has not yet committed the events before it (or is already past it): the failure on record is not where the projection is.
    throw new SkipRefused(
      'PROJECTION_NOT_AT_EVENT',
      {
        zh: `投影 ${projection} 的检查点（${state.checkpoint}）不在事件 ${stuck.id} 之前紧邻的位置，请稍后再试`,
        en: `projection ${projection}'s checkpoint (${state.checkpoint}) is not right before event ${where(stuck)}: try again in a moment`,
      },
      409,
      ['eventId'],
      { checkpoint: state.checkpoint, stuckOn: stuck },
    );
  }
  return failedEvent(state.next);
}

interface SkipRow {
  projection: string;
  event_id: string;
  event_type: string;
  stream_name: string;
  stream_revision: string;
  event_position: string;
  error: string;
  reason: string;
  skipped_by: string;
  skipped_by_role: string;
  correlation_id: string;
  skipped_at: Date;
}

function toSkip(r: SkipRow): ProjectionSkip {
  return {
    projection: r.projection,
    event: { id: r.event_id, type: r.event_type, streamName: r.stream_name, streamRevision: String(r.stream_revision), position: r.event_position as Position },
    error: r.error,
    reason: r.reason,
    skippedBy: { staffId: r.skipped_by, role: r.skipped_by_role },
    correlationId: r.correlation_id,
    skippedAt: r.skipped_at.toISOString(),
  };
}

/** The skips recorded for these projections, oldest first, by projection name. */
export async function readSkips(db: DataSource | EntityManager, names: readonly string[]): Promise<Map<string, ProjectionSkip[]>> {
  const rows: SkipRow[] = await db.query(`SELECT * FROM projection_skips WHERE projection = ANY($1) ORDER BY skipped_at, event_position`, [names]);
  const byName = new Map<string, ProjectionSkip[]>(names.map((n) => [n, []]));
  for (const r of rows) byName.get(r.projection)?.push(toSkip(r));
  return byName;
}

export interface SkipLogger {
  warn(message: string, context?: Record<string, unknown>): void;
}

/**
 * Passes a projection over the one event it is stuck on, for good: in one transaction, under
 * the checkpoint's lock, the checkpoint moves from right before the event to the event (a
 * guarded UPDATE), the skip is recorded in `projection_skips` and the failure on record goes.
 * A running runner picks up from the new checkpoint at its next attempt (an attempt that was
 * waiting on the lock finds the event already behind the checkpoint). Logged once, at warn,
 * without the reason (free text may name people; it is kept in the table).
 * The only way in: the API and the CLI both call this.
 */
export async function skipProjectionEvent(store: EventStore, ds: DataSource, known: readonly string[], request: SkipRequest, logger: SkipLogger): Promise<ProjectionSkip> {
  checkSkipRequest(known, request); // before any lock
  const skip = await ds.transaction(async (em) => {
    const checkpoint = await lockCheckpoint(em, request.projection);
    const failure = await readFailure(em, request.projection);
    const [next] = failure?.event ? await store.readAll({ fromPosition: checkpoint, limit: 1 }) : [];
    const event = decideSkip(known, { checkpoint, failure, next: next ?? null }, request);
    const moved: [unknown[], number] = await em.query(`UPDATE projection_checkpoints SET position = $3, updated_at = now() WHERE name = $1 AND position = $2`, [
      request.projection,
      checkpoint,
      event.position,
    ]);
    if (moved[1] !== 1) throw new Error(`projection ${request.projection}: its checkpoint moved while locked`);
    const [row]: SkipRow[] = await em.query(
      `INSERT INTO projection_skips (projection, event_id, event_type, stream_name, stream_revision, event_position, error, reason, skipped_by, skipped_by_role, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        request.projection,
        event.id,
        event.type,
        event.streamName,
        event.streamRevision,
        event.position,
        failure!.error,
        request.reason.trim(),
        request.by.staffId,
        request.by.role,
        request.correlationId,
      ],
    );
    await em.query(`DELETE FROM projection_failures WHERE name = $1`, [request.projection]);
    return toSkip(row);
  });
  logger.warn(`projection ${skip.projection}: event ${where(skip.event)} skipped for good by ${skip.skippedBy.staffId} (${skip.skippedBy.role}); checkpoint moved to ${skip.event.position}; the reason is in projection_skips`, {
    projection: skip.projection,
    eventId: skip.event.id,
    correlationId: skip.correlationId,
  });
  return skip;
}
