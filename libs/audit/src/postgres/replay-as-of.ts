import type pg from 'pg';
import { comparePositions, isPosition } from '#event-store';
import { LogVerifier } from '../log-verifier.js';
import type { AuditProblem } from '../problems.js';
import { replay, type AuditedAggregate, type Replayed } from '../replay/audited-aggregate.js';
import type { TrailEvent } from '../trail-event.js';
import { readTrail } from './log-reader.js';

export interface AsOfReplay<S> extends Replayed<S> {
  stream: string;
  /** The last event folded: where the state stands. */
  lastEvent: { revision: string; position: string; recordedAt: string; id: string } | null;
  /** The stream's events up to that moment re-hashed and re-chained: the state rests on unaltered events. */
  chain: { intact: boolean; problems: AuditProblem[] };
}

/**
 * The state of one record as of a moment, from its events (never a read model): `asOf` is a
 * log position (everything at or before it) or an instant (everything recorded by then). Null
 * when the stream has no events at all.
 */
export async function replayAsOf<S>(pool: pg.Pool, aggregate: AuditedAggregate<S>, id: string, asOf?: string, options: { checkChain?: boolean } = {}): Promise<AsOfReplay<S> | null> {
  const stream = aggregate.streamOf(id);
  const after = (e: TrailEvent): boolean => {
    if (asOf === undefined) return false;
    return isPosition(asOf) ? comparePositions(e.position, asOf) > 0 : Date.parse(e.recordedAt) > Date.parse(asOf);
  };
  const events: TrailEvent[] = [];
  let any = false;
  const chain = new LogVerifier([], { maxProblems: 10, tree: false });
  // The bound goes to the database too (a stream's positions and times grow with its revisions); the check below stays exact.
  const bound = asOf === undefined ? {} : isPosition(asOf) ? { throughPosition: asOf } : { toRecordedAt: new Date(asOf) };
  const { rows: exists } = await pool.query(`SELECT 1 FROM es_events WHERE stream_name = $1 LIMIT 1`, [stream]);
  any = exists.length > 0;
  for await (const e of readTrail(pool, { stream, batchSize: 20_000, ...bound })) {
    any = true;
    if (after(e)) continue;
    events.push(e);
    if (options.checkChain !== false) chain.add(e);
  }
  if (!any) return null;
  const last = events[events.length - 1];
  const problems = [...chain.finish().problems];
  return {
    stream,
    ...replay(aggregate, events),
    lastEvent: last ? { revision: last.revision, position: last.position, recordedAt: last.recordedAt, id: last.id } : null,
    chain: { intact: problems.length === 0, problems },
  };
}
