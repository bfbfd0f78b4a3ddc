import type { Bilingual } from '../shared/bilingual.js';

type Labels<K extends string> = Readonly<Record<K, Bilingual>>;

/** The federation's two funds: hardship aid (帮扶资金) and the employed workers' medical mutual aid. */
export const FUND_KINDS = ['hardship_aid', 'medical_mutual_aid'] as const;
export type FundKind = (typeof FUND_KINDS)[number];

/** Where money comes from. */
export const INCOME_SOURCES = ['district_allocation', 'donation', 'member_contributions', 'other'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];

/** The programmes of the work report and the plan; each kind carries its own eligibility rule. */
export const PROGRAMME_KINDS = [
  'festival_visits',
  'single_mothers',
  'model_worker_care',
  'student_grants',
  'special_hardship',
  'medical_mutual_aid',
  'workers_home_subsidy',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What the Workers' Home subsidy pays a rated unit each year: 20,000 yuan. */
export const WORKERS_HOME_SUBSIDY_FEN = 2_000_000;

export const FUND_KIND_LABELS: Labels<FundKind> = {
  hardship_aid: { zh: '困难职工帮扶资金', en: 'hardship-aid fund' },
  medical_mutual_aid: { zh: '在职职工医疗互助保障资金', en: 'medical mutual-aid fund' },
};

export const INCOME_SOURCE_LABELS: Labels<IncomeSource> = {
  district_allocation: { zh: '区总工会拨款', en: 'allocation from the district federation' },
  donation: { zh: '社会捐赠', en: 'donation' },
  member_contributions: { zh: '会员互助金', en: 'member contributions' },
  other: { zh: '其他收入', en: 'other income' },
};

export const PROGRAMME_KIND_LABELS: Labels<ProgrammeKind> = {
  festival_visits: { zh: '两节送温暖', en: 'New Year and Spring Festival visits' },
  single_mothers: { zh: '三八助单亲', en: "Women's Day aid for single mothers" },
  model_worker_care: { zh: '关爱劳模', en: 'care for model workers' },
  student_grants: { zh: '金秋助学', en: 'autumn student grants' },
  special_hardship: { zh: '日常特殊困难救助', en: 'special hardship relief' },
  medical_mutual_aid: { zh: '医疗互助', en: 'medical mutual aid' },
  workers_home_subsidy: { zh: '职工之家补贴', en: "Workers' Home subsidy" },
};

export const PAYMENT_METHOD_LABELS: Labels<PaymentMethod> = {
  bank_transfer: { zh: '银行转账', en: 'bank transfer' },
  cash: { zh: '现金', en: 'cash' },
  cheque: { zh: '支票', en: 'cheque' },
  other: { zh: '其他方式', en: 'other means' },
};

export const DISBURSEMENT_STATUS_LABELS: Labels<'requested' | 'approved' | 'paid' | 'rejected' | 'cancelled'> = {
  requested: { zh: '待审批', en: 'awaiting approval' },
  approved: { zh: '已批准待支付', en: 'approved, not yet paid' },
  paid: { zh: '已支付', en: 'paid' },
  rejected: { zh: '已驳回', en: 'rejected' },
  cancelled: { zh: '已撤销', en: 'cancelled' },
};
