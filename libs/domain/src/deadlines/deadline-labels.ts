import type { Bilingual } from '../shared/bilingual.js';
import type { DeadlineKind, PauseReason } from './deadline-policies.js';
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

export const CADRE_ACTIVITY_LABELS: Readonly<Record<CadreActivityKind, Bilingual>> = {
  training: { zh: '参加培训', en: 'training attended' },
  key_enterprise_visit: { zh: '走访重点企业', en: 'key-enterprise visit' },
};
