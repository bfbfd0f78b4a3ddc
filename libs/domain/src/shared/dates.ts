// Dates as the union counts them: calendar days in Beijing (UTC+8 all year, no daylight saving),
// and the plausibility rules every command with a date obeys. Pure: `now` always comes in.

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

/** What a clerk may send: a day, or an instant with its offset (without one it would mean a different moment on each server). */
export interface ParsedMoment {
  readonly kind: 'date' | 'instant';
  /** The text as sent (already strict, so it is stored unchanged). */
  readonly text: string;
  /** The day in Beijing: the day itself for a date, the instant's Beijing day otherwise. */
  readonly beijingDay: IsoDay;
}

/** Nothing the union records happened before this day (the federation's records start in the 1990s). */
export const EARLIEST_DAY: IsoDay = '1990-01-01';
/** How far a payment date may lie ahead of the day it is recorded. */
export const PAYMENT_HORIZON_YEARS = 10;

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Four-digit years only: expanded years (+010000-01-01) and years past 9999 are refused.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|([+-])(0\d|1[0-4]):([0-5]\d))$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of a day that exists, or null. */
export function parseIsoDay(value: unknown): IsoDay | null {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  return m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3])) ? value as IsoDay : null;
}

/**
 * A strict ISO-8601 instant: `YYYY-MM-DDTHH:mm[:ss[.fraction]]` and `Z` or `±HH:mm`. Answers its
 * milliseconds since the epoch, or null (no offset, a day that does not exist, a year beyond 9999
 * once converted to UTC or to Beijing time).
 */
export function parseIsoInstant(value: unknown): number | null {
  const m = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  if (!isCalendarDay(year, month, day)) return null;
  const second = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, ms);
  const epoch = utc.getTime() - offsetMinutes * 60_000;
  // '9999-12-31T23:00-12:00' is year 10000 in Beijing: no four-digit day can hold it.
  const beijingYear = new Date(epoch + BEIJING_OFFSET_MS).getUTCFullYear();
  return beijingYear >= 1 && beijingYear <= 9999 ? epoch : null;
}

/** A day or an instant, strictly; null for anything else. */
export function parseDayOrInstant(value: unknown): ParsedMoment | null {
  const day = parseIsoDay(value);
  if (day) return { kind: 'date', text: day, beijingDay: day };
  const epoch = parseIsoInstant(value);
  return epoch === null ? null : { kind: 'instant', text: value as string, beijingDay: dayOfEpoch(epoch) };
}

/**
 * The calendar day in Beijing of an ISO day or instant: how the union counts days (the 15 days
 * of LDMAL art. 14, "today", report periods). A day is its own day. Throws on anything else:
 * callers pass values the domain has already checked.
 */
export function beijingDay(value: string): IsoDay {
  const day = storedDay(value);
  if (!day) throw new RangeError(`Not an ISO date or instant: ${JSON.stringify(value)}`);
  return day;
}

/** The Beijing day of a value already stored, or null when history holds one no day can represent. */
function storedDay(value: string): IsoDay | null {
  return (parseDayOrInstant(value) ?? lenientInstant(value))?.beijingDay ?? null;
}

/** Beijing wall-clock time of an instant, `YYYY-MM-DD HH:mm`; a day stays as written. */
export function beijingDateTime(value: string): string {
  const parsed = parseDayOrInstant(value) ?? lenientInstant(value);
  if (!parsed) return value;
  if (parsed.kind === 'date') return parsed.text;
  return new Date(Date.parse(parsed.text) + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `day` moved by whole years; 29 February becomes 28 February in a common year. */
export function addYears(day: IsoDay, years: number): IsoDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Why a date is not plausible (each maps to a clerk's message in the aggregate's rules). */
export type ImplausibleDate =
  | 'before_1990'
  | 'in_future'
  | 'before_referral'
  | 'before_application'
  | 'beyond_payment_horizon';

/**
 * Something that happened (an application received, a session held, an answer given, a
 * follow-up made): not before 1990, not after today in Beijing; `notBefore` (a day or instant)
 * adds the rule that it cannot come before what it answers.
 */
export function happenedProblem(
  moment: ParsedMoment,
  now: string,
  notBefore?: { value: string; reason: 'before_referral' | 'before_application' },
): ImplausibleDate | null {
  if (moment.beijingDay < EARLIEST_DAY) return 'before_1990';
  if (moment.beijingDay > beijingDay(now)) return 'in_future';
  // A limit from history that no day can represent (stored before these checks) limits nothing.
  const limit = notBefore && storedDay(notBefore.value);
  if (notBefore && limit && moment.beijingDay < limit) return notBefore.reason;
  return null;
}

/**
 * A payment date: not before the application it settles (a dispute is not settled before it
 * is brought, and not before 1990) and not more than ten years after today. Past dates are
 * allowed: cases are entered after the fact (the seed's cases are from 2011 to 2016).
 */
export function paymentDayProblem(day: IsoDay, now: string, applicationReceived: string): ImplausibleDate | null {
  if (day < EARLIEST_DAY) return 'before_1990';
  const received = storedDay(applicationReceived);
  if (received && day < received) return 'before_application';
  if (day > addYears(beijingDay(now), PAYMENT_HORIZON_YEARS)) return 'beyond_payment_horizon';
  return null;
}

function dayOfEpoch(epoch: number): IsoDay {
  return new Date(epoch + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Instants the system made itself (`now`, `occurredAt`: `Date#toISOString()`, always 4-digit years
 * and `Z`) pass the strict parser; this also reads older stored values with extra precision or
 * an offset like `+0800`, so that a replay never throws on history.
 */
function lenientInstant(value: string): ParsedMoment | null {
  const epoch = Date.parse(value);
  if (Number.isNaN(epoch) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const day = dayOfEpoch(epoch);
  return DAY.test(day) ? { kind: 'instant', text: value, beijingDay: day } : null;
}
