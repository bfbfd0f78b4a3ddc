/** Why a unified social credit code was refused, in the order the checks run. */
export type CreditCodeProblem = 'length' | 'format' | 'check_digit';
export type CreditCodeCheck = { ok: true; normalized: string } | { ok: false; reason: CreditCodeProblem };

// GB 32100-2015: 31 characters, without I, O, S, V and Z so that none is misread as a digit.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character that the first 17 characters of a credit code call for. */
export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((total, ch, i) => total + CHARSET.indexOf(ch) * WEIGHTS[i]!, 0);
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Checks an employer's unified social credit code (统一社会信用代码, GB 32100-2015). */
export function validateCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: 'length' };
  if (![...code].every((ch) => CHARSET.includes(ch))) return { ok: false, reason: 'format' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'check_digit' };
  return { ok: true, normalized: code };
}
