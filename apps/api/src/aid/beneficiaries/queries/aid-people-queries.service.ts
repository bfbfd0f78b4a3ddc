import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { describeBeneficiaryEvent, maskPhone, maskResidentId, type BeneficiaryEvent, type Lang } from '#domain';
import type { DataSource } from 'typeorm';
import { likePattern } from '../../../shared/search.js';

const day = (column: string, as: string) => `to_char(${column}, 'YYYY-MM-DD') AS "${as}"`;
const paging = (q: { page?: number; pageSize?: number }) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

export interface HistoryEntry {
  revision: number;
  type: string;
  occurredAt: string;
  actorStaffId: string;
  text: string;
}

/**
 * The aid people read models: households, model workers, students and care visits. Lists never
 * carry a full ID or phone number; the worker's numbers come masked from the worker row.
 */
@Injectable()
export class AidPeopleQueries {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async households(q: { status?: string; q?: string; singleMother?: boolean; page?: number; pageSize?: number }) {
    const { page, pageSize } = paging(q);
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.status) where.push(`h.status = $${args.push(q.status)}`);
    if (q.q?.trim()) where.push(`h.worker_name ILIKE $${args.push(likePattern(q.q.trim()))}`);
    if (q.singleMother !== undefined) where.push(`h.single_mother = $${args.push(q.singleMother)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT h.id, h.worker_id AS "workerId", h.worker_name AS "workerName", w.id_number AS "idNumber", w.phone,
                h.status, h.household_size AS "householdSize", h.cause, h.monthly_income_per_person_fen AS "income",
                h.single_mother AS "singleMother", ${day('h.first_opened_on', 'firstOpenedOn')}, ${day('h.opened_on', 'openedOn')},
                ${day('h.closed_on', 'closedOn')}, h.revision
         FROM aid_households h LEFT JOIN workers w ON w.id = h.worker_id
         ${filter} ORDER BY h.worker_name, h.id OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize}`,
        args,
      ),
      this.ds.query<{ total: string }[]>(`SELECT count(*) AS total FROM aid_households h ${filter}`, args),
    ]);
    return { items: rows.map(householdItem), page, pageSize, total: Number(total) };
  }

  async household(id: string) {
    const [row] = await this.ds.query(
      `SELECT h.id, h.worker_id AS "workerId", h.worker_name AS "workerName", w.id_number AS "idNumber", w.phone,
              h.status, h.household_size AS "householdSize", h.cause, h.monthly_income_per_person_fen AS "income",
              h.single_mother AS "singleMother", ${day('h.first_opened_on', 'firstOpenedOn')}, ${day('h.opened_on', 'openedOn')},
              ${day('h.closed_on', 'closedOn')}, h.revision, h.detail
       FROM aid_households h LEFT JOIN workers w ON w.id = h.worker_id WHERE h.id = $1`,
      [id],
    );
    if (!row) return null;
    const students = await this.ds.query(`SELECT id, name, school, grade, revision FROM aid_students WHERE household_id = $1 ORDER BY name, id`, [id]);
    const [visits] = await this.ds.query(
      `SELECT count(*) AS "visits", ${day('max(visited_on)', 'lastVisitedOn')} FROM aid_care_visits WHERE visitee_id = $1 AND NOT withdrawn`,
      [id],
    );
    const detail = row.detail as { causeNote?: string; periods: { openedOn: string; closedOn: string | null }[] };
    return {
      ...householdItem(row),
      causeNote: detail.causeNote ?? null,
      periods: detail.periods,
      students: students.map((s: { id: string; name: string; school: string; grade: string; revision: string }) => ({ ...s, revision: Number(s.revision) })),
      personVisits: Number(visits.visits),
      lastVisitedOn: visits.lastVisitedOn as string | null,
    };
  }

  async modelWorkers(q: { level?: string; q?: string; onRoll?: boolean; page?: number; pageSize?: number }) {
    const { page, pageSize } = paging(q);
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.level) where.push(`m.level = $${args.push(q.level)}`);
    if (q.q?.trim()) where.push(`m.worker_name ILIKE $${args.push(likePattern(q.q.trim()))}`);
    if (q.onRoll !== undefined) where.push(q.onRoll ? 'm.removed_on IS NULL' : 'm.removed_on IS NOT NULL');
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT m.id, m.worker_id AS "workerId", m.worker_name AS "workerName", w.id_number AS "idNumber", w.phone,
                m.title, m.level, m.year_awarded AS "yearAwarded", ${day('m.removed_on', 'removedOn')}, m.revision,
                (SELECT count(*) FROM aid_care_visits v WHERE v.visitee_id = m.id AND NOT v.withdrawn) AS "personVisits"
         FROM aid_model_workers m LEFT JOIN workers w ON w.id = m.worker_id
         ${filter} ORDER BY m.worker_name, m.id OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize}`,
        args,
      ),
      this.ds.query<{ total: string }[]>(`SELECT count(*) AS total FROM aid_model_workers m ${filter}`, args),
    ]);
    return { items: rows.map(modelWorkerItem), page, pageSize, total: Number(total) };
  }

  async modelWorker(id: string) {
    const rows = await this.ds.query(
      `SELECT m.id, m.worker_id AS "workerId", m.worker_name AS "workerName", w.id_number AS "idNumber", w.phone,
              m.title, m.level, m.year_awarded AS "yearAwarded", ${day('m.removed_on', 'removedOn')}, m.revision,
              (SELECT count(*) FROM aid_care_visits v WHERE v.visitee_id = m.id AND NOT v.withdrawn) AS "personVisits"
       FROM aid_model_workers m LEFT JOIN workers w ON w.id = m.worker_id WHERE m.id = $1`,
      [id],
    );
    return rows.length ? modelWorkerItem(rows[0]) : null;
  }

  async students(q: { householdId?: string; q?: string; page?: number; pageSize?: number }) {
    const { page, pageSize } = paging(q);
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.householdId) where.push(`s.household_id = $${args.push(q.householdId)}`);
    if (q.q?.trim()) where.push(`s.name ILIKE $${args.push(likePattern(q.q.trim()))}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT s.id, s.household_id AS "householdId", h.worker_name AS "householdWorkerName", s.name, s.school, s.grade, s.revision
         FROM aid_students s LEFT JOIN aid_households h ON h.id = s.household_id
         ${filter} ORDER BY s.name, s.id OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize}`,
        args,
      ),
      this.ds.query<{ total: string }[]>(`SELECT count(*) AS total FROM aid_students s ${filter}`, args),
    ]);
    return { items: rows.map((r: { revision: string }) => ({ ...r, revision: Number(r.revision) })), page, pageSize, total: Number(total) };
  }

  async careVisits(q: {
    visiteeKind?: string;
    visiteeId?: string;
    programmeId?: string;
    from?: string;
    to?: string;
    includeWithdrawn?: boolean;
    id?: string;
    page?: number;
    pageSize?: number;
  }) {
    const { page, pageSize } = paging(q);
    const where: string[] = [];
    const args: unknown[] = [];
    if (!q.includeWithdrawn) where.push('NOT v.withdrawn');
    if (q.visiteeKind) where.push(`v.visitee_kind = $${args.push(q.visiteeKind)}`);
    if (q.visiteeId) where.push(`v.visitee_id = $${args.push(q.visiteeId)}`);
    if (q.programmeId) where.push(`v.programme_id = $${args.push(q.programmeId)}`);
    if (q.from) where.push(`v.visited_on >= $${args.push(q.from)}::date`);
    if (q.to) where.push(`v.visited_on <= $${args.push(q.to)}::date`);
    if (q.id) where.push(`v.id = $${args.push(q.id)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, [{ total }]] = await Promise.all([
      this.ds.query(
        `SELECT v.id, v.visitee_kind AS "visiteeKind", v.visitee_id AS "visiteeId", v.visitee_name AS "visiteeName",
                ${day('v.visited_on', 'visitedOn')}, v.programme_id AS "programmeId", v.visitors, v.goods, v.money_fen AS "moneyFen",
                v.disbursement_id AS "disbursementId", v.note, v.withdrawn, v.recorded_by AS "recordedBy", v.revision
         FROM aid_care_visits v ${filter} ORDER BY v.visited_on DESC, v.id OFFSET ${(page - 1) * pageSize} LIMIT ${pageSize}`,
        args,
      ),
      this.ds.query<{ total: string }[]>(`SELECT count(*) AS total FROM aid_care_visits v ${filter}`, args),
    ]);
    const items = rows.map((r: { moneyFen: string | null; revision: string }) => ({
      ...r,
      moneyFen: r.moneyFen === null ? null : Number(r.moneyFen),
      revision: Number(r.revision),
    }));
    return { items, page, pageSize, total: Number(total) };
  }

  async careVisit(id: string) {
    const { items } = await this.careVisits({ id, includeWithdrawn: true });
    return items[0] ?? null;
  }

  /** A file's (or an organisation's, or a visit's) history, one sentence each, in the language asked for. */
  async history(streamName: string, lang: Lang): Promise<HistoryEntry[]> {
    const rows: { revision: string; type: string; data: unknown; actorStaffId: string; occurredAt: Date }[] = await this.ds.query(
      `SELECT revision, type, data, actor_staff_id AS "actorStaffId", occurred_at AS "occurredAt"
       FROM aid_people_timeline WHERE stream_name = $1 ORDER BY revision`,
      [streamName],
    );
    const ids = [...new Set(rows.map((r) => r.actorStaffId))];
    const staff: { id: string; name: string }[] = ids.length
      ? await this.ds.query(`SELECT id, display_name AS name FROM staff_members WHERE id = ANY($1)`, [ids])
      : [];
    const names = new Map(staff.map((s) => [s.id, s.name]));
    return rows.map((r) => ({
      revision: Number(r.revision),
      type: r.type,
      occurredAt: new Date(r.occurredAt).toISOString(),
      actorStaffId: r.actorStaffId,
      text: describeBeneficiaryEvent({ type: r.type, data: r.data } as BeneficiaryEvent, lang, { staffName: (id) => names.get(id) }),
    }));
  }
}

