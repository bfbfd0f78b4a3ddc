import type { Bilingual } from '#domain';
import { FACT_KINDS, type FactKind } from '#read-models';
import { AID_STATS_DEFINITIONS } from '../aid/report/aid-stats.service.js';
import { PEOPLE_STATS_DEFINITIONS } from '../aid/beneficiaries/report/people-stats.service.js';
import { STATS_DEFINITIONS } from '../disputes/report/dispute-stats.service.js';
import { RECOVERY_FIGURES } from '../recovery/report/recovery-stats.service.js';

/**
 * The period report's named queries. Each figure is one SQL query over `report_facts` (the
 * projection `report-facts`), bound by the period ($1 from, $2 to) and by the log position the
 * report stands at ($3, a position key): a fact counts when it stood at that position, i.e.
 * `recorded_pos <= $3 and (withdrawn_pos is null or withdrawn_pos > $3)`. The definition beside
 * each is the one its area's stats route shows (the same words, the same figure), and the facts
 * it reads name the events behind them (FACT_KINDS), so every figure traces to events.
 */

/** The period's first and last day as the facts keep days (ISO text, which sorts as days do). */
const FROM = `to_char($1::date, 'YYYY-MM-DD')`;
const TO = `to_char($2::date, 'YYYY-MM-DD')`;

/** A fact that stood at the report's position ($3). */
const stood = (a: string) => `${a}.recorded_pos <= $3 AND (${a}.withdrawn_pos IS NULL OR ${a}.withdrawn_pos > $3)`;

/** The cases handled: received in the period, their intake not declined at the report's position. */
const HANDLED = `
  SELECT c.subject_id FROM report_facts c
   WHERE c.kind = 'case_received' AND ${stood('c')} AND c.day BETWEEN ${FROM} AND ${TO}
     AND NOT EXISTS (SELECT 1 FROM report_facts d WHERE d.kind = 'case_declined' AND d.subject_id = c.subject_id AND ${stood('d')})`;

/** Organisations existing on `day` (a parameter), and each one's latest member count by then. */
const organisationsOn = (day: string) => `
  SELECT count(*) AS value, coalesce(sum(m.quantity), 0) AS members
    FROM report_facts o
    LEFT JOIN LATERAL (SELECT quantity FROM report_facts m
                        WHERE m.kind = 'member_count' AND m.subject_id = o.subject_id AND ${stood('m')} AND m.day <= ${day}
                        ORDER BY m.day DESC, m.recorded_pos DESC LIMIT 1) m ON true
   WHERE o.kind = 'organisation' AND ${stood('o')} AND o.day <= ${day}
     AND NOT EXISTS (SELECT 1 FROM report_facts x WHERE x.kind = 'organisation_dissolved' AND x.subject_id = o.subject_id AND ${stood('x')} AND x.day <= ${day})`;

const sumOf = (kind: FactKind) => `SELECT coalesce(sum(amount_fen), 0) AS value FROM report_facts f WHERE f.kind = '${kind}' AND ${stood('f')} AND f.day BETWEEN ${FROM} AND ${TO}`;

export interface NamedQuery {
  name: string;
  label: Bilingual;
  kind: 'count' | 'money';
  definition: Bilingual;
  /** The facts it reads; their events are FACT_KINDS[kind]. */
  facts: FactKind[];
  /** Answers one row with `value` (and the other columns it names). */
  sql: string;
  /** The figure stands on a day rather than over the period: the period's first or last day. */
  on?: 'from' | 'to';
  /** Which column of the answer is the figure, when not `value`. */
  column?: string;
  /** The same figure, as its area's stats route answers it. */
  sameAs: string;
}

