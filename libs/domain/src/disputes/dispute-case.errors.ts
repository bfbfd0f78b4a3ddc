import { listNames } from '../shared/bilingual.js';
import type { ImplausibleDate } from '../shared/dates.js';
import { notFound, rule } from '../shared/domain-error.js';
import { formatYuan } from '../shared/money.js';
import type { CaseOutcome } from './dispute-case.events.js';
import { CASE_OUTCOME_LABELS, DISPUTE_FIELD_LABELS, type DisputeField } from './dispute-labels.js';

/** Why a case's date is not plausible: the kernel's reasons, and an oral record dated apart from its application. */
export type DisputeImplausibleDate = ImplausibleDate | 'oral_record_late';

const yuan = (fen: number) => ({ zh: formatYuan(fen, 'zh'), en: formatYuan(fen, 'en') });

/**
 * The dispute case's broken rules. Each throws a DomainError with a stable code (clients and
 * tests match on it) and a message a clerk can read, in English and Chinese.
 */
export const disputeCaseRules = {
  caseNotFound: (caseId: string): never =>
    notFound('CASE_NOT_FOUND', `No dispute case ${caseId} has been opened.`, `案件 ${caseId} 尚未立案。`, { caseId }),
  caseAlreadyOpened: (caseId: string): never =>
    rule('CASE_ALREADY_OPENED', `Dispute case ${caseId} is already open.`, `案件 ${caseId} 已经立案。`, { caseId }),
  caseClosed: (caseId: string): never =>
    rule(
      'CASE_CLOSED',
      'This case is closed; a supervisor must reopen it before anything more is recorded.',
      '该案件已结案；须由主管重新打开后才能继续登记。',
      { caseId },
    ),
  caseNotClosed: (caseId: string): never =>
    rule('CASE_NOT_CLOSED', 'Only a closed case can be reopened.', '只有已结案的案件才能重新打开。', { caseId }),
  notAssignedMediator: (caseId: string, mediatorId: string | null): never =>
    rule(
      'NOT_ASSIGNED_MEDIATOR',
      'Only the mediator assigned to this case, or a supervisor, may change it.',
      '只有该案件的承办调解员或主管才能修改案件。',
      { caseId, mediatorId },
    ),
  notCaseworker: (): never =>
    rule(
      'NOT_ASSIGNED_MEDIATOR',
      'Only a mediator or a supervisor may open a dispute case.',
      '只有调解员或主管才能登记新案件。',
    ),
  supervisorOnly: (act: 'assign' | 'reopen'): never =>
    act === 'assign'
      ? rule('SUPERVISOR_ONLY', 'Only a supervisor may assign a case to a mediator.', '只有主管才能指派案件的承办调解员。', {
          act,
        })
      : rule('SUPERVISOR_ONLY', 'Only a supervisor may reopen a closed case.', '只有主管才能重新打开已结案的案件。', {
          act,
        }),
  titleRequired: (): never => rule('TITLE_REQUIRED', 'Give the case a title.', '请填写案件标题。'),
  nameRequired: (whose: 'respondent' | 'claimant'): never =>
    whose === 'respondent'
      ? rule('NAME_REQUIRED', 'Enter the name of the employer the workers complain about.', '请填写被申请人（用人单位）名称。', {
          whose,
        })
      : rule('NAME_REQUIRED', 'Enter the name of every claimant.', '请填写每位申请人的姓名。', { whose }),
  oralApplicationDetailsRequired: (missing: readonly string[]): never =>
    rule(
      'ORAL_APPLICATION_DETAILS_REQUIRED',
      'For an oral application, record the applicant’s name, the matter in dispute, the reasons and when it was recorded (LDMAL art. 12).',
      '口头申请的，应当场记录申请人基本情况、申请调解的争议事项、理由和时间（《劳动争议调解仲裁法》第十二条）。',
      { missing },
    ),
  // Payment dates are days; everything else may also be an instant, which needs its offset to mean one moment.
  dateInvalid: (field: DisputeField, value: unknown): never =>
    field === 'paymentDates'
      ? rule(
          'DATE_INVALID',
          `${DISPUTE_FIELD_LABELS[field].en} must be a date such as 2026-03-01.`,
          `${DISPUTE_FIELD_LABELS[field].zh}应为日期，如 2026-03-01。`,
          { field, value },
        )
      : rule(
          'DATE_INVALID',
          `${DISPUTE_FIELD_LABELS[field].en} must be a date (2026-03-01) ` +
            'or a date and time with its offset (2026-03-01T09:30+08:00).',
          `${DISPUTE_FIELD_LABELS[field].zh}应为日期（如 2026-03-01）或带时区的日期时间（如 2026-03-01T09:30+08:00）。`,
          { field, value },
        ),
  /** `item`: which of a list of dates (paymentDates), counted from 0; named in the details' field and in the words. */
  dateImplausible: (field: DisputeField, value: string, reason: DisputeImplausibleDate, limit?: string, item?: number): never => {
    const label = DISPUTE_FIELD_LABELS[field];
    const { zh, en } = item === undefined ? label : { zh: `${label.zh}（第${item + 1}个）`, en: `${label.en} (date ${item + 1})` };
    const why: Record<DisputeImplausibleDate, { en: string; zh: string }> = {
      oral_record_late: {
        en: `must be the day the application was received (${limit ?? ''}) or the day after: an oral application is recorded on the spot (LDMAL art. 12)`,
        zh: `应为收到申请的当天（${limit ?? ''}）或次日：口头申请应当场记录（《劳动争议调解仲裁法》第十二条）`,
      },
      before_1990: { en: 'cannot be before 1990', zh: '不能早于1990年' },
      in_future: { en: 'cannot be later than today (Beijing time)', zh: '不能晚于今天（北京时间）' },
      before_referral: {
        en: `cannot be before the case was referred (${limit ?? ''})`,
        zh: `不能早于转办日期（${limit ?? ''}）`,
      },
      before_application: {
        en: `cannot be before the application was received (${limit ?? ''})`,
        zh: `不能早于收到申请的日期（${limit ?? ''}）`,
      },
      beyond_payment_horizon: {
        en: `cannot be more than ten years from today (after ${limit ?? ''})`,
        zh: `不能晚于今天起十年（${limit ?? ''}之后）`,
      },
    };
    return rule('DATE_IMPLAUSIBLE', `${en} ${why[reason].en}: ${value}.`, `${zh}${why[reason].zh}：${value}。`, {
      field: item === undefined ? field : `${field}[${item}]`,
      value,
      reason,
      ...(limit ? { limit } : {}),
    });
  },
  textRequired: (field: 'answer' | 'summary' | 'result'): never =>
    rule(
      'TEXT_REQUIRED',
      `Write down ${DISPUTE_FIELD_LABELS[field].en}.`,
      `请填写${DISPUTE_FIELD_LABELS[field].zh}。`,
      { field },
    ),
  claimantsRequired: (): never =>
    rule(
      'CLAIMANTS_REQUIRED',
      'A case is opened for at least one claimant: list the workers who bring it.',
      '立案须至少有一名申请人：请列出提出申请的职工。',
    ),
  choiceInvalid: (field: DisputeField, value: unknown): never =>
    rule(
      'CHOICE_INVALID',
      `"${String(value)}" is not a valid ${DISPUTE_FIELD_LABELS[field].en}.`,
      `“${String(value)}”不是有效的${DISPUTE_FIELD_LABELS[field].zh}。`,
      { field, value },
    ),
  amountInvalid: (field: string, value: unknown): never =>
    rule(
      'AMOUNT_INVALID',
      'An amount is a whole, non-negative number of fen (1 yuan = 100 fen).',
      '金额须为以分为单位的非负整数（1元 = 100分）。',
      { field, value },
    ),
  reasonRequired: (): never => rule('REASON_REQUIRED', 'Give the reason.', '请填写理由。'),
  outcomeReasonRequired: (outcome: CaseOutcome): never =>
    rule(
      'OUTCOME_REASON_REQUIRED',
      `Say why the case ends as "${CASE_OUTCOME_LABELS[outcome].en}".`,
      `以“${CASE_OUTCOME_LABELS[outcome].zh}”结案的，请说明理由。`,
      { outcome },
    ),
  claimantNotFound: (claimantIds: readonly string[]): never =>
    rule(
      'CLAIMANT_NOT_FOUND',
      `These claimants are not on the case: ${listNames(claimantIds, 'en')}.`,
      `以下申请人不在本案中：${listNames(claimantIds, 'zh')}。`,
      { claimantIds },
    ),
  claimantAlreadyAdded: (names: readonly string[], claimantIds: readonly string[]): never =>
    rule(
      'CLAIMANT_ALREADY_ADDED',
      `Already on the case (same claimant or same worker): ${listNames(names, 'en')}.`,
      `以下申请人已在本案中（同一申请人或同一职工）：${listNames(names, 'zh')}。`,
      { claimantIds },
    ),
  claimantsLockedByAgreement: (caseId: string): never =>
    rule(
      'CLAIMANTS_LOCKED_BY_AGREEMENT',
      'An agreement has been reached: claimants can no longer be added to this case. Open a new case for other workers.',
      '本案已达成调解协议，不能再增加申请人；其他职工请另行立案。',
      { caseId },
    ),
  referralNotFound: (referralId: string): never =>
    rule('REFERRAL_NOT_FOUND', 'The case was never referred under this referral.', '本案没有这条转办记录。', {
      referralId,
    }),
  referralAlreadyAnswered: (referralId: string): never =>
    rule(
      'REFERRAL_ALREADY_ANSWERED',
      'The answer to this referral has already been recorded.',
      '这条转办的答复已经登记过了。',
      { referralId },
    ),
  intakeAlreadyAccepted: (caseId: string): never =>
    rule(
      'INTAKE_ALREADY_DECIDED',
      'This case has already been accepted; to end it, record its outcome instead.',
      '该案件已受理，不能再不予受理；如需结束，请登记结案结果。',
      { caseId },
    ),
  intakeNotAccepted: (caseId: string): never =>
    rule(
      'INTAKE_NOT_ACCEPTED',
      'Accept the case first: an agreement (and the money recovered under it) is recorded only on a case taken in.',
      '请先受理该案件：只有已受理的案件才能登记调解协议（及据此追回的款项）。',
      { caseId },
    ),
  declineAfterAgreement: (caseId: string, agreementId: string): never =>
    rule(
      'AGREEMENT_ALREADY_REACHED',
      'An agreement is recorded on this case, so it can no longer be declined; to end it, record its outcome instead.',
      '本案已登记调解协议，不能再不予受理；如需结束，请登记结案结果。',
      { caseId, agreementId },
    ),
  amendmentBelowRecovered: (w: { index: number; claimantId: string; name: string; amountFen: number; receivedFen: number; writtenOffFen: number }): never => {
    const covered = w.receivedFen + w.writtenOffFen;
    const off = w.writtenOffFen > 0;
    return rule(
      'AGREEMENT_BELOW_RECOVERED',
      `The amendment owes ${w.name} ${yuan(w.amountFen).en}, less than the recovery ledger already holds for them: ` +
        `${yuan(w.receivedFen).en} received${off ? ` and ${yuan(w.writtenOffFen).en} written off` : ''}. ` +
        `Agree at least ${yuan(covered).en} for them.`,
      `变更后的协议中${w.name}应得${yuan(w.amountFen).zh}，少于追欠台账中已为其到账的${yuan(w.receivedFen).zh}` +
        `${off ? `及已核销的${yuan(w.writtenOffFen).zh}` : ''}；其应得金额至少为${yuan(covered).zh}。`,
      { field: `amounts[${w.index}].amountFen`, claimantId: w.claimantId, name: w.name, amountFen: w.amountFen, receivedFen: w.receivedFen, writtenOffFen: w.writtenOffFen, minimumFen: covered },
    );
  },
  agreementWithoutClaimants: (): never =>
    rule(
      'AGREEMENT_WITHOUT_CLAIMANTS',
      'Add the claimants before recording an agreement.',
      '请先添加申请人，再登记调解协议。',
    ),
  agreementAmountMissing: (missing: readonly { claimantId: string; name: string }[]): never =>
    rule(
      'AGREEMENT_AMOUNT_MISSING',
      `The agreement must state an amount for every claimant; missing: ${listNames(missing.map((c) => c.name), 'en')}.`,
      `调解协议须写明每位申请人的金额，尚缺：${listNames(missing.map((c) => c.name), 'zh')}。`,
      { claimantIds: missing.map((c) => c.claimantId) },
    ),
  agreementAmountDuplicated: (claimantIds: readonly string[]): never =>
    rule(
      'AGREEMENT_AMOUNT_DUPLICATED',
      'The agreement states more than one amount for the same claimant.',
      '调解协议中同一申请人的金额出现了多次。',
      { claimantIds },
    ),
  agreementTermsRequired: (): never =>
    rule(
      'AGREEMENT_TERMS_REQUIRED',
      'Write down the terms of the agreement (LDMAL art. 14: the agreement states the matters in dispute and the result).',
      '请填写调解协议的内容（《劳动争议调解仲裁法》第十四条：协议书应写明争议事项和调解结果）。',
    ),
  agreementAlreadyReached: (caseId: string, agreementId: string, totalFen: number): never =>
    rule(
      'AGREEMENT_ALREADY_REACHED',
      `An agreement is already recorded on this case (${formatYuan(totalFen, 'en')} in total). ` +
        'To change it, record an amendment and say why; the first agreement stays in the history.',
      `本案已登记调解协议（合计${formatYuan(totalFen, 'zh')}）。如需变更，请登记协议变更并说明理由；原协议仍保留在案件记录中。`,
      { caseId, agreementId },
    ),
  recoveryNotComplete: (caseId: string): never =>
    rule(
      'RECOVERY_NOT_COMPLETE',
      'The agreement is fulfilled only when the recovery ledger shows every worker paid (or the rest written off); ' +
        'money is still owed on this case.',
      '只有追欠台账显示每位职工均已足额领取（或余额已核销）后，才能以“协议履行完毕”结案；本案尚有款项未付清。',
      { caseId },
    ),
  nothingToAmend: (caseId: string): never =>
    rule(
      'AGREEMENT_NOT_REACHED',
      'No agreement has been recorded on this case, so there is nothing to amend: record the agreement instead.',
      '本案尚未登记调解协议，无从变更；请直接登记调解协议。',
      { caseId },
    ),
  agreementNotReached: (caseId: string): never =>
    rule(
      'AGREEMENT_NOT_REACHED',
      'No agreement has been recorded, so it cannot have been fulfilled.',
      '本案尚未登记调解协议，不能以“协议履行完毕”结案。',
      { caseId },
    ),
};

