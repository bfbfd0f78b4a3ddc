import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '#commands';
import {
  beijingDay,
  deadlineRule,
  cadreDutyStanding,
  caseDeadline,
  CASE_DEADLINE_KINDS,
  DEADLINE_KINDS,
  disbursementApprovalDeadline,
  itemStanding,
  recoveryDeadlines,
  standing,
  type CaseDeadlineKind,
  type DeadlineKind,
  type DeadlinePolicies,
  type IsoDay,
  type ItemDeadline,
} from '#domain';
import { DeadlinePolicyReader } from '#jobs';
import { CadreActivityRow, CaseDeadlineRow, DisbursementDeadlineRow, RecoveryDeadlineRow, StaffMemberRow } from '#read-models';
import { In, type DataSource } from 'typeorm';
import type { DeadlineBoardQuery } from './deadline-queries.dto.js';
import type { CadreDutiesView, DeadlineBoardPage, DeadlineItem, DutiesBoard, MediationClockView } from './deadline-views.dto.js';

type BoardItem = DeadlineItem & { ended: boolean };
type Names = Map<string, string>;

/** What the board asks for, beyond the query: which kinds, and (the inbox) the requests someone may not decide. */
export interface BoardFilter extends DeadlineBoardQuery {
  kinds?: readonly DeadlineKind[];
  /** Leaves out the requests this staff member made: nobody decides their own. */
  notRequestedBy?: string;
  /** Only these states, listed in this order (the inbox: overdue, then due soon). */
  states?: readonly DeadlineItem['state'][];
}

const noticed = (notices: readonly { kind: string; dueOn: string; level: string; itemId?: string }[], kind: string, dueOn: string, level: string, itemId?: string) =>
  notices.some((n) => n.kind === kind && n.dueOn === dueOn && n.level === level && (itemId === undefined || n.itemId === itemId));

/**
 * The supervisor's boards, computed from the deadlines read models (cases, recoveries,
 * disbursements) by the domain's calculators under the policy in force, for today by the
 * injected clock: no date is stored that a policy change would leave stale.
 */
