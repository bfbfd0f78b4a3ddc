import {
  CASE_OUTCOMES,
  CASE_OUTCOME_LABELS,
  DISPUTE_CATEGORIES,
  DISPUTE_CATEGORY_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  FOLLOW_UP_METHODS,
  REFERRAL_AGENCIES,
  REFERRAL_AGENCY_LABELS,
  ROLE_LABELS,
  ROLES,
  FUND_KINDS,
  FUND_KIND_LABELS,
  INCOME_SOURCES,
  INCOME_SOURCE_LABELS,
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  PROGRAMME_KINDS,
  PROGRAMME_KIND_LABELS,
  HARDSHIP_CAUSES,
  HARDSHIP_CAUSE_LABELS,
  MODEL_WORKER_LEVELS,
  MODEL_WORKER_LEVEL_LABELS,
  WORKERS_HOME_LEVELS,
  WORKERS_HOME_LEVEL_LABELS,
} from '#domain';
import type { Bilingual } from './problem.js';

/**
 * How a field is named to a clerk, by its property name (the same name means the same thing in
 * every DTO). A name missing here is shown as sent.
 */
export const FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  id: { zh: '编号', en: 'id' },
  title: { zh: '标题', en: 'title' },
  category: { zh: '案件类别', en: 'category' },
  description: { zh: '案情描述', en: 'description' },
  application: { zh: '调解申请', en: 'application' },
  kind: { zh: '类别', en: 'kind' },
  receivedAt: { zh: '收到申请的时间', en: 'receivedAt' },
  oral: { zh: '口头申请记录', en: 'oral' },
  applicantName: { zh: '申请人姓名', en: 'applicantName' },
  dispute: { zh: '争议事项', en: 'dispute' },
  reasons: { zh: '理由', en: 'reasons' },
  recordedAt: { zh: '记录时间', en: 'recordedAt' },
  respondent: { zh: '被申请人', en: 'respondent' },
  name: { zh: '名称', en: 'name' },
  employerId: { zh: '用人单位编号', en: 'employerId' },
  claimants: { zh: '申请人', en: 'claimants' },
  workerId: { zh: '职工编号', en: 'workerId' },
  mediatorId: { zh: '调解员编号', en: 'mediatorId' },
  claimantId: { zh: '申请人编号', en: 'claimantId' },
  amountFen: { zh: '金额（分）', en: 'amountFen' },
  note: { zh: '备注', en: 'note' },
  notes: { zh: '备注', en: 'notes' },
  amounts: { zh: '各申请人金额', en: 'amounts' },
  terms: { zh: '协议内容', en: 'terms' },
  paymentDates: { zh: '支付日期', en: 'paymentDates' },
  instalments: { zh: '分期付款计划', en: 'instalments' },
  outcome: { zh: '结案结果', en: 'outcome' },
  reason: { zh: '理由', en: 'reason' },
  at: { zh: '回访时间', en: 'at' },
  method: { zh: '回访方式', en: 'method' },
  result: { zh: '回访结果', en: 'result' },
  heldAt: { zh: '调解会议时间', en: 'heldAt' },
  place: { zh: '地点', en: 'place' },
  attendees: { zh: '参加人', en: 'attendees' },
  summary: { zh: '会议摘要', en: 'summary' },
  agency: { zh: '转办部门', en: 'agency' },
  agencyName: { zh: '部门名称', en: 'agencyName' },
  answer: { zh: '答复内容', en: 'answer' },
  answeredAt: { zh: '答复时间', en: 'answeredAt' },
  referralId: { zh: '转办编号', en: 'referralId' },
  idNumber: { zh: '身份证号码', en: 'idNumber' },
  phone: { zh: '电话', en: 'phone' },
  creditCode: { zh: '统一社会信用代码', en: 'creditCode' },
  address: { zh: '地址', en: 'address' },
  contact: { zh: '联系人', en: 'contact' },
  status: { zh: '状态', en: 'status' },
  receivedFrom: { zh: '收案起始日期', en: 'receivedFrom' },
  receivedTo: { zh: '收案截止日期', en: 'receivedTo' },
  q: { zh: '搜索词', en: 'q' },
  sort: { zh: '排序', en: 'sort' },
  page: { zh: '页码', en: 'page' },
  pageSize: { zh: '每页条数', en: 'pageSize' },
  minPosition: { zh: '日志位置', en: 'minPosition' },
  from: { zh: '起始日期', en: 'from' },
  to: { zh: '截止日期', en: 'to' },
  username: { zh: '用户名', en: 'username' },
  displayName: { zh: '显示名称', en: 'displayName' },
  password: { zh: '密码', en: 'password' },
  oldPassword: { zh: '原密码', en: 'oldPassword' },
  newPassword: { zh: '新密码', en: 'newPassword' },
  roles: { zh: '角色', en: 'roles' },
  role: { zh: '角色', en: 'role' },
  source: { zh: '资金来源', en: 'source' },
  receivedOn: { zh: '到账日期', en: 'receivedOn' },
  reference: { zh: '凭证编号', en: 'reference' },
  donor: { zh: '捐赠人', en: 'donor' },
  receiptNumber: { zh: '收据编号', en: 'receiptNumber' },
  fundId: { zh: '资金账户编号', en: 'fundId' },
  beneficiary: { zh: '受助对象', en: 'beneficiary' },
  perBeneficiaryCapFen: { zh: '每人每年限额（分）', en: 'perBeneficiaryCapFen' },
  season: { zh: '发放期间', en: 'season' },
  paidOn: { zh: '支付日期', en: 'paidOn' },
  requestedOn: { zh: '申请日期', en: 'requestedOn' },
  approvedOn: { zh: '批准日期', en: 'approvedOn' },
  asOf: { zh: '截至时刻', en: 'asOf' },
  entryId: { zh: '收入记录编号', en: 'entryId' },
  // Hardship aid: households, model workers, students, organisations, care visits.
  householdSize: { zh: '家庭人口', en: 'householdSize' },
  cause: { zh: '致困原因', en: 'cause' },
  causeNote: { zh: '致困情况说明', en: 'causeNote' },
  monthlyIncomePerPersonFen: { zh: '家庭人均月收入（分）', en: 'monthlyIncomePerPersonFen' },
  singleMother: { zh: '单亲母亲家庭', en: 'singleMother' },
  openedOn: { zh: '建档日期', en: 'openedOn' },
  closedOn: { zh: '销档日期', en: 'closedOn' },
  level: { zh: '级别', en: 'level' },
  yearAwarded: { zh: '授予年份', en: 'yearAwarded' },
  removedOn: { zh: '移出名册日期', en: 'removedOn' },
  school: { zh: '学校', en: 'school' },
  grade: { zh: '年级', en: 'grade' },
  effectiveOn: { zh: '生效日期', en: 'effectiveOn' },
  householdId: { zh: '困难职工档案编号', en: 'householdId' },
  enterprise: { zh: '所在单位', en: 'enterprise' },
  foundedOn: { zh: '成立日期', en: 'foundedOn' },
  dissolvedOn: { zh: '撤销日期', en: 'dissolvedOn' },
  countedOn: { zh: '会员统计日期', en: 'countedOn' },
  members: { zh: '会员人数', en: 'members' },
  year: { zh: '年度', en: 'year' },
  on: { zh: '日期', en: 'on' },
  visitee: { zh: '走访对象', en: 'visitee' },
  visiteeId: { zh: '走访对象编号', en: 'visiteeId' },
  visiteeKind: { zh: '走访对象类别', en: 'visiteeKind' },
  visitedOn: { zh: '走访日期', en: 'visitedOn' },
  programmeId: { zh: '帮扶项目编号', en: 'programmeId' },
  visitors: { zh: '走访人', en: 'visitors' },
  goods: { zh: '慰问物品', en: 'goods' },
  moneyFen: { zh: '慰问金（分）', en: 'moneyFen' },
  disbursementId: { zh: '支出编号', en: 'disbursementId' },
  // Deadline policies.
  days: { zh: '期限天数', en: 'days' },
  warnDaysBefore: { zh: '提前提醒天数', en: 'warnDaysBefore' },
  graceDays: { zh: '宽限天数', en: 'graceDays' },
};

