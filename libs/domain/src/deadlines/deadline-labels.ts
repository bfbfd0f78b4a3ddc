import type { Bilingual } from '../shared/bilingual.js';
import type { DeadlineKind, DeadlinePolicies, PauseReason } from './deadline-policies.js';
import type { CadreActivityKind } from './cadre-activity.js';

export const PAUSE_REASON_LABELS: Readonly<Record<PauseReason, Bilingual>> = {
  party_unreachable: { zh: '当事人无法联系', en: 'A party cannot be reached' },
  awaiting_referral_answer: { zh: '等待协同部门答复', en: 'Waiting for a referred agency to answer' },
  parties_request: { zh: '双方当事人申请', en: 'Both parties asked for time' },
  other: { zh: '其他', en: 'Other' },
};

export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, Bilingual>> = {
  mediation: { zh: '调解期限', en: 'mediation period' },
  follow_up: { zh: '回访期限', en: 'follow-up' },
  instalment: { zh: '分期付款', en: 'instalment' },
  disbursement_approval: { zh: '帮扶资金发放审批', en: 'disbursement approval' },
  write_off_approval: { zh: '核销审批', en: 'write-off approval' },
};

/** The numbers of a deadline policy, as an administrator reads them in a refusal. */
export const POLICY_FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  days: { zh: '期限天数', en: 'the number of days' },
  warnDaysBefore: { zh: '提前提醒天数', en: 'the days of warning before' },
  intervalMonths: { zh: '回访间隔月数', en: 'the months between follow-ups' },
  graceDays: { zh: '宽限天数', en: 'the days of grace' },
  trainingsPerYear: { zh: '每年培训次数', en: 'the trainings a year' },
  keyEnterpriseVisitsPerQuarter: { zh: '每季度走访重点企业次数', en: 'the key-enterprise visits a quarter' },
  followUpsPerMonth: { zh: '每月回访次数', en: 'the follow-ups a month' },
};

export const CADRE_ACTIVITY_LABELS: Readonly<Record<CadreActivityKind, Bilingual>> = {
  training: { zh: '参加培训', en: 'training attended' },
  key_enterprise_visit: { zh: '走访重点企业', en: 'key-enterprise visit' },
};

/** The rule a deadline follows, as the board states it beside each line, with the policy's numbers. */
export function deadlineRule(kind: DeadlineKind, p: DeadlinePolicies): Bilingual {
  switch (kind) {
    case 'mediation':
      return {
        zh: `调解期限：自收到申请之日起${p.mediation.days}日（《劳动争议调解仲裁法》第十四条），届满前${p.mediation.warnDaysBefore}日提醒`,
        en: `Mediation: ${p.mediation.days} days from receipt (LDMAL art. 14), warned ${p.mediation.warnDaysBefore} days before`,
      };
    case 'follow_up': {
      const m = p.followUp.intervalMonths;
      return {
        zh: `回访督办：每${m === 1 ? '' : m}月至少回访一次，到期前${p.followUp.warnDaysBefore}日提醒`,
        en: `Follow-up: at least once every ${m === 1 ? 'month' : `${m} months`}, warned ${p.followUp.warnDaysBefore} days before`,
      };
    }
    case 'instalment':
      return {
        zh: `分期付款：到期日后宽限${p.instalment.graceDays}日仍未足额支付即为逾期，到期前${p.instalment.warnDaysBefore}日提醒`,
        en: `Instalment: missed when not paid in full ${p.instalment.graceDays} days after its due day, warned ${p.instalment.warnDaysBefore} days before`,
      };
    case 'disbursement_approval':
      return {
        zh: `帮扶资金发放审批：申请之日起${p.disbursementApproval.days}日内由主管审批，届满前${p.disbursementApproval.warnDaysBefore}日提醒`,
        en: `Disbursement approval: a supervisor decides within ${p.disbursementApproval.days} days of the request, warned ${p.disbursementApproval.warnDaysBefore} days before`,
      };
    case 'write_off_approval':
      return {
        zh: `核销审批：申请之日起${p.writeOffApproval.days}日内由主管审批，届满前${p.writeOffApproval.warnDaysBefore}日提醒`,
        en: `Write-off approval: a supervisor decides within ${p.writeOffApproval.days} days of the request, warned ${p.writeOffApproval.warnDaysBefore} days before`,
      };
  }
}
