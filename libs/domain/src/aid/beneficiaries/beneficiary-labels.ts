type Labels<K extends string> = Readonly<Record<K, Readonly<{ zh: string; en: string }>>>;

/** A model worker's title: 国家级 (e.g. 全国劳动模范), 市级 (北京市劳动模范, 先进工作者), 区级. */
export const MODEL_WORKER_LEVELS = ['national', 'municipal', 'district'] as const;
export type ModelWorkerLevel = (typeof MODEL_WORKER_LEVELS)[number];

/** Who rated a unit a Workers' Home (职工之家): the national, municipal, district or town federation. */
export const WORKERS_HOME_LEVELS = ['national', 'municipal', 'district', 'town'] as const;
export type WorkersHomeLevel = (typeof WORKERS_HOME_LEVELS)[number];

/** Why a household is in hardship (致困原因), as the union's files classify it. */
export const HARDSHIP_CAUSES = ['illness', 'disability', 'unemployment', 'single_parent', 'education', 'disaster', 'other'] as const;
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number];

/** Who a care visit (走访慰问) went to. */
export const VISITEE_KINDS = ['household', 'model_worker'] as const;
export type VisiteeKind = (typeof VISITEE_KINDS)[number];

export const MODEL_WORKER_LEVEL_LABELS: Labels<ModelWorkerLevel> = {
  national: { zh: '全国级', en: 'national' },
  municipal: { zh: '市级', en: 'municipal' },
  district: { zh: '区级', en: 'district' },
};

export const WORKERS_HOME_LEVEL_LABELS: Labels<WorkersHomeLevel> = {
  national: { zh: '全国模范职工之家', en: 'national model Workers’ Home' },
  municipal: { zh: '市级职工之家', en: 'municipal Workers’ Home' },
  district: { zh: '区级职工之家', en: 'district Workers’ Home' },
  town: { zh: '镇级职工之家', en: 'town Workers’ Home' },
};

export const HARDSHIP_CAUSE_LABELS: Labels<HardshipCause> = {
  illness: { zh: '因病致困', en: 'illness' },
  disability: { zh: '因残致困', en: 'disability' },
  unemployment: { zh: '失业下岗', en: 'unemployment' },
  single_parent: { zh: '单亲家庭', en: 'single-parent household' },
  education: { zh: '子女就学', en: 'children’s schooling' },
  disaster: { zh: '因灾致困', en: 'disaster' },
  other: { zh: '其他', en: 'other' },
};

/** Names of the fields a clerk may get wrong, for messages. */
export const BENEFICIARY_FIELD_LABELS = {
  workerName: { zh: '职工姓名', en: 'the worker’s name' },
  householdSize: { zh: '家庭人口', en: 'The household size' },
  cause: { zh: '致困原因', en: 'cause of hardship' },
  monthlyIncomePerPersonFen: { zh: '家庭人均月收入', en: 'monthly income per person' },
  openedOn: { zh: '建档日期', en: 'The day the file was opened' },
  closedOn: { zh: '销档日期', en: 'The day the file was closed' },
  title: { zh: '荣誉称号', en: 'the title' },
  level: { zh: '级别', en: 'level' },
  yearAwarded: { zh: '授予年份', en: 'The year the title was awarded' },
  removedOn: { zh: '移出名册日期', en: 'The day the model worker left the roll' },
  studentName: { zh: '学生姓名', en: 'the student’s name' },
  school: { zh: '学校', en: 'the school' },
  grade: { zh: '年级', en: 'the grade' },
  effectiveOn: { zh: '就读信息生效日期', en: 'The day the new school or grade applies from' },
  organisationName: { zh: '工会组织名称', en: 'the union organisation’s name' },
  enterprise: { zh: '所在单位', en: 'the enterprise' },
  foundedOn: { zh: '成立日期', en: 'The day the organisation was founded' },
  dissolvedOn: { zh: '撤销日期', en: 'The day the organisation was dissolved' },
  countedOn: { zh: '会员统计日期', en: 'The day the members were counted' },
  members: { zh: '会员人数', en: 'The number of members' },
  year: { zh: '评定年度', en: 'The year of the rating' },
  visitedOn: { zh: '走访日期', en: 'The day of the visit' },
  visitors: { zh: '走访人', en: 'who visited' },
  visitee: { zh: '走访对象', en: 'who was visited' },
  moneyFen: { zh: '慰问金', en: 'money given' },
  programmeId: { zh: '帮扶项目', en: 'the aid programme' },
  disbursementId: { zh: '帮扶资金发放', en: 'the disbursement' },
  reason: { zh: '理由', en: 'the reason' },
} as const satisfies Labels<string>;
export type BeneficiaryField = keyof typeof BENEFICIARY_FIELD_LABELS;
