import { happenedProblem, parseIsoDay, type ImplausibleDate } from '../shared/dates.js';
import { rule } from '../shared/domain-error.js';

// Commands arrive from outside the type system (HTTP, CLI, jobs), so their values are checked at run time too.

const FIELD_LABELS = {
  kind: { zh: '类别', en: 'kind' },
  source: { zh: '资金来源', en: 'source of income' },
  method: { zh: '支付方式', en: 'payment method' },
  receivedOn: { zh: '到账日期', en: 'The date the money was received' },
  paidOn: { zh: '支付日期', en: 'The date of payment' },
  requestedOn: { zh: '申请日期', en: 'The date of the request' },
  approvedOn: { zh: '批准日期', en: 'The date of approval' },
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

/** What a day must not come before: the step of the disbursement it follows. */
export interface DayLimit {
  day: string;
  reason: 'before_request' | 'before_approval';
}

/**
 * A day something happened (money received or paid, a disbursement asked for or approved): a
 * calendar day, not before 1990, not after today in Beijing (the kernel's rules), and not before
 * `notBefore` (the request an approval follows, the approval a payment follows) when given.
 */
export function requireDayHappened(field: 'receivedOn' | 'paidOn' | 'requestedOn' | 'approvedOn', value: unknown, now: string, notBefore?: DayLimit): string {
  const { zh, en } = FIELD_LABELS[field];
  const day = parseIsoDay(value) ?? rule('DATE_INVALID', `${en} must be a date such as 2026-03-01.`, `${zh}应为日期，如 2026-03-01。`, { field, value });
  let problem: ImplausibleDate | DayLimit['reason'] | null = happenedProblem({ kind: 'date', text: day, beijingDay: day }, now);
  if (!problem && notBefore && day < notBefore.day) problem = notBefore.reason;
  if (!problem) return day;
  const limit = notBefore?.day ?? '';
  const why = {
    before_1990: { en: 'cannot be before 1990', zh: '不能早于1990年' },
    in_future: { en: 'cannot be later than today (Beijing time)', zh: '不能晚于今天（北京时间）' },
    before_request: { en: `cannot be before the disbursement was requested (${limit})`, zh: `不能早于申请日期（${limit}）` },
    before_approval: { en: `cannot be before the disbursement was approved (${limit})`, zh: `不能早于批准日期（${limit}）` },
    before_referral: { en: 'is too early', zh: '过早' },
    before_application: { en: 'is too early', zh: '过早' },
    beyond_payment_horizon: { en: 'is too late', zh: '过晚' },
  }[problem];
  return rule('DATE_IMPLAUSIBLE', `${en} ${why.en}: ${day}.`, `${zh}${why.zh}：${day}。`, { field, value: day, reason: problem });
}
