// The report's duties of every cadre, per period: trainings a year, key-enterprise visits a
// quarter, follow-ups a month. Pure: which activities, which policy, which day it is.
import type { IsoDay } from '../shared/dates.js';
import type { CadreDutiesPolicy } from './deadline-policies.js';

/** met: done; due: the period runs and there is time; missed: the period ended short, or the year is behind its share. */
export type DutyState = 'met' | 'due' | 'missed';

export interface DutyCount {
  readonly count: number;
  readonly required: number;
  readonly state: DutyState;
}

export interface MonthDuty extends DutyCount {
  /** `YYYY-MM` */
  readonly month: string;
}

export interface CadreDutyStanding {
  readonly year: number;
  readonly quarter: number;
  /** Trainings this year; behind when fewer than the year's share for the quarters already ended. */
  readonly trainings: DutyCount & { readonly expectedByNow: number };
  readonly keyEnterpriseVisits: DutyCount;
  /** Each month of the year so far; `monthsWithout` lists the ended months short of follow-ups. */
  readonly followUps: { readonly state: DutyState; readonly months: readonly MonthDuty[]; readonly monthsWithout: readonly string[] };
}

export interface CadreDutyInput {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly today: IsoDay;
  readonly policy: CadreDutiesPolicy;
  /** Days of the cadre's trainings, key-enterprise visits and follow-ups (any period: filtered here). */
  readonly trainings: readonly IsoDay[];
  readonly visits: readonly IsoDay[];
  readonly followUps: readonly IsoDay[];
  /**
   * The day the person became a mediator (a cadre), if known. A period (a month, a quarter, the
   * year's quarters for trainings) asks its duties only of a cadre who was one on its first day:
   * someone who joined in November has missed nothing in March.
   */
  readonly since?: IsoDay | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthOf = (day: IsoDay) => day.slice(0, 7);

function duty(count: number, required: number, ended: boolean, behind = false): DutyCount {
  const state: DutyState = count >= required ? 'met' : ended || behind ? 'missed' : 'due';
  return { count, required, state };
}

export function cadreDutyStanding(input: CadreDutyInput): CadreDutyStanding {
  const { year, quarter, today, policy } = input;
  const y = String(year).padStart(4, '0');
  const inYear = (d: IsoDay) => d.startsWith(`${y}-`);
  const yearEnded = today > `${y}-12-31`;
  const todayMonth = monthOf(today);
  // Months of the year fully past on `today`: 0 before the year, 12 once it ended.
  const monthsPast = yearEnded ? 12 : today < `${y}-01-01` ? 0 : Number(todayMonth.slice(5)) - 1;
  const quartersPast = Math.floor(monthsPast / 3);

  // Whether the cadre was one on the first day of the month `YYYY-MM` (always, when not known).
  const servedFrom = (month: string) => !input.since || input.since <= `${month}-01`;
  const quarterServed = (q: number) => servedFrom(`${y}-${pad(q * 3 - 2)}`);

  const trainingCount = input.trainings.filter(inYear).length;
  // The year's trainings, in shares per quarter served: a cadre from July owes half of them.
  const quartersServed = [1, 2, 3, 4].filter(quarterServed).length;
  const requiredTrainings = Math.floor((policy.trainingsPerYear * quartersServed) / 4);
  const quartersPastServed = [1, 2, 3, 4].filter((q) => q <= quartersPast && quarterServed(q)).length;
  const expectedByNow = Math.floor((policy.trainingsPerYear * quartersPastServed) / 4);
  const trainings = { ...duty(trainingCount, requiredTrainings, yearEnded, trainingCount < expectedByNow), expectedByNow };

  const qFirst = `${y}-${pad(quarter * 3 - 2)}`;
  const qLast = `${y}-${pad(quarter * 3)}`;
  const visitCount = input.visits.filter((d) => monthOf(d) >= qFirst && monthOf(d) <= qLast).length;
  const keyEnterpriseVisits = duty(visitCount, quarterServed(quarter) ? policy.keyEnterpriseVisitsPerQuarter : 0, todayMonth > qLast);

  const months: MonthDuty[] = [];
  const upTo = yearEnded ? 12 : Math.min(12, monthsPast + 1);
  for (let m = 1; m <= upTo && today >= `${y}-01-01`; m++) {
    const month = `${y}-${pad(m)}`;
    const count = input.followUps.filter((d) => monthOf(d) === month).length;
    months.push({ month, ...duty(count, servedFrom(month) ? policy.followUpsPerMonth : 0, month < todayMonth) });
  }
  const monthsWithout = months.filter((m) => m.state === 'missed').map((m) => m.month);
  const current = months.find((m) => m.month === todayMonth);
  const followUpState: DutyState = monthsWithout.length > 0 ? 'missed' : current && current.state === 'due' ? 'due' : 'met';
  return { year, quarter, trainings, keyEnterpriseVisits, followUps: { state: followUpState, months, monthsWithout } };
}
