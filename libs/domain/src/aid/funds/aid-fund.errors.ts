import { notFound, rule } from '../../shared/domain-error.js';
import { formatYuan } from '../../shared/money.js';
import { DISBURSEMENT_STATUS_LABELS, PROGRAMME_KIND_LABELS, type ProgrammeKind } from '../aid-labels.js';
import type { BeneficiaryRef } from '../beneficiary-facts.js';
import type { DisbursementStatus } from '../disbursements/disbursement.js';

const yuan = (fen: number) => ({ zh: formatYuan(fen, 'zh'), en: formatYuan(fen, 'en') });

/** The fund's and its disbursements' broken rules: stable codes, a clerk's words in both languages. */
export const fundRules = {
  fundNotFound: (fundId: string): never =>
    notFound('FUND_NOT_FOUND', `No aid fund ${fundId} has been opened.`, `帮扶资金账户 ${fundId} 尚未设立。`, { fundId }),
  fundAlreadyOpened: (fundId: string): never =>
    rule('FUND_ALREADY_OPENED', `Aid fund ${fundId} is already open.`, `帮扶资金账户 ${fundId} 已经设立。`, { fundId }),
  nameRequired: (): never => rule('NAME_REQUIRED', 'Give the fund a name.', '请填写资金账户名称。'),
  notAllowed: (act: 'open' | 'income' | 'request' | 'pay' | 'cancel'): never => {
    const words = {
      open: { en: 'Only an administrator or a fund officer may open an aid fund.', zh: '只有系统管理员或资金管理员才能设立帮扶资金账户。' },
      income: { en: 'Only a fund officer records the fund’s income and its corrections.', zh: '只有资金管理员才能登记资金收入及其更正。' },
      request: { en: 'Only a fund officer requests a disbursement.', zh: '只有资金管理员才能申请发放帮扶资金。' },
      pay: { en: 'Only a fund officer records that a disbursement was paid.', zh: '只有资金管理员才能登记帮扶资金已支付。' },
      cancel: { en: 'Only a fund officer or a supervisor may cancel a disbursement.', zh: '只有资金管理员或主管才能撤销帮扶资金发放。' },
    }[act];
    return rule('ROLE_NOT_PERMITTED', words.en, words.zh, { act });
  },
  supervisorOnly: (): never =>
    rule('SUPERVISOR_ONLY', 'Only a supervisor approves or rejects a disbursement.', '只有主管才能批准或驳回帮扶资金发放申请。'),
  approverIsRequester: (disbursementId: string): never =>
    rule(
      'APPROVER_IS_REQUESTER',
      'You requested this disbursement, so you cannot approve or reject it: another supervisor must decide.',
      '您是该笔发放的申请人，不能自行批准或驳回，须由另一位主管审批。',
      { disbursementId },
    ),
  /**
   * A total of the fund's stored history (from before the ceiling on entered amounts) beyond what
   * can be shown exactly: the page names it rather than show a figure a few fen off.
   */
  totalBeyondExact: (figure: 'incomeFen' | 'paidFen' | 'committedFen'): never => {
    const words = {
      incomeFen: { en: "The fund's income", zh: '资金账户的收入合计' },
      paidFen: { en: 'What the fund paid out', zh: '资金账户的已支付合计' },
      committedFen: { en: 'What is approved and not yet paid', zh: '已批准未支付的合计' },
    }[figure];
    return rule(
      'TOTAL_BEYOND_EXACT',
      `${words.en} adds up, at this moment, to more than can be shown exactly (an amount entered before amounts had a ceiling): correct the entry that made it so.`,
      `${words.zh}在此时点超出可精确显示的范围（系设立金额上限之前录入的金额所致），请更正造成该情况的记录。`,
      { field: figure },
    );
  },
  referenceRequired: (): never =>
    rule('REFERENCE_REQUIRED', 'Give the reference of the document (allocation notice, receipt, bank slip).', '请填写凭证编号（拨款通知、收据或银行回单）。'),
  donorRequired: (): never =>
    rule('DONOR_REQUIRED', "A donation is recorded with the donor's name and the receipt number.", '登记社会捐赠须填写捐赠人名称和收据编号。'),
  reasonRequired: (): never => rule('REASON_REQUIRED', 'Give the reason.', '请填写理由。'),
  incomeNotFound: (entryId: string): never =>
    rule('INCOME_ENTRY_NOT_FOUND', 'This fund has no such income entry.', '本资金账户没有这笔收入记录。', { entryId }),
  incomeAlreadyCorrected: (entryId: string, byEntryId: string): never =>
    rule('INCOME_ALREADY_CORRECTED', 'This income entry has already been reversed.', '这笔收入已经冲正过。', { entryId, byEntryId }),
  wouldBeOverdrawn: (act: 'approve' | 'correct', amountFen: number, availableFen: number): never => {
    const a = yuan(amountFen);
    const b = yuan(availableFen);
    return act === 'approve'
      ? rule(
          'FUND_WOULD_BE_OVERDRAWN',
          `Approving ${a.en} would overdraw the fund: only ${b.en} is available (the balance less what is approved and not yet paid).`,
          `批准${a.zh}将使资金透支：可用余额仅${b.zh}（账面余额减去已批准未支付的金额）。`,
          { amountFen, availableFen },
        )
      : rule(
          'FUND_WOULD_BE_OVERDRAWN',
          `Reversing ${a.en} would overdraw the fund: only ${b.en} is available; cancel approved disbursements first.`,
          `冲正${a.zh}将使资金透支：可用余额仅${b.zh}；请先撤销已批准的发放。`,
          { amountFen, availableFen },
        );
  },
  disbursementNotFound: (disbursementId: string): never =>
    notFound('DISBURSEMENT_NOT_FOUND', `This fund has no disbursement ${disbursementId}.`, `本资金账户没有编号为 ${disbursementId} 的发放记录。`, { disbursementId }),
  wrongStatus: (disbursementId: string, status: DisbursementStatus, act: 'approve' | 'reject' | 'pay' | 'cancel'): never => {
    const s = DISBURSEMENT_STATUS_LABELS[status];
    const words = {
      approve: { en: 'Only a disbursement awaiting approval can be approved', zh: '只有待审批的发放才能批准' },
      reject: { en: 'Only a disbursement awaiting approval can be rejected', zh: '只有待审批的发放才能驳回' },
      pay: { en: 'Only an approved disbursement can be paid', zh: '只有已批准的发放才能登记支付' },
      cancel: { en: 'A paid, rejected or cancelled disbursement cannot be cancelled', zh: '已支付、已驳回或已撤销的发放不能撤销' },
    }[act];
    return rule('DISBURSEMENT_WRONG_STATUS', `${words.en}; this one is ${s.en}.`, `${words.zh}；该笔发放${s.zh}。`, { disbursementId, status, act });
  },
  programmeNotFound: (programmeId: string): never =>
    notFound('PROGRAMME_NOT_FOUND', `No aid programme ${programmeId} exists.`, `帮扶项目 ${programmeId} 不存在。`, { programmeId }),
  programmeOfOtherFund: (programmeId: string, fundId: string): never =>
    rule('PROGRAMME_WRONG_FUND', 'This programme is paid from another fund.', '该帮扶项目不从本资金账户支付。', { programmeId, fundId }),
  programmeClosed: (programmeId: string): never =>
    rule('PROGRAMME_CLOSED', 'This aid programme is closed: nothing more is paid under it.', '该帮扶项目已停止，不能再据此发放。', { programmeId }),
  outOfSeason: (kind: ProgrammeKind, day: string, season: { from: string; to: string }): never =>
    rule(
      'OUT_OF_SEASON',
      `${PROGRAMME_KIND_LABELS[kind].en} is paid from ${season.from} to ${season.to}; today is ${day}.`,
      `“${PROGRAMME_KIND_LABELS[kind].zh}”的发放期间为每年 ${season.from} 至 ${season.to}，今天是 ${day}。`,
      { day, season },
    ),
  beneficiaryNotFound: (ref: BeneficiaryRef): never =>
    notFound('BENEFICIARY_NOT_FOUND', `No ${ref.kind} ${ref.id} is on file.`, `没有找到受助对象 ${ref.id}。`, { beneficiary: ref }),
  capExceeded: (capFen: number, grantedFen: number, amountFen: number, year: number): never => {
    const c = yuan(capFen);
    const g = yuan(grantedFen);
    const a = yuan(amountFen);
    return rule(
      'CAP_EXCEEDED',
      `The programme gives one beneficiary at most ${c.en} a year; ${g.en} is already granted or requested for ${year}, so ${a.en} more is too much.`,
      `该项目每人每年最多${c.zh}；${year}年已申请或发放${g.zh}，再申请${a.zh}将超过限额。`,
      { capFen, grantedFen, amountFen, year },
    );
  },
  workersHomeAlreadyGranted: (year: number, disbursementId: string): never =>
    rule(
      'WORKERS_HOME_SUBSIDY_ALREADY_GRANTED',
      `This unit already has its Workers' Home subsidy for ${year}: it is paid at most once a year.`,
      `该单位${year}年度的职工之家补贴已申请或发放，每年最多一次。`,
      { year, disbursementId },
    ),
};

