import type pg from 'pg';

/** One look at a person's record: who, whose, when, whether the full numbers were shown. Never the numbers themselves. */
export interface AuditRead {
  readAt: string;
  staffId: string;
  role: string;
  subjectKind: 'worker';
  subjectId: string;
  fullNumbers: boolean;
  correlationId: string | null;
}

/** Who looked at whose personal data: kept in a table of its own (a read changes no record, so it is no event). */
export class AuditReads {
  constructor(private readonly pool: pg.Pool) {}

  async record(read: AuditRead): Promise<void> {
    await this.pool.query(
      `INSERT INTO audit_reads (read_at, staff_id, role, subject_kind, subject_id, full_numbers, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [read.readAt, read.staffId, read.role, read.subjectKind, read.subjectId, read.fullNumbers, read.correlationId],
    );
  }

  async list(filter: { staffId?: string; subjectId?: string; limit?: number }): Promise<AuditRead[]> {
    const { rows } = await this.pool.query<{ read_at: Date; staff_id: string; role: string; subject_kind: 'worker'; subject_id: string; full_numbers: boolean; correlation_id: string | null }>(
      `SELECT * FROM audit_reads WHERE ($1::text IS NULL OR staff_id = $1) AND ($2::text IS NULL OR subject_id = $2) ORDER BY read_at DESC, id DESC LIMIT $3`,
      [filter.staffId ?? null, filter.subjectId ?? null, filter.limit ?? 100],
    );
    return rows.map((r) => ({ readAt: r.read_at.toISOString(), staffId: r.staff_id, role: r.role, subjectKind: r.subject_kind, subjectId: r.subject_id, fullNumbers: r.full_numbers, correlationId: r.correlation_id }));
  }
}
