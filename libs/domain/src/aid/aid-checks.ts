import { happenedProblem, parseIsoDay, type ImplausibleDate } from '../shared/dates.js';
import { rule } from '../shared/domain-error.js';

// Commands arrive from outside the type system (HTTP, CLI, jobs), so their values are checked at run time too.

const FIELD_LABELS = {
  kind: { zh: '类别', en: 'kind' },
  source: { zh: '资金来源', en: 'source of income' },
  method: { zh: '支付方式', en: 'payment method' },
  receivedOn: { zh: '到账日期', en: 'The date the money was received' },
  paidOn: { zh: '支付日期', en: 'The date of payment' },
} as const;
export type AidField = keyof typeof FIELD_LABELS;

export function requireOneOf<T extends string>(field: AidField, value: unknown, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  const { zh, en } = FIELD_LABELS[field];
  return rule('CHOICE_INVALID', `"${String(value)}" is not a valid ${en}.`, `“${String(value)}”不是有效的${zh}。`, { field, value });
}

/** The trimmed text, or '' when there is none (or it is not text at all). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The day money moved (received, paid): a calendar day, not before 1990, not after today in
 * Beijing, and not before `notBefore` (the day a disbursement was approved) when given.
 */
export function requireDayHappened(field: 'receivedOn' | 'paidOn', value: unknown, now: string, notBefore?: string): string {
  const { zh, en } = FIELD_LABELS[field];
  const day = parseIsoDay(value) ?? rule('DATE_INVALID', `${en} must be a date such as 2026-03-01.`, `${zh}应为日期，如 2026-03-01。`, { field, value });
  let problem: ImplausibleDate | 'before_approval' | null = happenedProblem({ kind: 'date', text: day, beijingDay: day }, now);
  if (!problem && notBefore && day < notBefore) problem = 'before_approval';
  if (!problem) return day;
  const why = {
    before_1990: { en: 'cannot be before 1990', zh: '不能早于1990年' },
    in_future: { en: 'cannot be later than today (Beijing time)', zh: '不能晚于今天（北京时间）' },
    before_approval: { en: `cannot be before the disbursement was approved (${notBefore ?? ''})`, zh: `不能早于批准日期（${notBefore ?? ''}）` },
    before_referral: { en: 'is too early', zh: '过早' },
    before_application: { en: 'is too early', zh: '过早' },
    beyond_payment_horizon: { en: 'is too late', zh: '过晚' },
  }[problem];
  return rule('DATE_IMPLAUSIBLE', `${en} ${why.en}: ${day}.`, `${zh}${why.zh}：${day}。`, { field, value: day, reason: problem });
}
