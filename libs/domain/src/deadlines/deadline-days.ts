import { beijingDay, type IsoDay } from '../shared/dates.js';

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3600_000;

const utc = (day: IsoDay): number => Date.parse(`${day}T00:00:00.000Z`);
const dayOf = (ms: number): IsoDay => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: IsoDay, days: number): IsoDay {
  return dayOf(utc(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** `day` moved by whole calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(day: IsoDay, months: number): IsoDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The instant a Beijing day begins (00:00 in Beijing), ISO-8601 in UTC. */
export function startOfBeijingDay(day: IsoDay): string {
  return new Date(utc(day) - BEIJING_OFFSET_MS).toISOString();
}

/**
 * The Beijing day of a stored value, never throwing: history may hold an instant no four-digit
 * day can represent (stored before the date checks, e.g. 9999-12-31T23:00-12:00, year 10000 in
 * Beijing); such a day counts as the last representable one, so a replay never stops on it.
 */
export function storedBeijingDay(value: string): IsoDay {
  try {
    return beijingDay(value);
  } catch {
    const t = Date.parse(value);
    const day = Number.isFinite(t) ? new Date(t + 8 * 3600_000).toISOString().slice(0, 10) : '';
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : '9999-12-31';
  }
}
