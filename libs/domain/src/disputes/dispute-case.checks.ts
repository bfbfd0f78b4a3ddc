import { addYears, beijingDateTime, beijingDay, happenedProblem, parseDayOrInstant, parseIsoDay, PAYMENT_HORIZON_YEARS, paymentDayProblem } from '../shared/dates.js';
import { disputeCaseRules as broken } from './dispute-case.errors.js';
import type { DisputeField } from './dispute-labels.js';

// Commands arrive from outside the type system (HTTP, CLI, imports), so their values are checked at run time too.

type HappenedField = Extract<DisputeField, 'receivedAt' | 'oral.recordedAt' | 'referredAt' | 'answeredAt' | 'heldAt' | 'at'>;

/**
 * The date of something that happened, as sent (a day, or an instant with its offset): not
 * before 1990, not after today in Beijing, and not before `notBefore` (the referral it answers,
 * the application it follows) counted in Beijing days.
 */
export function requireHappened(
  field: HappenedField,
  value: unknown,
  now: string,
  notBefore?: { value: string; reason: 'before_referral' | 'before_application' },
): string {
  const moment = parseDayOrInstant(value) ?? broken.dateInvalid(field, value);
  const problem = happenedProblem(moment, now, notBefore);
  if (problem) broken.dateImplausible(field, moment.text, problem, notBefore && beijingDateTime(notBefore.value));
  return moment.text;
}

/** How many Beijing days after the application's day its oral record may still be dated (written up the next morning). */
export const ORAL_RECORD_DAYS = 1;

/**
 * When an oral application was recorded. LDMAL art. 12: the mediator records an oral application
 * on the spot (当场记录), so the record is dated when the application was received: not before
 * the day it was received (`before_application`), and not more than ORAL_RECORD_DAYS later
 * (`oral_record_late`: an application taken late in the evening may be written up the next
 * morning, a record weeks apart is a slip). Beijing days, like every other date rule.
 */
export function requireOralRecordedAt(value: unknown, now: string, receivedAt: string): string {
  const recordedAt = requireHappened('oral.recordedAt', value, now, { value: receivedAt, reason: 'before_application' });
  const receivedDay = beijingDay(receivedAt);
  const latest = addDays(receivedDay, ORAL_RECORD_DAYS);
  if (beijingDay(recordedAt) > latest) broken.dateImplausible('oral.recordedAt', recordedAt, 'oral_record_late', beijingDateTime(receivedAt));
  return recordedAt;
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Payment dates are days: not before the application, at most ten years ahead. */
export function requirePaymentDates(values: unknown, now: string, applicationReceived: string): string[] {
  if (!Array.isArray(values)) return broken.dateInvalid('paymentDates', values);
  return values.map((value: unknown, i) => {
    const day = parseIsoDay(value) ?? broken.dateInvalid('paymentDates', value);
    const problem = paymentDayProblem(day, now, applicationReceived);
    if (problem) broken.dateImplausible('paymentDates', day, problem, paymentLimit(problem, now, applicationReceived), i);
    return day;
  });
}

function paymentLimit(problem: string, now: string, applicationReceived: string): string | undefined {
  if (problem === 'before_application') return beijingDateTime(applicationReceived);
  if (problem === 'beyond_payment_horizon') return addYears(beijingDay(now), PAYMENT_HORIZON_YEARS);
  return undefined;
}

export function requireOneOf<T extends string>(field: DisputeField, value: unknown, allowed: readonly T[]): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : broken.choiceInvalid(field, value);
}

/** The trimmed text, or '' when there is none (or it is not text at all). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Text a record cannot do without: refused when blank or only whitespace; kept as written otherwise. */
export function requireText(field: 'answer' | 'summary' | 'result', value: unknown): string {
  return text(value) ? (value as string) : broken.textRequired(field);
}
