/** The calendar day in Beijing time of an ISO date or instant: how the union counts days. */
export function beijingDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = new Date(value).getTime();
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}
