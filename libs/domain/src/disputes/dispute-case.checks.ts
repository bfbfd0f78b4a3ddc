import { disputeCaseRules as broken } from './dispute-case.errors.js';
import type { DisputeField } from './dispute-labels.js';

// Commands arrive from outside the type system (HTTP, CLI, imports), so their values are checked at run time too.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant without its offset would mean a different moment on each server: it is refused.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

function isCalendarDay(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isIsoDate(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  return !!match && isCalendarDay(match[1]!, match[2]!, match[3]!);
}

export function isIsoDateOrInstant(value: unknown): value is string {
  if (isIsoDate(value)) return true;
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  return !!match && isCalendarDay(match[1]!, match[2]!, match[3]!);
}

export function requireDateOrInstant(field: DisputeField, value: unknown): string {
  return isIsoDateOrInstant(value) ? value : broken.dateInvalid(field, value);
}

export function requireOneOf<T extends string>(field: DisputeField, value: unknown, allowed: readonly T[]): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : broken.choiceInvalid(field, value);
}

/** Money is whole fen: never fractional, never negative, never beyond what a double holds exactly. */
export function requireFen(field: string, value: unknown): number {
  const fen = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  // -0 is a safe integer too; it becomes 0 so that no export ever shows "-0".
  return fen ? value + 0 : broken.amountInvalid(field, value);
}

/** The trimmed text, or '' when there is none. */
export function text(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}
