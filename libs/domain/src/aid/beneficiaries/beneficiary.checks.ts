import { beijingDay, EARLIEST_DAY, parseIsoDay, type IsoDay } from '../../shared/dates.js';
import type { CommandContext } from '../../shared/messages.js';
import { requireEnteredAmount } from '../aid-amounts.js';
import type { BeneficiaryField } from './beneficiary-labels.js';
import { beneficiaryRules as broken, type ImplausibleDay } from './beneficiary.errors.js';

// Commands arrive from outside the type system (HTTP, CLI, imports), so their values are checked at run time too.

/** Fund officers keep the files and record visits; supervisors may too. */
export function requireRecorder(ctx: CommandContext): void {
  if (ctx.actor.role !== 'fund_officer' && ctx.actor.role !== 'supervisor') broken.notAidRecorder();
}

/** The trimmed text, or '' when there is none (or it is not text at all). */
export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function requireOneOf<T extends string>(field: BeneficiaryField, value: unknown, allowed: readonly T[]): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : broken.choiceInvalid(field, value);
}

/**
 * A day something happened: a calendar day, not before `earliest` (1990 unless said otherwise:
 * the federation's records start then) nor after today in Beijing, and not before `notBefore`.
 */
export function requireDay(
  field: BeneficiaryField,
  value: unknown,
  now: string,
  options: { earliest?: IsoDay; notBefore?: { day: IsoDay; reason: ImplausibleDay } } = {},
): IsoDay {
  const day = parseIsoDay(value) ?? broken.dateInvalid(field, value);
  const earliest = options.earliest ?? EARLIEST_DAY;
  if (day < earliest) broken.dateImplausible(field, day, 'too_early', earliest);
  const today = beijingDay(now);
  if (day > today) broken.dateImplausible(field, day, 'in_future', today);
  const { notBefore } = options;
  if (notBefore && day < notBefore.day) broken.dateImplausible(field, day, notBefore.reason, notBefore.day);
  return day;
}

/** A whole year from `from` to this year in Beijing. */
export function requireYear(field: 'yearAwarded' | 'year', value: unknown, now: string, from: number): number {
  const to = Number(beijingDay(now).slice(0, 4));
  return Number.isSafeInteger(value) && (value as number) >= from && (value as number) <= to
    ? (value as number)
    : broken.yearInvalid(field, value, from, to);
}

export function requireCount(field: 'householdSize' | 'members', value: unknown, min: number): number {
  return Number.isSafeInteger(value) && (value as number) >= min ? (value as number) : broken.countInvalid(field, value, min);
}

/** An amount entered on a file: the kernel's requireAmount (with its ceiling), the field named. */
export function requireAmount(field: 'monthlyIncomePerPersonFen', value: unknown): number {
  return requireEnteredAmount(field, value, { positive: false });
}

export function requireReason(value: unknown): string {
  return text(value) ? (value as string).trim() : broken.reasonRequired();
}
