import { notFound, rule } from '../../shared/domain-error.js';
import { PROGRAMME_KIND_LABELS, type FundKind, type ProgrammeKind } from '../aid-labels.js';
import { formatYuan } from '../../shared/money.js';

/** The programmes' broken rules, each with a stable code and a clerk's message in both languages. */
export const programmeRules = {
  notFound: (programmeId: string): never =>
    notFound('PROGRAMME_NOT_FOUND', `No aid programme ${programmeId} exists.`, `帮扶项目 ${programmeId} 不存在。`, { programmeId }),
  alreadyCreated: (programmeId: string): never =>
    rule('PROGRAMME_ALREADY_CREATED', `Aid programme ${programmeId} already exists.`, `帮扶项目 ${programmeId} 已经存在。`, { programmeId }),
  administratorOnly: (): never =>
    rule('ADMINISTRATOR_ONLY', 'Only an administrator keeps the aid programmes.', '只有系统管理员才能设置帮扶项目。'),
  closed: (programmeId: string): never =>
    rule('PROGRAMME_CLOSED', 'This aid programme is closed: nothing more is paid under it.', '该帮扶项目已停止，不能再据此发放。', { programmeId }),
  nameRequired: (): never => rule('NAME_REQUIRED', 'Give the programme a name.', '请填写帮扶项目名称。'),
  reasonRequired: (): never => rule('REASON_REQUIRED', 'Give the reason.', '请填写理由。'),
  fundNotFound: (fundId: string): never =>
    notFound('FUND_NOT_FOUND', `No aid fund ${fundId} has been opened.`, `帮扶资金账户 ${fundId} 尚未设立。`, { fundId }),
  wrongFund: (kind: ProgrammeKind, fundKind: FundKind): never =>
    rule(
      'PROGRAMME_WRONG_FUND',
      kind === 'medical_mutual_aid'
        ? 'Medical mutual aid is paid from the medical mutual-aid fund.'
        : `“${PROGRAMME_KIND_LABELS[kind].en}” is paid from the hardship-aid fund, not the medical mutual-aid fund.`,
      kind === 'medical_mutual_aid' ? '医疗互助须从在职职工医疗互助保障资金中支付。' : `“${PROGRAMME_KIND_LABELS[kind].zh}”应从困难职工帮扶资金中支付，不能使用医疗互助资金。`,
      { kind, fundKind },
    ),
  capInvalid: (value: unknown, reason: string, limit?: number): never =>
    reason === 'implausible'
      ? rule(
          'CAP_INVALID',
          `The cap per beneficiary can be at most ${formatYuan(limit!, 'en')}: check for a digit too many.`,
          `每人限额最多为${formatYuan(limit!, 'zh')}，请检查是否多输了位数。`,
          { value, field: 'perBeneficiaryCapFen', reason, limit },
        )
      : rule('CAP_INVALID', 'The cap per beneficiary is a whole number of fen above zero.', '每人限额须为大于零的整数（以分为单位）。', { value, field: 'perBeneficiaryCapFen', reason }),
  workersHomeCapFixed: (fen: number): never =>
    rule(
      'WORKERS_HOME_SUBSIDY_FIXED',
      `The Workers' Home subsidy is ${formatYuan(fen, 'en')} per rated unit a year: its cap is that amount.`,
      `职工之家补贴为每个达标单位每年${formatYuan(fen, 'zh')}，限额须为该金额。`,
      { fen },
    ),
  seasonInvalid: (season: unknown): never =>
    rule(
      'SEASON_INVALID',
      'A season is two month-days, such as from 08-01 to 10-31 (or 12-01 to 02-28 over New Year).',
      '项目期间应为两个月日，如 08-01 至 10-31（跨年如 12-01 至 02-28）。',
      { season },
    ),
};
