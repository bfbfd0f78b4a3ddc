import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskPhonesIn } from '#domain';
import { EmployerRow } from '#read-models';
import type { DataSource } from 'typeorm';
import { employerOwed } from '../../recovery/queries/party-money.dto.js';
import { likePattern } from '../../shared/search.js';
import type { ListEmployersQuery } from './list-employers.query.js';

/** The cases shown on an employer's page; the total says how many there are in all. */
const CASES_SHOWN = 200;

@Injectable()
export class EmployerQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Lists never carry a full phone number, whoever asks. */
  async list(q: ListEmployersQuery) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const qb = this.ds.getRepository(EmployerRow).createQueryBuilder('e');
    if (q.q?.trim()) qb.andWhere('e.name ILIKE :name', { name: likePattern(q.q.trim()) });
    if (q.creditCode?.trim()) qb.andWhere('e.creditCode = :code', { code: q.creditCode.trim().toUpperCase() });
    qb.orderBy('e.name', 'ASC').addOrderBy('e.id', 'ASC').skip((page - 1) * pageSize).take(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const items = rows.map((e) => ({ ...e, contact: e.contact === null ? null : maskPhonesIn(e.contact), revision: Number(e.revision), registeredAt: e.registeredAt.toISOString() }));
    return { items, page, pageSize, total };
  }

  async get(id: string): Promise<EmployerRow | null> {
    return this.ds.getRepository(EmployerRow).findOne({ where: { id } });
  }

  /** The cases in which the employer is the respondent, newest application first. */
  async cases(employerId: string) {
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT d.id AS "caseId", d.title, d.category, d.status, d.outcome, to_char(d.received_on, 'YYYY-MM-DD') AS "receivedOn",
                d.claimant_count AS "claimantCount", d.mediator_id AS "mediatorId", r.outstanding_fen::float8 AS "recoveryOutstandingFen"
         FROM dispute_cases d LEFT JOIN recoveries r ON r.case_id = d.id
         WHERE d.respondent_employer_id = $1 ORDER BY d.received_on DESC, d.id LIMIT ${CASES_SHOWN}`,
        [employerId],
      ),
      this.ds.query(`SELECT count(*)::int AS total FROM dispute_cases WHERE respondent_employer_id = $1`, [employerId]),
    ]);
    return { total: total as number, items: rows as Record<string, unknown>[] };
  }

  /** What the employer owes across its cases (issue 10), from the recovery ledgers. */
  async owed(employerId: string) {
    return employerOwed((sql, params) => this.ds.query(sql, params), employerId);
  }
}