export function fieldLabel(property: string): Bilingual {
  return FIELD_LABELS[property] ?? { zh: property, en: property };
}

/** Lists whose values have names for a clerk: a wrong value is answered with the codes and their names. */
const VALUE_LABELS = new Map<readonly string[], Readonly<Record<string, Bilingual>>>([
  [ROLES, ROLE_LABELS],
  [DISPUTE_CATEGORIES, DISPUTE_CATEGORY_LABELS],
  [REFERRAL_AGENCIES, REFERRAL_AGENCY_LABELS],
  [CASE_OUTCOMES, CASE_OUTCOME_LABELS],
  [FOLLOW_UP_METHODS, FOLLOW_UP_METHOD_LABELS],
  [FUND_KINDS, FUND_KIND_LABELS],
  [INCOME_SOURCES, INCOME_SOURCE_LABELS],
  [PAYMENT_METHODS, PAYMENT_METHOD_LABELS],
  [PROGRAMME_KINDS, PROGRAMME_KIND_LABELS],
  [HARDSHIP_CAUSES, HARDSHIP_CAUSE_LABELS],
  [MODEL_WORKER_LEVELS, MODEL_WORKER_LEVEL_LABELS],
  [WORKERS_HOME_LEVELS, WORKERS_HOME_LEVEL_LABELS],
]);

function choices(values: readonly unknown[]): Bilingual {
  const labels = VALUE_LABELS.get(values as readonly string[]);
  const list = values.map(String);
  return {
    zh: list.map((v) => (labels?.[v] ? `${v}（${labels[v].zh}）` : v)).join('、'),
    en: list.map((v) => (labels?.[v] && labels[v].en !== v ? `${v} (${labels[v].en})` : v)).join(', '),
  };
}

