import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, type Clock } from '#commands';
import {
  beijingDay,
  cadreDutyStanding,
  caseDeadline,
  CASE_DEADLINE_KINDS,
  standing,
  type CaseDeadlineKind,
  type DeadlinePolicies,
  type IsoDay,
} from '#domain';
import { DeadlinePolicyReader } from '#jobs';
import { CadreActivityRow, CaseDeadlineRow, StaffMemberRow } from '#read-models';
import { In, type DataSource } from 'typeorm';
import type { DeadlineBoardQuery } from './deadline-queries.dto.js';
import type { CadreDutiesView, DeadlineBoardPage, DeadlineItem, DutiesBoard, MediationClockView } from './deadline-views.dto.js';

function ruleOf(kind: CaseDeadlineKind, p: DeadlinePolicies): { zh: string; en: string } {
  if (kind === 'mediation') {
    return {
      zh: `调解期限：自收到申请之日起${p.mediation.days}日（《劳动争议调解仲裁法》第十四条），届满前${p.mediation.warnDaysBefore}日提醒`,
      en: `Mediation: ${p.mediation.days} days from receipt (LDMAL art. 14), warned ${p.mediation.warnDaysBefore} days before`,
    };
  }
  const m = p.followUp.intervalMonths;
  return {
    zh: `回访督办：每${m === 1 ? '' : m}月至少回访一次，到期前${p.followUp.warnDaysBefore}日提醒`,
    en: `Follow-up: at least once every ${m === 1 ? 'month' : `${m} months`}, warned ${p.followUp.warnDaysBefore} days before`,
  };
}

/**
 * The supervisor's boards, computed from the deadlines read model by the domain's calculator
 * under the policy in force, for today by the injected clock: no date is stored that a policy
 * change would leave stale.
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

  private async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows = await this.ds.getRepository(StaffMemberRow).find({ where: { id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }

  private items(rows: CaseDeadlineRow[], policies: DeadlinePolicies, today: IsoDay, names: Map<string, string>, kinds: readonly CaseDeadlineKind[] = CASE_DEADLINE_KINDS): (DeadlineItem & { ended: boolean })[] {
    return rows.flatMap((row) =>
      kinds.map((kind) => {
        const d = caseDeadline(kind, row.facts, policies, today);
        const s = standing(d, today);
        const noticed = (level: 'warned' | 'missed') => row.notices.some((n) => n.kind === kind && n.dueOn === d.dueOn && n.level === level);
        return {
          caseId: row.caseId,
          title: row.title,
          kind,
          rule: ruleOf(kind, policies),
          startedOn: d.startedOn,
          warnOn: d.warnOn,
          dueOn: d.dueOn,
          state: s.state,
          daysLeft: s.daysLeft,
          daysOver: s.daysOver,
          paused: d.status === 'paused',
          pausedDays: d.pausedDays,
          warned: noticed('warned'),
          missed: noticed('missed'),
          responsibleId: row.mediatorId,
          responsibleName: row.mediatorId ? (names.get(row.mediatorId) ?? null) : null,
          ended: s.state === 'ended',
        };
      }),
    );
  }

  async board(q: DeadlineBoardQuery): Promise<DeadlineBoardPage> {
    const [policies, today] = [await this.policies.current(), this.today()];
    const qb = this.ds.getRepository(CaseDeadlineRow).createQueryBuilder('d');
    // Met deadlines stay on closed cases; everything else runs only on open ones.
    if (q.state === 'met') qb.where(`d.facts->>'agreementOn' IS NOT NULL`);
    else qb.where('d.open');
    if (q.mediatorId) qb.andWhere('d.mediator_id = :m', { m: q.mediatorId });
    const rows = await qb.getMany();
    const names = await this.names(rows.map((r) => r.mediatorId));
    const all = this.items(rows, policies, today, names, q.kind ? [q.kind] : CASE_DEADLINE_KINDS)
      .filter((i) => !i.ended && (q.state ? i.state === q.state : i.state !== 'met'))
      .filter((i) => (!q.from || i.dueOn >= q.from) && (!q.to || i.dueOn <= q.to))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseId.localeCompare(b.caseId));
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
    const mediation = items.find((i) => i.kind === 'mediation')!;
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
      });
      const missed = [s.trainings.state, s.keyEnterpriseVisits.state, s.followUps.state].includes('missed');
      return { cadreId: c.id, name: c.displayName, trainings: s.trainings, keyEnterpriseVisits: s.keyEnterpriseVisits, followUps: { ...s.followUps, months: [...s.followUps.months], monthsWithout: [...s.followUps.monthsWithout] }, missed };
    });
    return { year: y, quarter: q, asOf: today, cadres: views };
  }

  /** Counts for /metrics: running deadlines by kind and state. */
  async counts(): Promise<{ kind: string; state: string; count: number }[]> {
    const [policies, today] = [await this.policies.current(), this.today()];
    const rows = await this.ds.getRepository(CaseDeadlineRow).find({ where: { open: true } });
    const counts = new Map<string, number>();
    for (const i of this.items(rows, policies, today, new Map())) if (!i.ended) counts.set(`${i.kind}|${i.state}`, (counts.get(`${i.kind}|${i.state}`) ?? 0) + 1);
    return [...counts].map(([key, count]) => ({ kind: key.split('|')[0], state: key.split('|')[1], count }));
  }
}
