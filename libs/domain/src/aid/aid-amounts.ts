import type { Bilingual } from '../shared/bilingual.js';
import { DomainError, rule } from '../shared/domain-error.js';
import { requireAmount, type Fen } from '../shared/money.js';

/** The amounts a person enters in the aid fund's commands, by the field they are sent in. */
export const AID_AMOUNT_FIELDS = {
  amountFen: { zh: '金额', en: 'The amount' },
  perBeneficiaryCapFen: { zh: '每人限额', en: 'The cap per beneficiary' },
  moneyFen: { zh: '慰问金', en: 'The money given' },
  monthlyIncomePerPersonFen: { zh: '家庭人均月收入', en: 'The monthly income per person' },
} as const satisfies Record<string, Bilingual>;
export type AidAmountField = keyof typeof AID_AMOUNT_FIELDS;

/**
 * An amount a person entered: the kernel's `requireAmount` (whole fen, not negative, at most
 * MAX_AMOUNT_FEN), above zero when `positive`; refused as AMOUNT_INVALID with the field named
 * (`details.field`, and its label at the head of both messages) and the kernel's reason
 * (`not_whole_fen`, `negative`, `implausible` with its `limit`; `zero` here).
 */
export function requireEnteredAmount(field: AidAmountField, value: unknown, options: { positive: boolean; addsTo?: AidTotal }): Fen {
  const label = AID_AMOUNT_FIELDS[field];
  let fen: Fen;
  try {
    fen = requireAmount(value);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'AMOUNT_INVALID') throw error;
    return rule('AMOUNT_INVALID', `${label.en}: ${error.messages.en}`, `${label.zh}：${error.messages.zh}`, { ...error.details, field });
  }
  if (options.positive && fen === 0) {
    return rule('AMOUNT_INVALID', `${label.en} must be above zero.`, `${label.zh}须大于零。`, { value, reason: 'zero', field });
  }
  const total = options.addsTo;
  if (total && !staysExact(total.fen, fen)) {
    return rule(
      'AMOUNT_INVALID',
      `${label.en}: recorded, it would make ${total.label.en} more than can be recorded exactly.`,
      `${label.zh}：登记后${total.label.zh}将超出可精确记录的范围。`,
      { value, reason: 'too_large', field, total: total.name },
    );
  }
  return fen;
}

/** A running total an entered amount adds to (the fund's income): its name, its words, its fen as folded. */
export interface AidTotal {
  name: string;
  label: Bilingual;
  fen: number;
}

/** Whether total + amount is still a safe integer, judged exactly (a total folded from old history may already be past it). */
export function staysExact(total: number, amount: number): boolean {
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(amount)) return false;
  return Number.isSafeInteger(total + amount);
}