/** Every code the fund and its disbursements can answer with. */
export const AID_FUND_ERROR_CODES = [
  'FUND_NOT_FOUND',
  'FUND_ALREADY_OPENED',
  'NAME_REQUIRED',
  'ROLE_NOT_PERMITTED',
  'SUPERVISOR_ONLY',
  'APPROVER_IS_REQUESTER',
  'AMOUNT_INVALID',
  'REFERENCE_REQUIRED',
  'TOTAL_BEYOND_EXACT',
  'DONOR_REQUIRED',
  'REASON_REQUIRED',
  'INCOME_ENTRY_NOT_FOUND',
  'INCOME_ALREADY_CORRECTED',
  'FUND_WOULD_BE_OVERDRAWN',
  'DISBURSEMENT_NOT_FOUND',
  'DISBURSEMENT_WRONG_STATUS',
  'PROGRAMME_NOT_FOUND',
  'PROGRAMME_WRONG_FUND',
  'PROGRAMME_CLOSED',
  'OUT_OF_SEASON',
  'BENEFICIARY_NOT_FOUND',
  'NOT_ELIGIBLE',
  'CAP_EXCEEDED',
  'WORKERS_HOME_SUBSIDY_FIXED',
  'WORKERS_HOME_SUBSIDY_ALREADY_GRANTED',
  'DATE_INVALID',
  'DATE_IMPLAUSIBLE',
  'CHOICE_INVALID',
] as const;
export type AidFundErrorCode = (typeof AID_FUND_ERROR_CODES)[number];
