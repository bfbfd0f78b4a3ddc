// Deadlines on something other than the case itself: an instalment of a payment plan, a request
// waiting for a supervisor. Each is one item (the instalment's due day, the write-off, the
// disbursement) with a due day, possibly a grace after it, and a warning before it; the same
// pure answers as the case's calculator (standing, the notice due now, the notices still to come).
import type { IsoDay } from '../shared/dates.js';
import type { DeadlineStanding, DeadlineStatus } from './deadline-calculator.js';
import { addDays, daysBetween, startOfBeijingDay } from './deadline-days.js';
import type { ItemDeadlineKind } from './deadline-policies.js';

/** A warning or a miss recorded for one item, for the deadline due on `dueOn`. */
export interface ItemDeadlineNotice {
  readonly kind: ItemDeadlineKind;
  readonly itemId: string;
  readonly level: 'warned' | 'missed';
  readonly dueOn: IsoDay;
}

export interface ItemDeadline {
  readonly kind: ItemDeadlineKind;
  /** The instalment's due day, the write-off's or the disbursement's id. */
  readonly itemId: string;
  /** When the deadline began: the plan set, the request made. */
  readonly startedOn: IsoDay;
  readonly warnOn: IsoDay;
  /** The instalment's due day; the last day to decide a request. */
  readonly dueOn: IsoDay;
  /** The last day before it is missed: the due day plus the grace (instalments), else the due day. */
  readonly lastDay: IsoDay;
  readonly warnAt: string;
  /** The instant it is missed: the last day has ended in Beijing. */
  readonly dueAt: string;
  /** running: still owed or waiting; met: done by the last day; ended: closed, cancelled, or done late. */
  readonly status: Exclude<DeadlineStatus, 'paused'>;
  /** Done, but only after the last day: it was missed all the same. */
  readonly doneLate: boolean;
  readonly amountFen: number;
  /** Who asked for the decision (approvals), so the inbox leaves it out of the asker's own. */
  readonly requestedBy: string | null;
}

export function itemDeadline(
  fields: Pick<ItemDeadline, 'kind' | 'itemId' | 'startedOn' | 'dueOn' | 'status' | 'doneLate' | 'amountFen' | 'requestedBy'> & { graceDays: number; warnDaysBefore: number },
): ItemDeadline {
  const { graceDays, warnDaysBefore, ...rest } = fields;
  const lastDay = addDays(rest.dueOn, graceDays);
  const warnOn = addDays(rest.dueOn, -Math.min(warnDaysBefore, Math.max(0, daysBetween(rest.startedOn, rest.dueOn))));
  return { ...rest, warnOn, lastDay, warnAt: startOfBeijingDay(warnOn), dueAt: startOfBeijingDay(addDays(lastDay, 1)) };
}

/**
 * A request waiting for a supervisor (a disbursement, a write-off): decided within `days` of the
 * request is met; decided later was missed all the same; withdrawn (a disbursement cancelled)
 * or no longer waited for (the case closed) ends the wait.
 */
export function approvalDeadline(
  request: Pick<ItemDeadline, 'kind' | 'itemId' | 'amountFen' | 'requestedBy'> & { requestedOn: IsoDay; decidedOn: IsoDay | null; withdrawn: boolean; waitEnded: boolean },
  rule: { days: number; warnDaysBefore: number },
): ItemDeadline {
  const { requestedOn, decidedOn, withdrawn, waitEnded, ...item } = request;
  const dueOn = addDays(requestedOn, rule.days);
  const inTime = decidedOn !== null && decidedOn <= dueOn;
  const status = inTime && !withdrawn ? 'met' : decidedOn !== null || waitEnded ? 'ended' : 'running';
  return itemDeadline({ ...item, startedOn: requestedOn, dueOn, status, doneLate: decidedOn !== null && !inTime, graceDays: 0, warnDaysBefore: rule.warnDaysBefore });
}

/**
 * How an item stands on a day, as the board shows it: due soon from the warning day through the
 * last day (for an instalment, its grace too: it is owed, not yet missed), overdue after it;
 * days over count from the due day.
 */
export function itemStanding(d: ItemDeadline, today: IsoDay): DeadlineStanding {
  const daysLeft = daysBetween(today, d.dueOn);
  if (d.status !== 'running') return { state: d.status, daysLeft, daysOver: 0 };
  if (today > d.lastDay) return { state: 'overdue', daysLeft, daysOver: Math.max(0, -daysLeft) };
  return { state: today >= d.warnOn ? 'due_soon' : 'upcoming', daysLeft, daysOver: 0 };
}

const has = (d: ItemDeadline, recorded: readonly ItemDeadlineNotice[], level: ItemDeadlineNotice['level']) =>
  recorded.some((n) => n.kind === d.kind && n.itemId === d.itemId && n.dueOn === d.dueOn && n.level === level);

/**
 * The notice an item calls for at `now`, given those recorded: missed once its last day has
 * ended undone (also when it was done only afterwards), warned once its warning day has begun
 * while it is still undone; each once per due day. null when nothing is due.
 */
export function itemNoticeDue(d: ItemDeadline, now: string, recorded: readonly ItemDeadlineNotice[]): ItemDeadlineNotice['level'] | null {
  const at = Date.parse(now);
  if (at >= Date.parse(d.dueAt)) return (d.status === 'running' || d.doneLate) && !has(d, recorded, 'missed') ? 'missed' : null;
  if (d.status !== 'running') return null;
  if (at >= Date.parse(d.warnAt)) return has(d, recorded, 'warned') || has(d, recorded, 'missed') ? null : 'warned';
  return null;
}

/** The moments a job must look at this item again: its warning and its end, those not yet recorded. */
export function itemPendingNotices(d: ItemDeadline, recorded: readonly ItemDeadlineNotice[]): { level: ItemDeadlineNotice['level']; at: string }[] {
  if (d.status !== 'running' || has(d, recorded, 'missed')) return [];
  const pending: { level: ItemDeadlineNotice['level']; at: string }[] = [];
  if (!has(d, recorded, 'warned') && d.warnAt < d.dueAt) pending.push({ level: 'warned', at: d.warnAt });
  pending.push({ level: 'missed', at: d.dueAt });
  return pending;
}
