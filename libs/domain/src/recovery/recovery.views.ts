import { beijingDay, type IsoDay } from '../shared/dates.js';
import type { Hold, Instalment, RecoveryLedger } from './recovery.events.js';

/**
 * An instalment as of a day: `paid` when what the employer paid in (and what was written off)
 * by then covers it, in due-date order; otherwise `late` once its due date has passed (a missed
 * instalment opens the way to arbitration or a payment order, LDMAL arts. 14 and 16),
 * `partly_paid` before then when something covers it, and `due` when nothing does yet.
 */
export type InstalmentStatus = 'due' | 'paid' | 'partly_paid' | 'late';
export interface InstalmentState extends Instalment {
  readonly number: number;
  readonly coveredFen: number;
  readonly status: InstalmentStatus;
}

const WHOLE_DAY = 86_400_000;
/** Days from `from` to `to` (calendar days; negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / WHOLE_DAY);
}

/** What covers the plan by `asOf`: receipts received on or before it, and write-offs approved by its end (Beijing). */
export function coveredFenAsOf(ledger: RecoveryLedger, asOf: IsoDay): number {
  const received = ledger.receipts.filter((r) => r.receivedOn <= asOf).reduce((s, r) => s + r.amountFen, 0);
  const writtenOff = ledger.writeOffs
    .filter((o) => o.decision.status === 'approved' && beijingDay(o.decision.at) <= asOf)
    .reduce((s, o) => s + o.amountFen, 0);
  return received + writtenOff;
}

export function instalmentStates(ledger: RecoveryLedger, asOf: IsoDay): InstalmentState[] {
  let covered = coveredFenAsOf(ledger, asOf);
  return ledger.plan.map((instalment, i) => {
    const coveredFen = Math.min(covered, instalment.amountFen);
    covered -= coveredFen;
    const status: InstalmentStatus =
      coveredFen === instalment.amountFen ? 'paid' : instalment.dueOn < asOf ? 'late' : coveredFen > 0 ? 'partly_paid' : 'due';
    return { number: i + 1, dueOn: instalment.dueOn, amountFen: instalment.amountFen, coveredFen, status };
  });
}

/**
 * The due date of the first instalment that the money received so far does not cover (null
 * when every instalment is covered, or there is no plan): a case is overdue once today is past
 * it, and the most overdue case is the one with the earliest such date.
 */
export function firstUncoveredDueOn(ledger: RecoveryLedger): IsoDay | null {
  let covered = coveredFenAsOf(ledger, '9999-12-31');
  for (const instalment of ledger.plan) {
    if (covered < instalment.amountFen) return instalment.dueOn;
    covered -= instalment.amountFen;
  }
  return null;
}

/** How long money has been held: the ageing a supervisor watches (30, 90, 365 days or more). */
export type HoldAge = 'under_30_days' | '30_days' | '90_days' | '365_days';
export function holdAge(hold: Pick<Hold, 'heldOn'>, asOf: IsoDay): HoldAge {
  const days = daysBetween(hold.heldOn, asOf);
  return days >= 365 ? '365_days' : days >= 90 ? '90_days' : days >= 30 ? '30_days' : 'under_30_days';
}
export interface HeldMoney {
  readonly claimantId: string;
  readonly name: string;
  readonly holdId: string;
  readonly heldOn: string;
  readonly remainingFen: number;
  readonly days: number;
  readonly age: HoldAge;
  readonly reason: string;
}
/** Every hold still holding money, with its age as of `asOf`. */
export function heldMoney(ledger: RecoveryLedger, asOf: IsoDay): HeldMoney[] {
  return ledger.workers.flatMap((w) =>
    w.holds
      .filter((h) => h.remainingFen > 0)
      .map((h) => ({
        claimantId: w.claimantId,
        name: w.name,
        holdId: h.holdId,
        heldOn: h.heldOn,
        remainingFen: h.remainingFen,
        days: daysBetween(h.heldOn, asOf),
        age: holdAge(h, asOf),
        reason: h.reason,
      })),
  );
}
