import type { ImplausibleDate } from '../shared/dates.js';
import { notFound, rule } from '../shared/domain-error.js';
import { formatYuan } from '../shared/money.js';
import { RECOVERY_FIELD_LABELS, type RecoveryField } from './recovery-labels.js';

/** Why a recovery's date is not plausible: the kernel's reasons, and a payout before its money arrived. */
export type RecoveryImplausibleDate = ImplausibleDate | 'before_receipt';

const yuan = (fen: number) => ({ zh: formatYuan(fen, 'zh'), en: formatYuan(fen, 'en') });

/**
 * The recovery ledger's broken rules: a stable code each (clients and tests match on it) and a
 * message a clerk can read, in Chinese and English.
 */
export const recoveryRules = {
  caseNotFound: (caseId: string): never =>
    notFound('CASE_NOT_FOUND', `No dispute case ${caseId} has been opened.`, `案件 ${caseId} 尚未立案。`, { caseId }),
  caseClosed: (caseId: string): never =>
    rule(
      'CASE_CLOSED',
      'This case is closed; a supervisor must reopen it before more money is recorded.',
      '该案件已结案；须由主管重新打开后才能继续登记款项。',
      { caseId },
    ),
  noAgreement: (caseId: string): never =>
    rule(
      'AGREEMENT_NOT_REACHED',
      'The recovery starts from the mediation agreement: record the agreement (what each worker is owed) first.',
      '追欠台账以调解协议为起点：请先登记调解协议（每位职工应得金额）。',
      { caseId },
    ),
  intakeNotAccepted: (caseId: string): never =>
    rule(
      'INTAKE_NOT_ACCEPTED',
      'This case has not been accepted yet: money is recorded only on a case taken in, under its agreement.',
      '该案件尚未受理：只有已受理并登记调解协议的案件才能登记款项。',
      { caseId },
    ),
  notCaseworker: (caseId: string, mediatorId: string | null): never =>
    rule(
      'NOT_ASSIGNED_MEDIATOR',
      'Only the mediator assigned to this case, or a supervisor, may record its money.',
      '只有该案件的承办调解员或主管才能登记本案款项。',
      { caseId, mediatorId },
    ),
  supervisorOnly: (): never =>
    rule('SUPERVISOR_ONLY', 'Only a supervisor may approve or reject a write-off.', '只有主管才能批准或驳回核销申请。'),
  ownWriteOff: (writeOffId: string): never =>
    rule(
      'WRITE_OFF_OWN_REQUEST',
      'A write-off is decided by a supervisor other than the one who requested it.',
      '核销申请须由申请人以外的主管审批。',
      { writeOffId },
    ),
  claimantNotInRecovery: (claimantIds: readonly string[]): never =>
    rule(
      'CLAIMANT_NOT_IN_RECOVERY',
      `No worker ${claimantIds.join(', ')} is owed anything under this case's agreement.`,
      `本案调解协议中没有申请人 ${claimantIds.join('、')}。`,
      { claimantIds },
    ),
  amountNotPositive: (field: 'amountFen' | 'instalments'): never =>
    rule('AMOUNT_NOT_POSITIVE', 'An amount here must be more than zero.', '此处金额须大于零。', { field }),
  planRequired: (): never =>
    rule('PLAN_REQUIRED', 'A payment plan has at least one instalment.', '分期付款计划至少应有一期。'),
  planTotalMismatch: (planFen: number, owedFen: number): never =>
    rule(
      'PLAN_TOTAL_MISMATCH',
      `The instalments add up to ${yuan(planFen).en}, but the workers are owed ${yuan(owedFen).en} in all: they must be equal.`,
      `各期金额合计${yuan(planFen).zh}，与职工应得总额${yuan(owedFen).zh}不符，两者必须相等。`,
      { planFen, owedFen },
    ),
  reasonRequired: (what: 'plan' | 'write_off' | 'hold' | 'reject' | 'rebase'): never =>
    what === 'plan'
      ? rule('REASON_REQUIRED', 'Say why the payment plan is changed.', '变更分期付款计划须说明理由。', { what })
      : what === 'rebase'
        ? rule('REASON_REQUIRED', 'The amended agreement needs its reason.', '协议变更须说明理由。', { what })
        : rule('REASON_REQUIRED', 'Give the reason.', '请填写理由。', { what }),
  textRequired: (field: RecoveryField): never =>
    rule('TEXT_REQUIRED', `${RECOVERY_FIELD_LABELS[field].en} is required.`, `请填写${RECOVERY_FIELD_LABELS[field].zh}。`, { field }),
  choiceInvalid: (field: RecoveryField, value: unknown): never =>
    rule('CHOICE_INVALID', `${RECOVERY_FIELD_LABELS[field].en} is not one of the choices.`, `${RECOVERY_FIELD_LABELS[field].zh}不在可选范围内。`, {
      field,
      value: String(value),
    }),
  dateInvalid: (field: RecoveryField, value: unknown): never =>
    rule(
      'DATE_INVALID',
      `${RECOVERY_FIELD_LABELS[field].en} must be a date such as 2026-03-01.`,
      `${RECOVERY_FIELD_LABELS[field].zh}应为日期，如 2026-03-01。`,
      { field, value: String(value) },
    ),
  /** `details.reason` like every other area's date rules; `details.limit` the day it cannot be before (or after), when there is one. */
  dateImplausible: (field: RecoveryField, value: string, reason: RecoveryImplausibleDate, limit?: string): never => {
    const { zh, en } = RECOVERY_FIELD_LABELS[field];
    const why: Record<RecoveryImplausibleDate, { en: string; zh: string }> = {
      before_1990: { en: 'is before 1990', zh: '早于1990年' },
      in_future: { en: 'is in the future', zh: '晚于今天' },
      beyond_payment_horizon: { en: 'is more than ten years away', zh: '超出十年之后' },
      before_referral: { en: 'is before the referral', zh: '早于转办日期' },
      before_application: {
        en: `is before the application was received (${limit ?? ''})`,
        zh: `早于收到申请的日期（${limit ?? ''}）`,
      },
      before_receipt: {
        en: `is before the money it pays had been received for the worker${limit ? ` (it could be paid from ${limit})` : ''}`,
        zh: `早于该笔款项为该职工到账的日期${limit ? `（最早可于${limit}发放）` : ''}`,
      },
    };
    return rule('DATE_IMPLAUSIBLE', `${en} ${value} ${why[reason].en}.`, `${zh} ${value} ${why[reason].zh}。`, {
      field,
      value,
      reason,
      ...(limit ? { limit } : {}),
    });
  },
  receiptAboveOutstanding: (amountFen: number, outstandingFen: number): never =>
    rule(
      'RECEIPT_ABOVE_OUTSTANDING',
      `The receipt of ${yuan(amountFen).en} is more than the employer still owes (${yuan(outstandingFen).en}).`,
      `本次来款${yuan(amountFen).zh}超过用人单位尚欠金额（${yuan(outstandingFen).zh}）。`,
      { amountFen, outstandingFen },
    ),
  receiptNoDuplicated: (receiptNo: string): never =>
    rule(
      'RECEIPT_NO_DUPLICATED',
      `Receipt ${receiptNo} is already recorded on this case: the same money is not counted twice.`,
      `收据 ${receiptNo} 已在本案登记，同一笔款项不能重复计入。`,
      { receiptNo },
    ),
  allocationSumMismatch: (allocatedFen: number, amountFen: number): never =>
    rule(
      'ALLOCATION_SUM_MISMATCH',
      `The allocations add up to ${yuan(allocatedFen).en}, but the receipt is ${yuan(amountFen).en}: they must be equal.`,
      `分配金额合计${yuan(allocatedFen).zh}，与来款${yuan(amountFen).zh}不符，两者必须相等。`,
      { allocatedFen, amountFen },
    ),
  allocationDuplicated: (claimantIds: readonly string[]): never =>
    rule('ALLOCATION_DUPLICATED', 'Each worker appears once in the allocations.', '每位职工在分配中只能出现一次。', { claimantIds }),
  allocationAboveOutstanding: (name: string, claimantId: string, amountFen: number, outstandingFen: number): never =>
    rule(
      'ALLOCATION_ABOVE_OUTSTANDING',
      `${name} is allocated ${yuan(amountFen).en} but is still owed only ${yuan(outstandingFen).en}.`,
      `分配给${name}的${yuan(amountFen).zh}超过其尚欠金额${yuan(outstandingFen).zh}。`,
      { claimantId, amountFen, outstandingFen },
    ),
  payoutAboveAllocated: (name: string, claimantId: string, amountFen: number, availableFen: number): never =>
    rule(
      'PAYOUT_ABOVE_ALLOCATED',
      `${name} can be paid at most ${yuan(availableFen).en} (money received and allocated to them, not yet paid); ` +
        `${yuan(amountFen).en} is more than that.`,
      `${name}最多可发放${yuan(availableFen).zh}（已到账并分配给其、尚未发放的款项），${yuan(amountFen).zh}超出该金额。`,
      { claimantId, amountFen, availableFen },
    ),
  holdAboveAllocated: (name: string, claimantId: string, amountFen: number, availableFen: number): never =>
    rule(
      'HOLD_ABOVE_ALLOCATED',
      `Only money allocated to ${name} and not yet paid can be held: at most ${yuan(availableFen).en}.`,
      `只有已分配给${name}且尚未发放的款项可以暂存，最多${yuan(availableFen).zh}。`,
      { claimantId, amountFen, availableFen },
    ),
  writeOffAboveOutstanding: (name: string, claimantId: string, amountFen: number, outstandingFen: number): never =>
    outstandingFen === 0
      ? rule(
          'WRITE_OFF_ABOVE_OUTSTANDING',
          `Nothing is outstanding for ${name}: there is nothing to write off.`,
          `${name}已无尚欠金额，无可核销。`,
          { claimantId, amountFen, outstandingFen },
        )
      : rule(
          'WRITE_OFF_ABOVE_OUTSTANDING',
          `Only what ${name} is still owed can be written off: at most ${yuan(outstandingFen).en}, not ${yuan(amountFen).en}.`,
          `只能核销${name}尚欠的金额，最多${yuan(outstandingFen).zh}，而非${yuan(amountFen).zh}。`,
          { claimantId, amountFen, outstandingFen },
        ),
  writeOffPending: (claimantId: string, writeOffId: string): never =>
    rule(
      'WRITE_OFF_PENDING',
      'A write-off for this worker is already waiting for a supervisor.',
      '该职工已有一项核销申请等待主管审批。',
      { claimantId, writeOffId },
    ),
  writeOffNotFound: (writeOffId: string): never =>
    notFound('WRITE_OFF_NOT_FOUND', `No write-off ${writeOffId} was requested on this case.`, `本案没有核销申请 ${writeOffId}。`, { writeOffId }),
  writeOffDecided: (writeOffId: string, status: string): never =>
    rule('WRITE_OFF_DECIDED', `This write-off was already ${status}.`, `该核销申请已${status === 'approved' ? '批准' : '驳回'}。`, {
      writeOffId,
      status,
    }),
  rebaseBelowRecovered: (name: string, claimantId: string, owedFen: number, coveredFen: number): never =>
    rule(
      'AGREEMENT_BELOW_RECOVERED',
      `The amended agreement owes ${name} ${yuan(owedFen).en}, less than is already received or written off for them ` +
        `(${yuan(coveredFen).en}); amend the agreement again.`,
      `变更后的协议中${name}应得${yuan(owedFen).zh}，少于其已到账或已核销的${yuan(coveredFen).zh}；请重新变更协议。`,
      { claimantId, owedFen, coveredFen },
    ),
  ledgerUnbalanced: (detail: string): never =>
    rule(
      'LEDGER_WOULD_NOT_BALANCE',
      `This would leave the recovery ledger out of balance (${detail}); nothing was recorded.`,
      `该操作会使追欠台账不平（${detail}），未予登记。`,
      { detail },
    ),
};

