import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DisputeCaseRow, DisputeTimelineEntry, StaffMemberRow } from '#read-models';
import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import { likePattern } from '../../shared/search.js';
import type { ListDisputesQuery } from './list-disputes.query.js';

/** `mediatorId=none`: the cases waiting for a mediator. */
const UNASSIGNED = 'none';

const SORT_COLUMNS = { receivedOn: 'c.receivedOn', updatedAt: 'c.updatedAt', title: 'c.title', mediatorId: 'c.mediatorId' } as const;

@Injectable()
export class DisputeQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(q: ListDisputesQuery) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const sort = q.sort ?? '-receivedOn';
    const qb = this.ds.getRepository(DisputeCaseRow).createQueryBuilder('c');
    if (q.status === 'ongoing') qb.andWhere(`c.status <> 'closed'`);
    else if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.category) qb.andWhere('c.category = :category', { category: q.category });
    if (q.mediatorId === UNASSIGNED) qb.andWhere('c.mediatorId IS NULL');
    else if (q.mediatorId) qb.andWhere('c.mediatorId = :mediatorId', { mediatorId: q.mediatorId });
    if (q.employerId) qb.andWhere('c.respondentEmployerId = :employerId', { employerId: q.employerId });
    if (q.receivedFrom) qb.andWhere('c.receivedOn >= :from', { from: q.receivedFrom.slice(0, 10) });
    if (q.receivedTo) qb.andWhere('c.receivedOn <= :to', { to: q.receivedTo.slice(0, 10) });
    if (q.q?.trim()) qb.andWhere('c.searchText ILIKE :text', { text: likePattern(q.q.trim()) });
    const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    qb.orderBy(column, sort.startsWith('-') ? 'DESC' : 'ASC').addOrderBy('c.id', 'ASC');
    qb.select(['c.id', 'c.title', 'c.category', 'c.status', 'c.respondentName', 'c.respondentEmployerId', 'c.receivedOn', 'c.claimantCount', 'c.mediatorId', 'c.outcome', 'c.revision', 'c.openedAt', 'c.updatedAt']);
    const [rows, total] = await qb.skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    const names = await this.staffNames(rows.map((r) => r.mediatorId));
    return { items: rows.map((r) => ({ ...r, mediatorName: names.get(r.mediatorId ?? '') ?? null, revision: Number(r.revision) })), page, pageSize, total };
  }

  /** The case row, with its mediator's name beside the id. */
  async get(id: string): Promise<(DisputeCaseRow & { mediatorName: string | null }) | null> {
    const row = await this.ds.getRepository(DisputeCaseRow).findOne({ where: { id } });
    if (!row) return null;
    const names = await this.staffNames([row.mediatorId]);
    return Object.assign(row, { mediatorName: names.get(row.mediatorId ?? '') ?? null });
  }

  /** Staff names from the staff read model (fed by the roster's events). */
  async staffNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const staff = await this.ds.getRepository(StaffMemberRow).find({ where: { id: In(wanted) }, select: { id: true, displayName: true } });
    return new Map(staff.map((s) => [s.id, s.displayName]));
  }

  async timeline(id: string): Promise<DisputeTimelineEntry[]> {
    return this.ds.getRepository(DisputeTimelineEntry).find({ where: { caseId: id }, order: { revision: 'ASC' } });
  }
}
