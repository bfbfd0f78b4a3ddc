import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AidDisbursementRow, AidFundRow, AidIncomeRow, AidProgrammeRow, AidTimelineEntry, StaffMemberRow } from '#read-models';
import { In, type DataSource } from 'typeorm';
import { requireExactTotals } from '#domain';

export interface Range {
  from?: string;
  to?: string;
}

const money = (v: string | number | null | undefined) => Number(v ?? 0);

/** Reads of the aid fund's read models (projection `aid-funds`). */
@Injectable()
export class AidQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  fundView(row: AidFundRow) {
    const incomeFen = money(row.incomeFen);
    const paidFen = money(row.paidFen);
    const committedFen = money(row.committedFen);
    requireExactTotals({ incomeFen, paidFen, committedFen });
    const balanceFen = incomeFen - paidFen;
    return { id: row.id, name: row.name, kind: row.kind, incomeFen, paidFen, committedFen, balanceFen, availableFen: balanceFen - committedFen, revision: Number(row.revision), openedAt: row.openedAt.toISOString() };
  }

  async funds() {
    const rows = await this.ds.getRepository(AidFundRow).find({ order: { openedAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => this.fundView(r));
  }

  fund(id: string): Promise<AidFundRow | null> {
    return this.ds.getRepository(AidFundRow).findOne({ where: { id } });
  }

  /** Income by source and each entry, in the range (by the day received; a reversal on the day of what it reverses). */
  async income(fundId: string, range: Range) {
    const qb = this.ds.getRepository(AidIncomeRow).createQueryBuilder('i').where('i.fundId = :fundId', { fundId });
    if (range.from) qb.andWhere('i.receivedOn >= :from', { from: range.from });
    if (range.to) qb.andWhere('i.receivedOn <= :to', { to: range.to });
    const rows = await qb.orderBy('i.receivedOn', 'ASC').addOrderBy('i.recordedAt', 'ASC').getMany();
    const bySource = new Map<string, number>();
    for (const r of rows) bySource.set(r.source, (bySource.get(r.source) ?? 0) + money(r.amountFen));
    return {
      totalFen: rows.reduce((s, r) => s + money(r.amountFen), 0),
      bySource: [...bySource].map(([source, amountFen]) => ({ source, amountFen })),
      entries: rows.map((r) => ({
        entryId: r.entryId,
        source: r.source,
        amountFen: money(r.amountFen),
        receivedOn: r.receivedOn,
        reference: r.reference,
        donor: r.donorName ? { name: r.donorName, receiptNumber: r.receiptNumber } : null,
        correctsEntryId: r.correctsEntryId,
        reason: r.reason,
        recordedBy: r.recordedBy,
      })),
    };
  }

  /** Per programme: requested (by the day requested), approved (by the day approved, still approved or paid) and paid (by the day paid). */
  async disbursementsByProgramme(fundId: string | null, range: Range) {
    const params: unknown[] = [range.from ?? '0001-01-01', range.to ?? '9999-12-31'];
    const fundFilter = fundId ? `AND fund_id = $3` : '';
    if (fundId) params.push(fundId);
    const rows: { programme_id: string; programme_name: string; programme_kind: string; requested_count: string; requested_fen: string; approved_count: string; approved_fen: string; paid_count: string; paid_fen: string }[] = await this.ds.query(
      `SELECT programme_id, min(programme_name) AS programme_name, min(programme_kind) AS programme_kind,
              count(*) FILTER (WHERE requested_on BETWEEN $1 AND $2) AS requested_count,
              coalesce(sum(amount_fen) FILTER (WHERE requested_on BETWEEN $1 AND $2), 0) AS requested_fen,
              count(*) FILTER (WHERE approved_on BETWEEN $1 AND $2 AND status IN ('approved', 'paid')) AS approved_count,
              coalesce(sum(amount_fen) FILTER (WHERE approved_on BETWEEN $1 AND $2 AND status IN ('approved', 'paid')), 0) AS approved_fen,
              count(*) FILTER (WHERE paid_on BETWEEN $1 AND $2) AS paid_count,
              coalesce(sum(amount_fen) FILTER (WHERE paid_on BETWEEN $1 AND $2), 0) AS paid_fen
         FROM aid_disbursements WHERE true ${fundFilter}
        GROUP BY programme_id ORDER BY min(programme_name)`,
      params,
    );
    return rows
      .map((r) => ({
        programmeId: r.programme_id,
        programmeName: r.programme_name,
        programmeKind: r.programme_kind,
        requested: { count: Number(r.requested_count), amountFen: money(r.requested_fen) },
        approved: { count: Number(r.approved_count), amountFen: money(r.approved_fen) },
        paid: { count: Number(r.paid_count), amountFen: money(r.paid_fen) },
      }))
      .filter((p) => p.requested.count + p.approved.count + p.paid.count > 0);
  }

  async disbursements(q: { status?: string; fundId?: string; programmeId?: string; page?: number; pageSize?: number }) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const qb = this.ds.getRepository(AidDisbursementRow).createQueryBuilder('d');
    const status = q.status === 'awaiting_approval' ? 'requested' : q.status;
    if (status) qb.andWhere('d.status = :status', { status });
    if (q.fundId) qb.andWhere('d.fundId = :fundId', { fundId: q.fundId });
    if (q.programmeId) qb.andWhere('d.programmeId = :programmeId', { programmeId: q.programmeId });
    // The approval queue reads oldest first: the longest waiting comes first.
    qb.orderBy('d.requestedAt', 'ASC').addOrderBy('d.id', 'ASC');
    const [rows, total] = await qb.skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    const names = await this.staffNames(rows.flatMap((r) => [r.requestedBy, r.approvedBy]));
    return { items: rows.map((r) => this.disbursementView(r, names)), page, pageSize, total };
  }

  disbursementView(r: AidDisbursementRow, names: Map<string, string>) {
    return {
      id: r.id,
      fundId: r.fundId,
      programmeId: r.programmeId,
      programmeKind: r.programmeKind,
      programmeName: r.programmeName,
      beneficiary: { kind: r.beneficiaryKind, id: r.beneficiaryId, name: r.beneficiaryName },
      amountFen: money(r.amountFen),
      year: r.year,
      status: r.status,
      requestedBy: r.requestedBy,
      requestedByName: names.get(r.requestedBy) ?? null,
      requestedAt: r.requestedAt.toISOString(),
      approvedBy: r.approvedBy,
      approvedByName: r.approvedBy ? (names.get(r.approvedBy) ?? null) : null,
      approvedOn: r.approvedOn,
      paidOn: r.paidOn,
      revision: r.version,
      detail: r.detail,
    };
  }

  async disbursement(id: string) {
    const row = await this.ds.getRepository(AidDisbursementRow).findOne({ where: { id } });
    if (!row) return null;
    return this.disbursementView(row, await this.staffNames([row.requestedBy, row.approvedBy]));
  }

  async programmes(fundId?: string) {
    const rows = await this.ds.getRepository(AidProgrammeRow).find({ where: fundId ? { fundId } : {}, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => this.programmeView(r));
  }

  programmeView(r: AidProgrammeRow) {
    return { id: r.id, kind: r.kind, name: r.name, fundId: r.fundId, season: r.seasonFrom && r.seasonTo ? { from: r.seasonFrom, to: r.seasonTo } : null, perBeneficiaryCapFen: money(r.capFen), active: r.active, revision: Number(r.revision) };
  }

  programme(id: string): Promise<AidProgrammeRow | null> {
    return this.ds.getRepository(AidProgrammeRow).findOne({ where: { id } });
  }

  timeline(where: { fundId?: string; programmeId?: string; disbursementId?: string }): Promise<AidTimelineEntry[]> {
    return this.ds.getRepository(AidTimelineEntry).find({ where, order: { occurredAt: 'ASC', revision: 'ASC' } });
  }

  async staffNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const staff = await this.ds.getRepository(StaffMemberRow).find({ where: { id: In(wanted) }, select: { id: true, displayName: true } });
    return new Map(staff.map((s) => [s.id, s.displayName]));
  }
}
