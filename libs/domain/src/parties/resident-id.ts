import { beijingDay } from '../shared/dates.js';

/** Why a resident ID number was refused, in the order the checks run. */
export type ResidentIdProblem = 'length' | 'format' | 'birth_date' | 'check_digit';
export type ResidentIdCheck = { ok: true; normalized: string } | { ok: false; reason: ResidentIdProblem };

// ISO 7064 MOD 11-2 as GB 11643-1999 applies it: weight i is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character that the first 17 digits of a resident ID number call for. */
export function residentIdCheckChar(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Checks an 18-character PRC resident ID number (第二代居民身份证). Pass `asOf` (an ISO date or
 * instant, usually the command's `now`) to refuse a birth date in the future as well.
 * First-generation 15-digit numbers are refused as 'length': they expired in 2013.
 */
export function validateResidentId(input: string, opts: { asOf?: string } = {}): ResidentIdCheck {
  const id = input.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, reason: 'length' };
  if (!SHAPE.test(id)) return { ok: false, reason: 'format' };
  if (!isPlausibleBirthDate(id.slice(6, 14), opts.asOf)) return { ok: false, reason: 'birth_date' };
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: 'check_digit' };
  return { ok: true, normalized: id };
}

/**
 * For screens and exports: region (6) and the last 4 stay, so a clerk can tell people apart and
 * match a card in hand, while the birth date is hidden. Anything not 18 long is masked whole.
 */
export function maskResidentId(input: string): string {
  const id = input.trim().toUpperCase();
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

function isPlausibleBirthDate(yyyymmdd: string, asOf?: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  // Born "in the future" is counted in Beijing days: just after midnight in Beijing is still the previous day in UTC.
  return asOf === undefined || iso <= beijingDay(asOf);
}