/** Every code the dispute case can answer with (for API documentation and client typing). */
export const DISPUTE_CASE_ERROR_CODES = [
  'CASE_NOT_FOUND',
  'CASE_ALREADY_OPENED',
  'CASE_CLOSED',
  'CASE_NOT_CLOSED',
  'NOT_ASSIGNED_MEDIATOR',
  'SUPERVISOR_ONLY',
  'TITLE_REQUIRED',
  'NAME_REQUIRED',
  'ORAL_APPLICATION_DETAILS_REQUIRED',
  'DATE_INVALID',
  'CHOICE_INVALID',
  'AMOUNT_INVALID',
  'REASON_REQUIRED',
  'OUTCOME_REASON_REQUIRED',
  'CLAIMANT_NOT_FOUND',
  'CLAIMANT_ALREADY_ADDED',
  'CLAIMANTS_LOCKED_BY_AGREEMENT',
  'REFERRAL_NOT_FOUND',
  'REFERRAL_ALREADY_ANSWERED',
  'INTAKE_ALREADY_DECIDED',
  'INTAKE_NOT_ACCEPTED',
  'AGREEMENT_BELOW_RECOVERED',
  'AGREEMENT_WITHOUT_CLAIMANTS',
  'AGREEMENT_AMOUNT_MISSING',
  'AGREEMENT_AMOUNT_DUPLICATED',
  'AGREEMENT_TERMS_REQUIRED',
  'AGREEMENT_NOT_REACHED',
  'AGREEMENT_ALREADY_REACHED',
  'RECOVERY_NOT_COMPLETE',
  'DATE_IMPLAUSIBLE',
  'TEXT_REQUIRED',
  'CLAIMANTS_REQUIRED',
] as const;
export type DisputeCaseErrorCode = (typeof DISPUTE_CASE_ERROR_CODES)[number];
