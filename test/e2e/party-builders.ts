import { creditCodeCheckChar, residentIdCheckChar } from '#domain';

/** A valid resident ID number: Beijing Dongcheng, born 1985-06-15, sequence `n` (0..999). */
export function aResidentId(n: number, region = '110101'): string {
  const first17 = `${region}19850615${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** The same number with its last character changed: a typing error the check digit catches. */
export function withWrongCheckDigit(id: string): string {
  const wrong = id.endsWith('1') ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

/** A valid unified social credit code for a Shunyi company, sequence `n`. */
export function aCreditCode(n: number): string {
  const first17 = `91110113MA${String(n % 10_000_000).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

export function aWorker(n: number, overrides: Record<string, unknown> = {}) {
  return { name: `职工${n}号`, idNumber: aResidentId(n), phone: '13800138000', ...overrides };
}

export function anEmployer(n: number, overrides: Record<string, unknown> = {}) {
  return { name: `仁和镇宏达建材有限公司${n}分公司`, creditCode: aCreditCode(n), address: '北京市顺义区仁和镇', contact: '李经理 13900139000', ...overrides };
}