type Template = (args: unknown[]) => Bilingual;

/**
 * One message per constraint, in both languages, for every DTO: decorators need no message of
 * their own. The label comes first (`标题：…`, `title …`) when the messages are shown.
 */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, Template>> = {
  isDefined: () => ({ zh: '必须填写', en: 'is required' }),
  isNotEmpty: () => ({ zh: '不能为空', en: 'must not be empty' }),
  requiredText: () => ({ zh: '不能为空或只有空白', en: 'must not be empty or only spaces' }),
  isString: () => ({ zh: '须为文本', en: 'must be text' }),
  isObject: () => ({ zh: '须为对象', en: 'must be an object' }),
  isArray: () => ({ zh: '须为数组（列表）', en: 'must be a list' }),
  isInt: () => ({ zh: '须为整数', en: 'must be a whole number' }),
  isBoolean: () => ({ zh: '须为 true 或 false', en: 'must be true or false' }),
  min: ([n]) => ({ zh: `不能小于 ${String(n)}`, en: `must be at least ${String(n)}` }),
  max: ([n]) => ({ zh: `不能大于 ${String(n)}`, en: `must be at most ${String(n)}` }),
  maxLength: ([n]) => ({ zh: `最多 ${String(n)} 个字符`, en: `must be at most ${String(n)} characters long` }),
  minLength: ([n]) => ({ zh: `至少 ${String(n)} 个字符`, en: `must be at least ${String(n)} characters long` }),
  arrayMinSize: ([n]) => ({ zh: `至少需要 ${String(n)} 项`, en: `must have at least ${String(n)} ${n === 1 ? 'item' : 'items'}` }),
  arrayMaxSize: ([n]) => ({ zh: `最多 ${String(n)} 项`, en: `must have at most ${String(n)} items` }),
  isIn: ([values]) => {
    const c = choices(values as readonly unknown[]);
    return { zh: `须为以下之一：${c.zh}`, en: `must be one of: ${c.en}` };
  },
  isEnum: ([values]) => {
    const c = choices(Object.values(values as object));
    return { zh: `须为以下之一：${c.zh}`, en: `must be one of: ${c.en}` };
  },
  isUuid: () => ({ zh: '须为 UUID 格式的编号', en: 'must be a UUID' }),
  isIso8601: () => ({ zh: '须为日期（如 2026-03-01）或带时区的时间（如 2026-03-01T09:30:00+08:00）', en: 'must be a date (2026-03-01) or a time with its offset (2026-03-01T09:30:00+08:00)' }),
  isDateOrInstant: () => ({ zh: '须为日期（如 2026-03-01）或带时区的时间（如 2026-03-01T09:30:00+08:00）', en: 'must be a date (2026-03-01) or a time with its offset (2026-03-01T09:30:00+08:00)' }),
  isCalendarDate: () => ({ zh: '须为日历日期，如 2026-03-01', en: 'must be a calendar date such as 2026-03-01' }),
  isPosition: () => ({ zh: '须为命令应答中的日志位置，如 "7421:1093"', en: 'must be a log position from a command answer, e.g. "7421:1093"' }),
  isLogMoment: () => ({ zh: '须为带时区的时间（如 2026-03-01T09:30:00+08:00）或日志位置（如 "7421:1093"）', en: 'must be a time with its offset (2026-03-01T09:30:00+08:00) or a log position ("7421:1093")' }),
  isDayOrLogMoment: () => ({
    zh: '须为日历日期（如 2026-06-30）、带时区的时间（如 2026-03-01T09:30:00+08:00）或日志位置（如 "7421:1093"）',
    en: 'must be a calendar date (2026-06-30), a time with its offset (2026-03-01T09:30:00+08:00) or a log position ("7421:1093")',
  }),
  isFen: () => ({ zh: `须为以分计的整数金额（1 元 = 100 分），0 至 ${Number.MAX_SAFE_INTEGER}`, en: `must be a whole number of fen (1 yuan = 100 fen) from 0 to ${Number.MAX_SAFE_INTEGER}` }),
  isPhone: () => ({ zh: '只能包含数字、空格和 + - ( )', en: 'may contain only digits, spaces and + - ( )' }),
  matches: () => ({ zh: '格式不正确', en: 'is not in the expected format' }),
  nestedValidation: () => ({ zh: '须为对象', en: 'must be an object' }),
  whitelistValidation: () => ({ zh: '不是此处可接受的字段', en: 'is not a field this request takes' }),
  unknownValue: () => ({ zh: '请求内容须为 JSON 对象', en: 'must be a JSON object' }),
};

/** A constraint's message; an unknown constraint still says something true in both languages. */
export function constraintMessage(constraint: string, args: unknown[], each: boolean, fallback: string): Bilingual {
  const template = CONSTRAINT_MESSAGES[constraint];
  const m = template ? template(args) : { zh: `不符合要求（${fallback}）`, en: fallback };
  return each ? { zh: `每一项${m.zh}`, en: `each item ${m.en}` } : m;
}
