import type { CaseOutcome, DisputeCategory, FollowUpMethod, ReferralAgency } from './dispute-case.events.js';

type Labels<K extends string> = Readonly<Record<K, Readonly<{ zh: string; en: string }>>>;

/** How the case's words are shown to a clerk, in the console, the trail and the reports. */
export const DISPUTE_CATEGORY_LABELS: Labels<DisputeCategory> = {
  unpaid_wages: { zh: '拖欠工资', en: 'unpaid wages' },
  contract_termination: { zh: '解除劳动合同', en: 'contract termination' },
  social_insurance: { zh: '社会保险', en: 'social insurance' },
  work_injury: { zh: '工伤', en: 'work injury' },
  overtime: { zh: '加班费', en: 'overtime' },
  other: { zh: '其他', en: 'other' },
};

export const REFERRAL_AGENCY_LABELS: Labels<ReferralAgency> = {
  womens_federation: { zh: '妇联', en: "women's federation" },
  petitions_office: { zh: '信访办', en: 'petitions office' },
  judicial_office: { zh: '司法所', en: 'judicial office' },
  social_security: { zh: '社保所', en: 'social security bureau' },
  labour_inspection: { zh: '劳动监察', en: 'labour inspection' },
  other: { zh: '其他部门', en: 'another agency' },
};

export const CASE_OUTCOME_LABELS: Labels<CaseOutcome> = {
  agreement_fulfilled: { zh: '协议履行完毕', en: 'agreement fulfilled' },
  referred_to_arbitration: { zh: '转劳动仲裁', en: 'referred to arbitration' },
  withdrawn: { zh: '申请人撤回', en: 'withdrawn' },
  closed: { zh: '终结调解', en: 'closed' },
};

export const FOLLOW_UP_METHOD_LABELS: Labels<FollowUpMethod> = {
  phone: { zh: '电话', en: 'by phone' },
  visit: { zh: '上门走访', en: 'visit' },
  meeting: { zh: '约谈', en: 'meeting' },
  online: { zh: '线上', en: 'online' },
  other: { zh: '其他方式', en: 'other means' },
};

/** Names of the fields a clerk may get wrong, for messages. */
export const DISPUTE_FIELD_LABELS = {
  'application.kind': { zh: '申请方式', en: 'kind of application' },
  receivedAt: { zh: '收到申请的时间', en: 'The date the application was received' },
  'oral.recordedAt': { zh: '口头申请的记录时间', en: 'The time the oral application was recorded' },
  referredAt: { zh: '转办时间', en: 'The date of the referral' },
  answeredAt: { zh: '答复时间', en: 'The date of the answer' },
  heldAt: { zh: '调解会议时间', en: 'The date of the session' },
  at: { zh: '回访时间', en: 'The date of the follow-up' },
  paymentDates: { zh: '支付日期', en: 'Each payment date' },
  category: { zh: '案件类别', en: 'case category' },
  kind: { zh: '请求类别', en: 'kind of claim' },
  agency: { zh: '转办部门', en: 'agency' },
  method: { zh: '回访方式', en: 'follow-up method' },
  outcome: { zh: '结案结果', en: 'outcome' },
  answer: { zh: '答复内容', en: 'the answer' },
  summary: { zh: '调解会议纪要', en: 'the summary of the session' },
  result: { zh: '回访结果', en: 'the result of the follow-up' },
} as const satisfies Labels<string>;
export type DisputeField = keyof typeof DISPUTE_FIELD_LABELS;
