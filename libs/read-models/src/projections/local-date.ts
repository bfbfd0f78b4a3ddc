/**
 * The calendar day in Beijing time of an ISO date or instant: how the union counts days.
 * Years past 9999 are written in full (10000-01-01), never as the ISO string's "+010000";
 * a value that is no date at all throws, so the projection names the event that carries it.
 */
export function beijingDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = new Date(value).getTime();
  if (!Number.isFinite(t)) throw new RangeError(`not a date: ${JSON.stringify(value.slice(0, 40))}`);
  const d = new Date(t + 8 * 3600_000);
  const year = d.getUTCFullYear();
  const yyyy = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
  return `${yyyy}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** An ISO instant as a Date; a value that is no instant throws (never an Invalid Date in a row). */
export function instant(value: string): Date {
  const d = new Date(value);
  if (!Number.isFinite(d.getTime())) throw new RangeError(`not an instant: ${JSON.stringify(String(value).slice(0, 40))}`);
  return d;
}
