import { Injectable } from '@nestjs/common';
import { formatYuan, type Bilingual, type Lang } from '#domain';
import { PeopleStats } from '../aid/beneficiaries/report/people-stats.service.js';
import { AidStatsService } from '../aid/report/aid-stats.service.js';
import { DisputeStats } from '../disputes/report/dispute-stats.service.js';
import { RecoveryStats } from '../recovery/report/recovery-stats.service.js';

/** One figure of the period report: a named query, what it counts beside it, and where it comes from. */
export interface ReportFigure {
  /** Stable name of the figure (the named query). */
  name: string;
  label: string;
  /** `count` figures are people, cases, units…; `money` figures are whole fen. */
  kind: 'count' | 'money';
  /** The count, or the amount in fen. */
  value: number;
  /** Money only: the amount in yuan as the kernel formats it (formatYuan). */
  yuan?: string;
  /** The day the figure stands on, for figures taken on a day rather than over the period. */
  on?: string;
  definition: string;
  /** The stats query it reuses (service and field), so that a reader can trace it. */
  source: string;
}

export interface PeriodReport {
  from: string;
  to: string;
  lang: Lang;
  title: string;
  figures: ReportFigure[];
}

const LABELS: Record<string, Bilingual> = {
  cases_handled: { zh: '处理劳动争议案件', en: 'Labour-dispute cases handled' },
  workers_involved: { zh: '涉及职工', en: 'Workers involved' },
  wages_recovered: { zh: '为职工追回工资', en: 'Wages recovered for workers' },
  wages_paid_to_workers: { zh: '追回工资发放给职工', en: 'Recovered wages paid out to workers' },
  aid_raised: { zh: '筹集帮扶资金', en: 'Aid funds raised' },
  households_visited: { zh: '走访慰问困难职工家庭', en: 'Households in hardship visited' },
  model_worker_person_visits: { zh: '走访慰问劳模（人次）', en: 'Model-worker care visits (person-visits)' },
  model_workers: { zh: '国家、市级劳动模范和先进工作者', en: 'Model workers (national or municipal titles)' },
  student_grant_students: { zh: '金秋助学：资助困难职工子女', en: 'Autumn student grants: students' },
  student_grant_amount: { zh: '金秋助学：资助金额', en: 'Autumn student grants: amount' },
  organisations_at_start: { zh: '基层工会组织（期初）', en: 'Grassroots union organisations (at the start)' },
  organisations_at_end: { zh: '基层工会组织（期末）', en: 'Grassroots union organisations (at the end)' },
  members_at_start: { zh: '登记会员（期初）', en: 'Registered members (at the start)' },
  members_at_end: { zh: '登记会员（期末）', en: 'Registered members (at the end)' },
  workers_homes: { zh: '职工之家', en: 'Workers’ Home units' },
};

const TITLE: Bilingual = { zh: '工会工作期间报告', en: 'Period report of the union’s work' };

/**
 * The seed's five-year table as named queries. Nothing is counted here: every figure is taken from
 * the stats service of its area (disputes, recovery, aid people, aid fund), whose definitions come along.
 */
@Injectable()
export class PeriodReportService {
  constructor(
    private readonly disputes: DisputeStats,
    private readonly recovery: RecoveryStats,
    private readonly people: PeopleStats,
    private readonly aid: AidStatsService,
  ) {}

  async forPeriod(from: string, to: string, lang: Lang): Promise<PeriodReport> {
    const [d, r, p, a] = await Promise.all([
      this.disputes.forPeriod(from, to, lang),
      this.recovery.figures(from, to, lang),
      this.people.forPeriod(from, to, lang),
      this.aid.forPeriod(from, to, lang),
    ]);
    const rec = (name: string) => {
      const f = r.figures.find((x) => x.name === name);
      if (!f) throw new Error(`recovery figure ${name} missing`);
      return f;
    };
    const count = (name: string, value: number, definition: string, source: string, on?: string): ReportFigure => ({
      name,
      label: LABELS[name]![lang],
      kind: 'count',
      value,
      ...(on ? { on } : {}),
      definition,
      source,
    });
    const money = (name: string, fen: number, definition: string, source: string): ReportFigure => ({
      name,
      label: LABELS[name]![lang],
      kind: 'money',
      value: fen,
      yuan: formatYuan(fen, lang),
      definition,
      source,
    });
    const figures: ReportFigure[] = [
      count('cases_handled', d.casesHandled.value, d.casesHandled.definition, 'DisputeStats.casesHandled (GET /api/disputes/stats)'),
      count('workers_involved', d.workersInvolved.value, d.workersInvolved.definition, 'DisputeStats.workersInvolved (GET /api/disputes/stats)'),
      money('wages_recovered', rec('wages_recovered').valueFen, rec('wages_recovered').definition, 'RecoveryStats.wages_recovered (GET /api/recoveries/stats)'),
      money('wages_paid_to_workers', rec('paid_to_workers').valueFen, rec('paid_to_workers').definition, 'RecoveryStats.paid_to_workers (GET /api/recoveries/stats)'),
      money('aid_raised', a.aidRaised.totalFen, a.aidRaised.definition, 'AidStatsService.aidRaised (GET /api/aid/stats)'),
      count('households_visited', p.householdsVisited.value, p.householdsVisited.definition, 'PeopleStats.householdsVisited (GET /api/aid/people-stats)'),
      count('model_worker_person_visits', p.modelWorkerPersonVisits.value, p.modelWorkerPersonVisits.definition, 'PeopleStats.modelWorkerPersonVisits (GET /api/aid/people-stats)'),
      count('model_workers', p.modelWorkersOnRoll.nationalOrMunicipal, p.modelWorkersOnRoll.definition, 'PeopleStats.modelWorkersOnRoll.nationalOrMunicipal (GET /api/aid/people-stats)', p.modelWorkersOnRoll.on),
      count('student_grant_students', a.studentGrants.students, a.studentGrants.definition, 'AidStatsService.studentGrants.students (GET /api/aid/stats)'),
      money('student_grant_amount', a.studentGrants.amountFen, a.studentGrants.definition, 'AidStatsService.studentGrants.amountFen (GET /api/aid/stats)'),
      count('organisations_at_start', p.organisationsAtStart.value, p.organisationsAtStart.definition, 'PeopleStats.organisationsAtStart (GET /api/aid/people-stats)', p.organisationsAtStart.on),
      count('organisations_at_end', p.organisationsAtEnd.value, p.organisationsAtEnd.definition, 'PeopleStats.organisationsAtEnd (GET /api/aid/people-stats)', p.organisationsAtEnd.on),
      count('members_at_start', p.membersAtStart.value, p.membersAtStart.definition, 'PeopleStats.membersAtStart (GET /api/aid/people-stats)', p.membersAtStart.on),
      count('members_at_end', p.membersAtEnd.value, p.membersAtEnd.definition, 'PeopleStats.membersAtEnd (GET /api/aid/people-stats)', p.membersAtEnd.on),
      count('workers_homes', p.workersHomesRated.value, p.workersHomesRated.definition, 'PeopleStats.workersHomesRated (GET /api/aid/people-stats)'),
    ];
    return { from, to, lang, title: TITLE[lang], figures };
  }
}
