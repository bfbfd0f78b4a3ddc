import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { maskPhone, maskResidentId } from '#domain';
import { EmployerRow, WorkerRow } from '#read-models';
import type { DataSource } from 'typeorm';
import { WORKER_MONEY_COLUMNS, type WorkerCaseMoney } from '../../recovery/queries/party-money.dto.js';
import { likePattern } from '../../shared/search.js';
import type { ListWorkersQuery } from './list-workers.query.js';

export interface WorkerCase {
  caseId: string;
  claimantId: string;
  title: string;
  category: string;
  status: string;
  outcome: string | null;
  receivedOn: string;
  respondentName: string;
  mediatorId: string | null;
  /** The worker's money in the case (issue 10); null until the case's recovery ledger opens. */
  recovery: WorkerCaseMoney | null;
}

@Injectable()
export class WorkerQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Lists never carry a full ID or phone number, whoever asks. */
  async list(q: ListWorkersQuery) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const qb = this.ds.getRepository(WorkerRow).createQueryBuilder('w').leftJoin(EmployerRow, 'e', 'e.id = w.employerId');
    if (q.q?.trim()) qb.andWhere('w.name ILIKE :name', { name: likePattern(q.q.trim()) });
    if (q.idNumber?.trim()) qb.andWhere('w.idNumber = :idNumber', { idNumber: q.idNumber.trim().toUpperCase() });
    if (q.employerId) qb.andWhere('w.employerId = :employerId', { employerId: q.employerId });
    qb.select(['w.id', 'w.name', 'w.idNumber', 'w.phone', 'w.employerId', 'w.registeredAt']).addSelect('e.name', 'employerName');
    qb.orderBy('w.name', 'ASC').addOrderBy('w.id', 'ASC').offset((page - 1) * pageSize).limit(pageSize);
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    const items = entities.map((w, i) => ({
      id: w.id,
      name: w.name,
      idNumber: maskResidentId(w.idNumber),
      phone: w.phone === null ? null : maskPhone(w.phone),
      employerId: w.employerId,
      employerName: (raw[i] as { employerName: string | null }).employerName,
      registeredAt: w.registeredAt.toISOString(),
    }));
    return { items, page, pageSize, total };
  }

  async get(id: string): Promise<{ worker: WorkerRow; employerName: string | null } | null> {
    const worker = await this.ds.getRepository(WorkerRow).findOne({ where: { id } });
    if (!worker) return null;
    const employer = worker.employerId ? await this.ds.getRepository(EmployerRow).findOne({ where: { id: worker.employerId } }) : null;
    return { worker, employerName: employer?.name ?? null };
  }

  /** Every case the worker is a claimant in, newest application first. */
  async cases(workerId: string): Promise<WorkerCase[]> {
    const rows: (Omit<WorkerCase, 'receivedOn'> & { receivedOn: Date | string })[] = await this.ds.query(
      `SELECT d.id AS "caseId", c.claimant_id AS "claimantId", d.title, d.category, d.status, d.outcome,
              to_char(d.received_on, 'YYYY-MM-DD') AS "receivedOn", d.respondent_name AS "respondentName", d.mediator_id AS "mediatorId",
              ${WORKER_MONEY_COLUMNS}
       FROM dispute_claimants c JOIN dispute_cases d ON d.id = c.case_id
       LEFT JOIN recovery_workers rw ON rw.case_id = c.case_id AND rw.claimant_id = c.claimant_id
       WHERE c.worker_id = $1
       ORDER BY d.received_on DESC, d.id`,
      [workerId],
    );
    return rows.map((r) => ({ ...r, receivedOn: String(r.receivedOn) }));
  }
}