export const PERIOD_QUERIES: NamedQuery[] = [
  {
    name: 'cases_handled',
    label: { zh: '处理劳动争议案件', en: 'Labour-dispute cases handled' },
    kind: 'count',
    definition: STATS_DEFINITIONS.casesHandled,
    facts: ['case_received', 'case_declined'],
    sql: `SELECT count(*) AS value FROM (${HANDLED}) h`,
    sameAs: 'GET /api/disputes/stats casesHandled',
  },
  {
    name: 'workers_involved',
    label: { zh: '涉及职工', en: 'Workers involved' },
    kind: 'count',
    definition: STATS_DEFINITIONS.workersInvolved,
    facts: ['case_received', 'case_declined', 'claimant'],
    sql: `SELECT count(DISTINCT p.person_key) AS value FROM report_facts p JOIN (${HANDLED}) h ON h.subject_id = p.subject_id WHERE p.kind = 'claimant' AND ${stood('p')}`,
    sameAs: 'GET /api/disputes/stats workersInvolved',
  },
  {
    name: 'wages_recovered',
    label: { zh: '为职工追回工资', en: 'Wages recovered for workers' },
    kind: 'money',
    definition: RECOVERY_FIGURES.wages_recovered.definition,
    facts: ['wages_received'],
    sql: sumOf('wages_received'),
    sameAs: 'GET /api/recoveries/stats wages_recovered',
  },
  {
    name: 'wages_paid_to_workers',
    label: { zh: '追回工资发放给职工', en: 'Recovered wages paid out to workers' },
    kind: 'money',
    definition: RECOVERY_FIGURES.paid_to_workers.definition,
    facts: ['wages_paid'],
    sql: sumOf('wages_paid'),
    sameAs: 'GET /api/recoveries/stats paid_to_workers',
  },
  {
    name: 'aid_raised',
    label: { zh: '筹集帮扶资金', en: 'Aid funds raised' },
    kind: 'money',
    definition: AID_STATS_DEFINITIONS.aidRaised,
    facts: ['aid_income'],
    sql: sumOf('aid_income'),
    sameAs: 'GET /api/aid/stats aidRaised',
  },
  {
    name: 'households_visited',
    label: { zh: '走访慰问困难职工家庭', en: 'Households in hardship visited' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.householdsVisited,
    facts: ['care_visit'],
    sql: `SELECT count(DISTINCT subject_id) AS value FROM report_facts f WHERE f.kind = 'care_visit' AND f.category = 'household' AND ${stood('f')} AND f.day BETWEEN ${FROM} AND ${TO}`,
    sameAs: 'GET /api/aid/people-stats householdsVisited',
  },
  {
    name: 'model_worker_person_visits',
    label: { zh: '走访慰问劳模（人次）', en: 'Model-worker care visits (person-visits)' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.modelWorkerPersonVisits,
    facts: ['care_visit'],
    sql: `SELECT count(*) AS value FROM report_facts f WHERE f.kind = 'care_visit' AND f.category = 'model_worker' AND ${stood('f')} AND f.day BETWEEN ${FROM} AND ${TO}`,
    sameAs: 'GET /api/aid/people-stats modelWorkerPersonVisits',
  },
  {
    name: 'model_workers',
    label: { zh: '国家、市级劳动模范和先进工作者', en: 'Model workers (national or municipal titles)' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.modelWorkersOnRoll,
    facts: ['model_worker', 'model_worker_removed'],
    sql: `SELECT count(*) AS value FROM report_facts f
           WHERE f.kind = 'model_worker' AND f.category IN ('national', 'municipal') AND ${stood('f')} AND f.year <= extract(year FROM $2::date)
             AND NOT EXISTS (SELECT 1 FROM report_facts r WHERE r.kind = 'model_worker_removed' AND r.subject_id = f.subject_id AND ${stood('r')} AND r.day <= ${TO})`,
    on: 'to',
    sameAs: 'GET /api/aid/people-stats modelWorkersOnRoll.nationalOrMunicipal',
  },
  {
    name: 'student_grant_students',
    label: { zh: '金秋助学：资助困难职工子女', en: 'Autumn student grants: students' },
    kind: 'count',
    definition: AID_STATS_DEFINITIONS.studentGrants,
    facts: ['student_grant'],
    sql: `SELECT count(DISTINCT subject_id) AS value FROM report_facts f WHERE f.kind = 'student_grant' AND ${stood('f')} AND f.day BETWEEN ${FROM} AND ${TO}`,
    sameAs: 'GET /api/aid/stats studentGrants.students',
  },
  {
    name: 'student_grant_amount',
    label: { zh: '金秋助学：资助金额', en: 'Autumn student grants: amount' },
    kind: 'money',
    definition: AID_STATS_DEFINITIONS.studentGrants,
    facts: ['student_grant'],
    sql: sumOf('student_grant'),
    sameAs: 'GET /api/aid/stats studentGrants.amountFen',
  },
  {
    name: 'organisations_at_start',
    label: { zh: '基层工会组织（期初）', en: 'Grassroots union organisations (at the start)' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.organisations,
    facts: ['organisation', 'organisation_dissolved'],
    sql: organisationsOn(FROM),
    on: 'from',
    sameAs: 'GET /api/aid/people-stats organisationsAtStart',
  },
  {
    name: 'organisations_at_end',
    label: { zh: '基层工会组织（期末）', en: 'Grassroots union organisations (at the end)' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.organisations,
    facts: ['organisation', 'organisation_dissolved'],
    sql: organisationsOn(TO),
    on: 'to',
    sameAs: 'GET /api/aid/people-stats organisationsAtEnd',
  },
  {
    name: 'members_at_start',
    label: { zh: '登记会员（期初）', en: 'Registered members (at the start)' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.members,
    facts: ['organisation', 'organisation_dissolved', 'member_count'],
    sql: organisationsOn(FROM),
    column: 'members',
    on: 'from',
    sameAs: 'GET /api/aid/people-stats membersAtStart',
  },
  {
    name: 'members_at_end',
    label: { zh: '登记会员（期末）', en: 'Registered members (at the end)' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.members,
    facts: ['organisation', 'organisation_dissolved', 'member_count'],
    sql: organisationsOn(TO),
    column: 'members',
    on: 'to',
    sameAs: 'GET /api/aid/people-stats membersAtEnd',
  },
  {
    name: 'workers_homes',
    label: { zh: '职工之家', en: 'Workers’ Home units' },
    kind: 'count',
    definition: PEOPLE_STATS_DEFINITIONS.workersHomesRated,
    facts: ['workers_home'],
    sql: `SELECT count(DISTINCT subject_id) AS value FROM report_facts f WHERE f.kind = 'workers_home' AND ${stood('f')} AND f.year BETWEEN extract(year FROM $1::date) AND extract(year FROM $2::date)`,
    sameAs: 'GET /api/aid/people-stats workersHomesRated',
  },
];

/** The events behind a named query's facts: what recorded them, then what withdrew them. */
export function eventsOf(query: NamedQuery): string[] {
  const types = query.facts.flatMap((k) => [...FACT_KINDS[k].recordedBy, ...FACT_KINDS[k].withdrawnBy]);
  return [...new Set<string>(types)];
}

/** Where a figure comes from, in one line: the facts it reads and the events behind them. */
export function sourceOf(query: NamedQuery): string {
  return `report_facts[${query.facts.join(', ')}] ← ${eventsOf(query).join(', ')} (= ${query.sameAs})`;
}
