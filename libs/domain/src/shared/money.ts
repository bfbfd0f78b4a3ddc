import type { Lang } from './bilingual.js';
import { rule } from './domain-error.js';

// Money is whole fen (1 yuan = 100 fen) in safe integers: never a float, never a fraction of a fen.
// Every function here is exact; anything that would lose a fen throws AMOUNT_INVALID instead.

declare const fenBrand: unique symbol;
/** A whole number of fen, checked to be a safe integer (it may be negative: a balance, a refund). */
export type Fen = number & { readonly [fenBrand]: true };

export type MoneyLang = Lang;

/**
 * The most one entered amount may be: 1,000,000,000.00 yuan. Far above any wage claim, receipt,
 * allocation or grant a town federation records, and low enough that 90,000 such amounts still
 * add up exactly; a figure above it is a typing slip (a digit too many, fen typed as yuan).
 */
export const MAX_AMOUNT_FEN = 100_000_000_000;

type AmountProblem = 'not_whole_fen' | 'negative' | 'not_yuan' | 'too_large' | 'implausible';

const MESSAGES: Record<AmountProblem, { en: string; zh: string }> = {
  not_yuan: { en: 'An amount in yuan is written like 922500.00 or 0.5: digits, and at most two after the point.', zh: '以元为单位的金额应写作 922500.00 或 0.5：只含数字，小数点后最多两位。' },
  too_large: { en: 'The amounts add up to more than can be recorded exactly.', zh: '金额合计过大，无法精确记录。' },
  implausible: { en: 'An amount can be at most 1,000,000,000.00 yuan: check for a digit too many.', zh: '单笔金额最多为 1,000,000,000.00 元，请检查是否多输了位数。' },
  not_whole_fen: { en: 'An amount is a whole, non-negative number of fen (1 yuan = 100 fen).', zh: '金额须为以分为单位的非负整数（1元 = 100分）。' },
  negative: { en: 'An amount is a whole, non-negative number of fen (1 yuan = 100 fen).', zh: '金额须为以分为单位的非负整数（1元 = 100分）。' },
};

const amountInvalid = (value: unknown, reason: AmountProblem, field?: string): never =>
  rule('AMOUNT_INVALID', MESSAGES[reason].en, MESSAGES[reason].zh, {
    ...(field === undefined ? {} : { field }),
    value: typeof value === 'string' || typeof value === 'number' ? value : String(value),
    reason,
    ...(reason === 'implausible' ? { limit: MAX_AMOUNT_FEN } : {}),
  });

/** Whether `value` is a whole number of fen that arithmetic holds exactly. */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A non-negative whole number of fen, or AMOUNT_INVALID; -0 becomes 0 so that no export shows "-0". */
export function requireFen(value: unknown): Fen {
  if (!isFen(value)) return amountInvalid(value, 'not_whole_fen');
  if (value < 0) return amountInvalid(value, 'negative');
  return (value + 0) as Fen;
}

/**
 * An amount someone entered (a claim, a receipt, a payout, an income, a grant): a whole,
 * non-negative number of fen no larger than MAX_AMOUNT_FEN, or AMOUNT_INVALID. For what a
 * person types in `decide`; folds of stored history use requireFen, so no past event stops a replay.
 * `field` (`amounts[2].amountFen`) names the field in the refusal's details.
 */
export function requireAmount(value: unknown, field?: string): Fen {
  if (!isFen(value)) return amountInvalid(value, 'not_whole_fen', field);
  if (value < 0) return amountInvalid(value, 'negative', field);
  if (value > MAX_AMOUNT_FEN) return amountInvalid(value, 'implausible', field);
  return (value + 0) as Fen;
}

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * "922500.00" → 92250000 fen, "0.5" → 50, "12" → 1200: decimal text read digit by digit, never
 * through a float (0.1 + 0.2 is not 0.3 in binary). Surrounding spaces are allowed; signs,
 * separators, exponents and a third decimal place are not.
 */
export function parseYuan(text: string): Fen {
  const m = typeof text === 'string' ? YUAN.exec(text.trim()) : null;
  if (!m) return amountInvalid(text, 'not_yuan');
  const fen = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return amountInvalid(text, 'too_large');
  return Number(fen) as Fen;
}

/** The exact sum, or AMOUNT_INVALID when a term or the total leaves the safe-integer range. */
export function sumFen(amounts: Iterable<number>): Fen {
  let total = 0;
  for (const amount of amounts) {
    if (!isFen(amount)) return amountInvalid(amount, 'not_whole_fen');
    total += amount;
    // Both terms are safe, so the float sum is off only once it leaves the safe range: checked at every step.
    if (!Number.isSafeInteger(total)) return amountInvalid(total, 'too_large');
  }
  return (total + 0) as Fen;
}

/**
 * Splits `totalFen` in whole fen in proportion to `weights` (for example what each worker is owed)
 * by the largest-remainder method: each part first gets the floor of its exact share, then the
 * fen left over go one each to the parts with the largest remainders; equal remainders go in
 * input order (the earlier part first). So the parts always add up to the total, none is
 * negative, each is within one fen of its exact share, and the same input gives the same split.
 * Throws AMOUNT_INVALID for a negative or fractional total or weight, and when every weight is 0.
 */
export function splitFen(totalFen: number, weights: readonly number[]): Fen[] {
  const total = BigInt(requireFen(totalFen));
  const w = weights.map((x) => BigInt(requireFen(x)));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    return rule(
      'SPLIT_WITHOUT_SHARES',
      'There is nobody to split the amount between: every share is zero.',
      '无法分配该金额：所有份额均为零。',
      { totalFen, parts: weights.length },
    );
  }
  const floors = w.map((x) => (total * x) / sum);
  const remainders = w.map((x) => (total * x) % sum);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors.map((f) => Number(f) as Fen);
}

/** `totalFen` in `parts` parts as equal as whole fen allow; the earlier parts get the odd fen. */
export function splitFenEvenly(totalFen: number, parts: number): Fen[] {
  return splitFen(totalFen, Array.from({ length: parts }, () => 1));
}

/**
 * An amount as a clerk reads it, always to the fen: zh "922,500.00元" (the form already used in
 * case timelines and the report; 万元 would round fen away), en "¥922,500.00". A negative amount
 * reads "-922,500.00元" / "-¥922,500.00". A bigint is formatted exactly however large.
 */
export function formatYuan(fen: number | bigint, lang: MoneyLang): string {
  // A bigint is exact at any size (a sum of stored history read from SQL); a number must be a safe integer.
  if (typeof fen !== 'bigint' && !isFen(fen)) return amountInvalid(fen, 'not_whole_fen');
  const exact = BigInt(fen);
  const abs = exact < 0n ? -exact : exact;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const amount = `${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
  const sign = exact < 0n ? '-' : '';
  return lang === 'zh' ? `${sign}${amount}元` : `${sign}¥${amount}`;
}