@Injectable()
export class DeadlineBoard {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly policies: DeadlinePolicyReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): IsoDay {
    return beijingDay(this.clock.now().toISOString());
  }

  private readonly logger = new Logger('deadlines');
  private readonly unreadable = new Set<string>();

  /**
   * A row's board lines; none for a row whose deadlines cannot be computed (a date no calendar
   * has, put into the log past every command check): named once in the log, the board goes on.
   */
  private lines<T>(what: string, key: string, compute: () => T[]): T[] {
    try {
      return compute();
    } catch (error) {
      if (!this.unreadable.has(`${what}:${key}`)) {
        this.unreadable.add(`${what}:${key}`);
        this.logger.error(`cannot compute the deadlines of ${what} ${key}: ${error instanceof Error ? error.message : String(error)}; left off the board`);
      }
      return [];
    }
  }

  private async names(ids: (string | null)[]): Promise<Names> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows = await this.ds.getRepository(StaffMemberRow).find({ where: { id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  private items(rows: CaseDeadlineRow[], policies: DeadlinePolicies, today: IsoDay, names: Names, kinds: readonly CaseDeadlineKind[] = CASE_DEADLINE_KINDS): BoardItem[] {
    return rows.flatMap((row) =>
      this.lines('case', row.caseId, () => kinds.map((kind) => {
        const d = caseDeadline(kind, row.facts, policies, today);
        const s = standing(d, today);
        return {
          caseId: row.caseId,
          fundId: null,
          itemId: null,
          title: row.title,
          kind,
          rule: deadlineRule(kind, policies),
          startedOn: d.startedOn,
          warnOn: d.warnOn,
          dueOn: d.dueOn,
          lastDay: d.dueOn,
          state: s.state,
          daysLeft: s.daysLeft,
          daysOver: s.daysOver,
          paused: d.status === 'paused',
          pausedDays: d.pausedDays,
          warned: noticed(row.notices, kind, d.dueOn, 'warned'),
          missed: noticed(row.notices, kind, d.dueOn, 'missed'),
          amountFen: null,
          responsibleRole: 'mediator',
          responsibleId: row.mediatorId,
          responsibleName: row.mediatorId ? (names.get(row.mediatorId) ?? null) : null,
          requestedBy: null,
          ended: s.state === 'ended',
        };
      })),
    );
  }

  /** An instalment or a request waiting, as a board line: the mediator answers for an instalment, a supervisor decides a request. */
  private itemLine(d: ItemDeadline, today: IsoDay, policies: DeadlinePolicies, on: { caseId: string | null; fundId: string | null; title: string; mediatorId: string | null; notices: readonly { kind: string; dueOn: string; level: string; itemId: string }[] }, names: Names): BoardItem {
    const s = itemStanding(d, today);
    const byMediator = d.kind === 'instalment';
    return {
      caseId: on.caseId,
      fundId: on.fundId,
      itemId: d.itemId,
      title: on.title,
      kind: d.kind,
      rule: deadlineRule(d.kind, policies),
      startedOn: d.startedOn,
      warnOn: d.warnOn,
      dueOn: d.dueOn,
      lastDay: d.lastDay,
      state: s.state,
      daysLeft: s.daysLeft,
      daysOver: s.daysOver,
      paused: false,
      pausedDays: 0,
      warned: noticed(on.notices, d.kind, d.dueOn, 'warned', d.itemId),
      missed: noticed(on.notices, d.kind, d.dueOn, 'missed', d.itemId),
      amountFen: d.amountFen,
      responsibleRole: byMediator ? 'mediator' : 'supervisor',
      responsibleId: byMediator ? on.mediatorId : null,
      responsibleName: byMediator && on.mediatorId ? (names.get(on.mediatorId) ?? null) : null,
      requestedBy: d.requestedBy,
      ended: s.state === 'ended',
    };
  }

  private async recoveryItems(rows: RecoveryDeadlineRow[], policies: DeadlinePolicies, today: IsoDay, kinds: readonly DeadlineKind[]): Promise<BoardItem[]> {
    if (!rows.length) return [];
    const cases = new Map((await this.ds.getRepository(CaseDeadlineRow).find({ where: { caseId: In(rows.map((r) => r.caseId)) } })).map((c) => [c.caseId, c]));
    const names = await this.names([...cases.values()].map((c) => c.mediatorId));
    return rows.flatMap((row) => {
      const c = cases.get(row.caseId);
      const on = { caseId: row.caseId, fundId: null, title: c?.title ?? '', mediatorId: c?.mediatorId ?? null, notices: row.notices };
      return this.lines('recovery', row.caseId, () =>
        recoveryDeadlines(row.facts, policies, today, !c?.open)
          .filter((d) => kinds.includes(d.kind))
          .map((d) => this.itemLine(d, today, policies, on, names)),
      );
    });
  }

  private disbursementItems(rows: DisbursementDeadlineRow[], policies: DeadlinePolicies, today: IsoDay): BoardItem[] {
    return rows.flatMap((row) => {
      const title = `${row.facts.programmeName} · ${row.facts.beneficiaryName}`;
      return this.lines('disbursement', row.disbursementId, () => [this.itemLine(disbursementApprovalDeadline(row.facts, policies), today, policies, { caseId: null, fundId: row.fundId, title, mediatorId: null, notices: row.notices }, new Map())]);
    });
  }

  /** Every deadline of these kinds (the met ones only when asked), of one mediator's cases if named. */
  private async allItems(policies: DeadlinePolicies, today: IsoDay, kinds: readonly DeadlineKind[], met: boolean, mediatorId?: string): Promise<BoardItem[]> {
    const items: BoardItem[] = [];
    const caseKinds = CASE_DEADLINE_KINDS.filter((k) => kinds.includes(k));
    if (caseKinds.length) {
      const qb = this.ds.getRepository(CaseDeadlineRow).createQueryBuilder('d');
      // Met deadlines stay on closed cases; everything else runs only on open ones.
      if (met) qb.where(`d.facts->>'agreementOn' IS NOT NULL`);
      else qb.where('d.open');
      if (mediatorId) qb.andWhere('d.mediator_id = :m', { m: mediatorId });
      const rows = await qb.getMany();
      items.push(...this.items(rows, policies, today, await this.names(rows.map((r) => r.mediatorId)), caseKinds));
    }
    if (kinds.includes('instalment') || kinds.includes('write_off_approval')) {
      const qb = this.ds.getRepository(RecoveryDeadlineRow).createQueryBuilder('d');
      qb.where(met ? 'true' : 'EXISTS (SELECT 1 FROM case_deadlines c WHERE c.case_id = d.case_id AND c.open)');
      if (mediatorId) qb.andWhere('EXISTS (SELECT 1 FROM case_deadlines c WHERE c.case_id = d.case_id AND c.mediator_id = :m)', { m: mediatorId });
      items.push(...(await this.recoveryItems(await qb.getMany(), policies, today, kinds)));
    }
    // A disbursement has no mediator: it is on no mediator's board.
    if (kinds.includes('disbursement_approval') && !mediatorId) {
      const rows = await this.ds.getRepository(DisbursementDeadlineRow).find(met ? {} : { where: { open: true } });
      items.push(...this.disbursementItems(rows, policies, today));
    }
    return items;
  }

  async board(q: BoardFilter): Promise<DeadlineBoardPage> {
    const [policies, today] = [await this.policies.current(), this.today()];
    const kinds = q.kind ? [q.kind] : (q.kinds ?? DEADLINE_KINDS);
    const all = (await this.allItems(policies, today, kinds, q.state === 'met', q.mediatorId))
      .filter((i) => !i.ended && (q.states ? q.states.includes(i.state) : q.state ? i.state === q.state : i.state !== 'met'))
      .filter((i) => (!q.from || i.dueOn >= q.from) && (!q.to || i.dueOn <= q.to))
      .filter((i) => !q.notRequestedBy || i.requestedBy !== q.notRequestedBy)
      .sort(
        (a, b) =>
          (q.states ? q.states.indexOf(a.state) - q.states.indexOf(b.state) : 0) ||
          a.dueOn.localeCompare(b.dueOn) ||
          (a.caseId ?? a.fundId ?? '').localeCompare(b.caseId ?? b.fundId ?? '') ||
          (a.itemId ?? '').localeCompare(b.itemId ?? ''),
      );
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const items = all.slice((page - 1) * pageSize, page * pageSize).map(({ ended: _, ...item }) => item);
    return { asOf: today, policyRevision: policies.revision, page, pageSize, total: all.length, items };
  }

  /** The case page's clock: null when the case is unknown to the deadlines read model. */
  async caseClock(caseId: string): Promise<MediationClockView | null> {
    const row = await this.ds.getRepository(CaseDeadlineRow).findOne({ where: { caseId } });
    if (!row) return null;
    const [policies, today] = [await this.policies.current(), this.today()];
    const items = this.items([row], policies, today, await this.names([row.mediatorId]));
    const mediation = items.find((i) => i.kind === 'mediation');
    if (!mediation) return null; // its dates cannot be computed: logged, shown as no clock
    const recovery = await this.ds.getRepository(RecoveryDeadlineRow).findOne({ where: { caseId } });
    if (recovery) items.push(...(await this.recoveryItems([recovery], policies, today, DEADLINE_KINDS)));
    return {
      caseId,
      receivedOn: row.facts.receivedOn,
      dueOn: mediation.dueOn,
      daysLeft: mediation.daysLeft,
      paused: mediation.paused,
      pausedDays: mediation.pausedDays,
      state: mediation.state,
      deadlines: items.filter((i) => !i.ended).map(({ ended: _, ...item }) => item),
    };
  }

  async duties(year?: number, quarter?: number): Promise<DutiesBoard> {
    const [policies, today] = [await this.policies.current(), this.today()];
    const thisYear = Number(today.slice(0, 4));
    const y = year ?? thisYear;
    const q = (quarter ?? (y === thisYear ? Math.ceil(Number(today.slice(5, 7)) / 3) : 4)) as 1 | 2 | 3 | 4;
    const cadres = (await this.ds.getRepository(StaffMemberRow).find({ where: { active: true } }))
      .filter((s) => s.roles.includes('mediator'))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh'));
    const activities = cadres.length
      ? await this.ds
          .getRepository(CadreActivityRow)
          .createQueryBuilder('a')
          .where('a.cadre_id IN (:...ids) AND a.day >= :from AND a.day <= :to', { ids: cadres.map((c) => c.id), from: `${y}-01-01`, to: `${y}-12-31` })
          .getMany()
      : [];
    const days = (cadreId: string, kind: string) => activities.filter((a) => a.cadreId === cadreId && a.kind === kind).map((a) => a.day);
    const views: CadreDutiesView[] = cadres.map((c) => {
      const s = cadreDutyStanding({
        year: y,
        quarter: q,
        today,
        policy: policies.cadreDuties,
        trainings: days(c.id, 'training'),
        visits: days(c.id, 'key_enterprise_visit'),
        followUps: days(c.id, 'follow_up'),
        since: c.mediatorSince,
      });
      const missed = [s.trainings.state, s.keyEnterpriseVisits.state, s.followUps.state].includes('missed');
      return { cadreId: c.id, name: c.displayName, trainings: s.trainings, keyEnterpriseVisits: s.keyEnterpriseVisits, followUps: { ...s.followUps, months: [...s.followUps.months], monthsWithout: [...s.followUps.monthsWithout] }, missed };
    });
    return { year: y, quarter: q, asOf: today, cadres: views };
  }

  /** Counts for /metrics: running deadlines by kind and state. */
  async counts(): Promise<{ kind: string; state: string; count: number }[]> {
    const [policies, today] = [await this.policies.current(), this.today()];
    const counts = new Map<string, number>();
    for (const i of await this.allItems(policies, today, DEADLINE_KINDS, false)) {
      if (!i.ended) counts.set(`${i.kind}|${i.state}`, (counts.get(`${i.kind}|${i.state}`) ?? 0) + 1);
    }
    return [...counts].map(([key, count]) => ({ kind: key.split('|')[0], state: key.split('|')[1], count }));
  }
}