/** Lists show the worker's numbers masked, whoever asks (as the worker list does). */
function maskedNumbers(idNumber: string | null, phone: string | null) {
  return { idNumber: idNumber === null ? null : maskResidentId(idNumber), phone: phone === null ? null : maskPhone(phone) };
}

function householdItem(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    workerId: r.workerId as string,
    workerName: r.workerName as string,
    ...maskedNumbers(r.idNumber as string | null, r.phone as string | null),
    status: r.status as string,
    householdSize: r.householdSize as number,
    cause: r.cause as string,
    monthlyIncomePerPersonFen: Number(r.income),
    singleMother: r.singleMother as boolean,
    firstOpenedOn: r.firstOpenedOn as string,
    openedOn: r.openedOn as string,
    closedOn: r.closedOn as string | null,
    revision: Number(r.revision),
  };
}

function modelWorkerItem(r: Record<string, unknown>) {
  return {
    id: r.id as string,
    workerId: r.workerId as string,
    workerName: r.workerName as string,
    ...maskedNumbers(r.idNumber as string | null, r.phone as string | null),
    title: r.title as string,
    level: r.level as string,
    yearAwarded: r.yearAwarded as number,
    removedOn: r.removedOn as string | null,
    personVisits: Number(r.personVisits),
    revision: Number(r.revision),
  };
}
