import type { Bilingual } from '../shared/bilingual.js';
import type { PayoutMethod, ReceiptChannel } from './recovery.events.js';
import type { HoldAge, InstalmentStatus } from './recovery.views.js';

export const RECEIPT_CHANNEL_LABELS: Record<ReceiptChannel, Bilingual> = {
  bank_transfer: { zh: '银行转账', en: 'bank transfer' },
  cash: { zh: '现金', en: 'cash' },
  court_enforcement: { zh: '法院强制执行', en: 'court enforcement' },
  wage_guarantee_fund: { zh: '欠薪保障金', en: 'wage-guarantee fund' },
  other: { zh: '其他', en: 'other' },
};

export const PAYOUT_METHOD_LABELS: Record<PayoutMethod, Bilingual> = {
  bank_transfer: { zh: '银行转账', en: 'bank transfer' },
  cash: { zh: '现金（职工签收）', en: 'cash (signed for by the worker)' },
  other: { zh: '其他', en: 'other' },
};

export const INSTALMENT_STATUS_LABELS: Record<InstalmentStatus, Bilingual> = {
  due: { zh: '待付', en: 'due' },
  paid: { zh: '已付清', en: 'paid' },
  partly_paid: { zh: '部分支付', en: 'partly paid' },
  late: { zh: '逾期', en: 'late' },
};

export const HOLD_AGE_LABELS: Record<HoldAge, Bilingual> = {
  under_30_days: { zh: '不足30天', en: 'under 30 days' },
  '30_days': { zh: '30天以上', en: '30 days or more' },
  '90_days': { zh: '90天以上', en: '90 days or more' },
  '365_days': { zh: '365天以上', en: '365 days or more' },
};

/** The fields a recovery command checks, named for a clerk. */
export const RECOVERY_FIELD_LABELS = {
  instalments: { zh: '分期付款计划', en: 'the payment plan' },
  dueOn: { zh: '到期日', en: 'The due date' },
  receivedOn: { zh: '到账日期', en: 'The date received' },
  paidOn: { zh: '发放日期', en: 'The date paid' },
  heldOn: { zh: '暂存日期', en: 'The date held' },
  channel: { zh: '来款渠道', en: 'The channel' },
  method: { zh: '发放方式', en: 'The payment method' },
  receiptNo: { zh: '收据编号', en: 'The receipt number' },
  reference: { zh: '凭证号', en: 'The reference' },
  reason: { zh: '理由', en: 'The reason' },
} as const satisfies Record<string, Bilingual>;
export type RecoveryField = keyof typeof RECOVERY_FIELD_LABELS;
