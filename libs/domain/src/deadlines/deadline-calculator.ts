// What is due when: a pure function of a case's facts (received, paused and resumed, followed
// up, agreed, closed), the policy in force and the day (or instant) asked about. The board,
// the scheduler, the sweep and the case's decider all ask it, so they never disagree.
import type { IsoDay } from '../shared/dates.js';
import { addDays, addMonths, daysBetween, startOfBeijingDay } from './deadline-days.js';
import type { CaseDeadlineKind, DeadlinePolicies, PauseReason } from './deadline-policies.js';

export interface MediationPause {
  readonly from: IsoDay;
  /** null while the clock is still paused. */
  readonly to: IsoDay | null;
  readonly reason: PauseReason;
}

/** A warning or a miss recorded on the case, for the deadline due on `dueOn`. */
export interface DeadlineNotice {
  readonly kind: CaseDeadlineKind;
  readonly level: 'warned' | 'missed';
  readonly dueOn: IsoDay;
}

/** What a case's deadlines depend on, in Beijing days. */
export interface CaseClockFacts {
  readonly receivedOn: IsoDay;
  readonly pauses: readonly MediationPause[];
  /** The day the first agreement was reached: it stops the mediation clock. */
  readonly agreementOn: IsoDay | null;
  readonly lastFollowUpOn: IsoDay | null;
  /** null while the case is open (a reopened case is open again). */
  readonly closedOn: IsoDay | null;
}

export type DeadlineStatus = 'running' | 'paused' | 'met' | 'ended';

export interface CaseDeadline {
  readonly kind: CaseDeadlineKind;
  /** Receipt (mediation), or the last follow-up (follow-up). */
  readonly startedOn: IsoDay;
  readonly warnOn: IsoDay;
  readonly dueOn: IsoDay;
  /** The instant the warning is due: the warning day begins in Beijing. */
  readonly warnAt: string;
  /** The instant the deadline is missed: the due day has ended in Beijing. */
  readonly dueAt: string;
  readonly status: DeadlineStatus;
  /** When it was met (mediation: the agreement's day, on time). */
  readonly metOn: IsoDay | null;
  /** Days the mediation clock stood still (an open pause counts up to `today`). */
  readonly pausedDays: number;
}

function deadline(kind: CaseDeadlineKind, startedOn: IsoDay, dueOn: IsoDay, warnDaysBefore: number, rest: Pick<CaseDeadline, 'status' | 'metOn' | 'pausedDays'>): CaseDeadline {
  const warnOn = addDays(dueOn, -Math.min(warnDaysBefore, Math.max(0, daysBetween(startedOn, dueOn))));
  return { kind, startedOn, warnOn, dueOn, warnAt: startOfBeijingDay(warnOn), dueAt: startOfBeijingDay(addDays(dueOn, 1)), ...rest };
}

/** LDMAL art. 14's clock: `days` after receipt, moved by every day it stood paused; an agreement stops it. */
export function mediationDeadline(facts: CaseClockFacts, policies: DeadlinePolicies, today: IsoDay): CaseDeadline {
  const { days, warnDaysBefore } = policies.mediation;
  const pausedDays = facts.pauses.reduce((sum, p) => sum + Math.max(0, daysBetween(p.from, p.to ?? today)), 0);
  const dueOn = addDays(facts.receivedOn, days + pausedDays);
  const pausedNow = facts.pauses.some((p) => p.to === null);
  const status: DeadlineStatus =
    facts.agreementOn !== null ? (facts.agreementOn <= dueOn ? 'met' : 'ended') : facts.closedOn !== null ? 'ended' : pausedNow ? 'paused' : 'running';
  return deadline('mediation', facts.receivedOn, dueOn, warnDaysBefore, { status, metOn: status === 'met' ? facts.agreementOn : null, pausedDays });
}

/** The next follow-up an open case is owed: `intervalMonths` after the last one, or after receipt. */
export function followUpDeadline(facts: CaseClockFacts, policies: DeadlinePolicies): CaseDeadline {
  const { intervalMonths, warnDaysBefore } = policies.followUp;
  const last = facts.lastFollowUpOn;
  const startedOn = last !== null && last > facts.receivedOn ? last : facts.receivedOn;
  const status: DeadlineStatus = facts.closedOn !== null ? 'ended' : 'running';
  return deadline('follow_up', startedOn, addMonths(startedOn, intervalMonths), warnDaysBefore, { status, metOn: null, pausedDays: 0 });
}

export function caseDeadline(kind: CaseDeadlineKind, facts: CaseClockFacts, policies: DeadlinePolicies, today: IsoDay): CaseDeadline {
  return kind === 'mediation' ? mediationDeadline(facts, policies, today) : followUpDeadline(facts, policies);
}

export function caseDeadlines(facts: CaseClockFacts, policies: DeadlinePolicies, today: IsoDay): CaseDeadline[] {
  return [mediationDeadline(facts, policies, today), followUpDeadline(facts, policies)];
}

/** How a deadline stands on a day, as the supervisor's board shows it. */
export type DeadlineState = 'upcoming' | 'due_soon' | 'overdue' | 'met' | 'paused' | 'ended';

export interface DeadlineStanding {
  readonly state: DeadlineState;
  /** Days until the due day (0 on the day itself, negative once over). */
  readonly daysLeft: number;
  /** Days past the due day (0 unless overdue). */
  readonly daysOver: number;
}

export function standing(d: CaseDeadline, today: IsoDay): DeadlineStanding {
  const daysLeft = daysBetween(today, d.dueOn);
  const daysOver = d.status === 'running' ? Math.max(0, -daysLeft) : 0;
  if (d.status !== 'running') return { state: d.status, daysLeft, daysOver };
  if (today > d.dueOn) return { state: 'overdue', daysLeft, daysOver };
  return { state: today >= d.warnOn ? 'due_soon' : 'upcoming', daysLeft, daysOver };
}

/**
 * The notice a deadline calls for at `now` (an instant), given those already recorded: missed
 * once its due day has ended, warned once its warning day has begun; each once per due date.
 * null when nothing is due (met, paused, ended, not yet, or already recorded).
 */
export function noticeDue(d: CaseDeadline, now: string, recorded: readonly DeadlineNotice[]): DeadlineNotice['level'] | null {
  if (d.status !== 'running') return null;
  const has = (level: DeadlineNotice['level']) => recorded.some((n) => n.kind === d.kind && n.dueOn === d.dueOn && n.level === level);
  const at = Date.parse(now);
  if (at >= Date.parse(d.dueAt)) return has('missed') ? null : 'missed';
  if (at >= Date.parse(d.warnAt)) return has('warned') || has('missed') ? null : 'warned';
  return null;
}

/** The moments a job must look at this deadline again: its warning and its end, those not yet recorded. */
export function pendingNotices(d: CaseDeadline, recorded: readonly DeadlineNotice[]): { level: DeadlineNotice['level']; at: string }[] {
  if (d.status !== 'running') return [];
  const has = (level: DeadlineNotice['level']) => recorded.some((n) => n.kind === d.kind && n.dueOn === d.dueOn && n.level === level);
  if (has('missed')) return [];
  const pending: { level: DeadlineNotice['level']; at: string }[] = [];
  if (!has('warned') && d.warnAt < d.dueAt) pending.push({ level: 'warned', at: d.warnAt });
  pending.push({ level: 'missed', at: d.dueAt });
  return pending;
}
