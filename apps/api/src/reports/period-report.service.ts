import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatYuan, type Bilingual, type Lang } from '#domain';
import { comparePositions, isPosition, parsePosition, START, toPosition } from '#event-store';
import { PG_POOL } from '#platform';
import { readCheckpoint } from '#projections';
import { positionKey, reportFactsProjection } from '#read-models';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { eventsOf, PERIOD_QUERIES, sourceOf } from './period-report.queries.js';

/** One figure of the period report: a named query, what it counts beside it, and where it comes from. */
export interface ReportFigure {
  /** Stable name of the figure (the named query). */
  name: string;
  label: string;
  /** `count` figures are people, cases, units…; `money` figures are whole fen. */
  kind: 'count' | 'money';
  /**
   * The count, or the amount in fen; null for an amount beyond what a JSON number holds exactly
   * (more than 9,007,199,254,740,991 fen: only stored history from before the ceiling on
   * entered amounts can add up to that), whose exact fen are in `fen`.
   */
  value: number | null;
  /** Money only: the amount in fen exactly, as decimal digits (summed in SQL as numeric, never through a float). */
  fen?: string;
  /** Money only: the amount in yuan as the kernel formats it (formatYuan). */
  yuan?: string;
  /** The day the figure stands on, for figures taken on a day rather than over the period. */
  on?: string;
  definition: string;
  /** The facts it reads and the events behind them (and the stats route giving the same figure). */
  source: string;
  /** The event types behind it: what recorded its facts, then what withdrew them. */
  events: string[];
}

/** Where in the log the figures stand. */
export interface ReportPosition {
  /** What was asked (`asOf` as sent), or null: the latest the report's facts know. */
  requested: string | null;
  /** The log position the figures stand at: every event up to it and none after. */
  position: string;
  /** When the event at that position was recorded (null: before the first event). */
  recordedAt: string | null;
  /** False when the report's facts had not yet reached the moment asked for (the answer then stands at `position`, earlier). */
  complete: boolean;
}

export interface PeriodReport {
  from: string;
  to: string;
  lang: Lang;
  title: string;
  asOf: ReportPosition;
  figures: ReportFigure[];
}

const XID8_MAX = 2n ** 64n - 1n;
const BIGINT_MAX = 2n ** 63n - 1n;

/**
 * A money figure as SQL summed it (numeric: exact at any size). Stored history may hold amounts
 * from before the ceiling on entered amounts whose sum leaves the safe-integer range: the report
 * still shows it, exactly (the yuan and `fen` from the digits), rather than refusing the whole
 * report to everyone with an error about the figures' kind of number; only `value` is null then.
 */
export function exactFen(text: string): { exact: bigint; fen: string; value: number | null } {
  const exact = BigInt(text);
  const value = exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(exact) + 0 : null;
  return { exact, fen: exact.toString(), value };
}

const TITLE: Bilingual = { zh: '工会工作期间报告', en: 'Period report of the union’s work' };

/** The named queries as one statement: one round trip, one snapshot, every figure at the same position. */
const ALL_FIGURES_SQL = `SELECT ${PERIOD_QUERIES.map((q) => `(SELECT ${q.column ?? 'value'} FROM (${q.sql}) q) AS ${q.name}`).join(',\n       ')}`;

/**
 * The seed's five-year table as named queries over the report's facts (`report_facts`), read as
 * they stood at one log position: the latest the facts know, or an earlier moment (`asOf`).
 */
@Injectable()
export class PeriodReportService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /** The last event recorded at or before an instant, or at or before a position (so never past the log's end); START before the first. */
  async positionOf(asOf: string): Promise<string> {
    let rows: { tx: string; seq: string }[];
    if (isPosition(asOf)) {
      const { tx, seq } = parsePosition(asOf);
      rows = await this.ds.query(
        `SELECT tx_id::text AS tx, seq::text AS seq FROM es_events WHERE (tx_id, seq) <= ($1::xid8, $2::bigint) ORDER BY tx_id DESC, seq DESC LIMIT 1`,
        // A position may name more than the columns hold (20 digits each): past the end is the end.
        [(tx > XID8_MAX ? XID8_MAX : tx).toString(), (tx > XID8_MAX || seq > BIGINT_MAX ? BIGINT_MAX : seq).toString()],
      );
    } else {
      rows = await this.ds.query(`SELECT tx_id::text AS tx, seq::text AS seq FROM es_events WHERE recorded_at <= $1::timestamptz ORDER BY tx_id DESC, seq DESC LIMIT 1`, [asOf]);
    }
    return rows[0] ? toPosition(rows[0].tx, rows[0].seq) : START;
  }

  /** Where the report stands: `wanted` (a position from positionOf), or the facts' checkpoint if they are not there yet. */
  async standing(requested: string | null, wanted: string | null): Promise<ReportPosition> {
    const { position: checkpoint } = await readCheckpoint(this.ds, reportFactsProjection.name);
    const position = wanted !== null && comparePositions(wanted, checkpoint) <= 0 ? wanted : checkpoint;
    let recordedAt: string | null = null;
    if (position !== START) {
      const { tx, seq } = parsePosition(position);
      const [row] = await this.ds.query(`SELECT recorded_at FROM es_events WHERE tx_id = $1::xid8 AND seq = $2::bigint`, [tx.toString(), seq.toString()]);
      recordedAt = row ? new Date(row.recorded_at).toISOString() : null;
    }
    return { requested, position, recordedAt, complete: wanted === null || position === wanted };
  }

  async forPeriod(from: string, to: string, lang: Lang, at: ReportPosition): Promise<PeriodReport> {
    // A named statement: each connection parses and plans it once (planning the fifteen queries costs more than running them on a town's facts).
    const { rows } = await this.pool.query<Record<string, string>>({ name: 'period-report-figures', text: ALL_FIGURES_SQL, values: [from, to, positionKey(at.position)] });
    const row = rows[0];
    const figures: ReportFigure[] = PERIOD_QUERIES.map((q) => {
      const money = q.kind === 'money' ? exactFen(row![q.name]!) : null;
      return {
        name: q.name,
        label: q.label[lang],
        kind: q.kind,
        value: money ? money.value : Number(row![q.name]),
        ...(money ? { fen: money.fen, yuan: formatYuan(money.exact, lang) } : {}),
        ...(q.on ? { on: q.on === 'from' ? from : to } : {}),
        definition: q.definition[lang],
        source: sourceOf(q),
        events: eventsOf(q),
      };
    });
    return { from, to, lang, title: TITLE[lang], asOf: at, figures };
  }
}