export const RECOVERY_ERROR_CODES = [
  'CASE_NOT_FOUND',
  'CASE_CLOSED',
  'AGREEMENT_NOT_REACHED',
  'INTAKE_NOT_ACCEPTED',
  'NOT_ASSIGNED_MEDIATOR',
  'SUPERVISOR_ONLY',
  'WRITE_OFF_OWN_REQUEST',
  'CLAIMANT_NOT_IN_RECOVERY',
  'AMOUNT_INVALID',
  'AMOUNT_NOT_POSITIVE',
  'PLAN_REQUIRED',
  'PLAN_TOTAL_MISMATCH',
  'REASON_REQUIRED',
  'TEXT_REQUIRED',
  'CHOICE_INVALID',
  'DATE_INVALID',
  'DATE_IMPLAUSIBLE',
  'RECEIPT_ABOVE_OUTSTANDING',
  'RECEIPT_NO_DUPLICATED',
  'ALLOCATION_SUM_MISMATCH',
  'ALLOCATION_DUPLICATED',
  'ALLOCATION_ABOVE_OUTSTANDING',
  'PAYOUT_ABOVE_ALLOCATED',
  'HOLD_ABOVE_ALLOCATED',
  'WRITE_OFF_ABOVE_OUTSTANDING',
  'WRITE_OFF_PENDING',
  'WRITE_OFF_NOT_FOUND',
  'WRITE_OFF_DECIDED',
  'AGREEMENT_BELOW_RECOVERED',
  'LEDGER_WOULD_NOT_BALANCE',
] as const;
export type RecoveryErrorCode = (typeof RECOVERY_ERROR_CODES)[number];
