/**
 * A plausible 2011–2016 of the Renhe Town Federation's casework, shaped so that the period report
 * over those years gives the seed's table (the newspaper report of the second congress). Every
 * figure lives here, in the scenario's data; the report's code counts only what was recorded.
 */

export const PERIOD = { from: '2011-01-01', to: '2016-12-31' } as const;

/** The seed's table (DOMAIN.md), by the period report's figure names. Money in fen. */
export const SEED_TABLE = {
  cases_handled: 18,
  workers_involved: 231,
  wages_recovered: 243_200_000,
  wages_paid_to_workers: 243_200_000,
  /** "over 200,000 yuan": the scenario raises 205,000 (see AID_INCOME). */
  aid_raised: 20_500_000,
  households_visited: 87,
  model_worker_person_visits: 71,
  model_workers: 16,
  student_grant_students: 26,
  student_grant_amount: 3_500_000,
  organisations_at_start: 23,
  organisations_at_end: 65,
  members_at_end: 7_380,
  workers_homes: 9,
} as const;

export type SeedFigure = keyof typeof SEED_TABLE;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海涛', '丽娟', '国庆', '春梅', '永明', '淑珍', '卫东', '晓燕', '红军', '玉兰', '德胜', '凤霞', '立新', '秀兰', '长江', '金凤', '宝山', '小平'];

/** A Chinese name, different for each n below SURNAMES × GIVEN (2,000+). */
export function personName(n: number): string {
  return SURNAMES[n % SURNAMES.length]! + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]!;
}

export interface ScenarioCase {
  title: string;
  respondent: string;
  receivedAt: string;
  workers: number;
  /** What the agreement gives all the workers together, in yuan. */
  totalYuan: number;
  /** The employer pays in two instalments (the first about half), then the union pays each worker. */
  receipts: [string, string];
  paidOn: string;
}

const c = (year: number, md: string, workers: number, totalYuan: number, respondent: string, what: string): ScenarioCase => {
  const [m, d] = md.split('-').map(Number) as [number, number];
  const day = (months: number, dd: number) => {
    const mm = m + months;
    return `${year + Math.floor((mm - 1) / 12)}-${String(((mm - 1) % 12) + 1).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  };
  return {
    title: `${respondent}拖欠${workers}名职工${what}`,
    respondent,
    receivedAt: `${year}-${md}`,
    workers,
    totalYuan,
    receipts: [day(1, Math.min(d, 28)), day(2, Math.min(d, 28))],
    paidOn: day(2, Math.min(d + 1, 28)),
  };
};

/** 18 cases, 231 workers, 2,432,000 yuan agreed, received and paid out. */
export const CASES: ScenarioCase[] = [
  c(2011, '03-14', 32, 386_000, '北京仁和宏达建筑工程有限公司', '工资'),
  c(2011, '06-20', 6, 54_000, '顺义区仁和镇某餐饮店', '工资'),
  c(2011, '10-11', 14, 121_500, '北京某服装加工厂', '加班工资'),
  c(2012, '01-09', 25, 298_000, '北京某物流有限公司', '工资'),
  c(2012, '05-16', 9, 76_500, '仁和镇某汽车配件厂', '工资'),
  c(2012, '09-03', 18, 187_000, '北京某建材有限公司', '工资及经济补偿'),
  c(2013, '02-25', 11, 95_000, '北京某食品有限公司', '工资'),
  c(2013, '07-08', 21, 245_000, '北京某市政工程有限公司', '农民工工资'),
  c(2013, '11-18', 4, 38_500, '仁和镇某印刷厂', '工资'),
  c(2014, '01-13', 28, 342_000, '北京某装饰工程有限公司', '农民工工资'),
  c(2014, '06-09', 7, 61_000, '仁和镇某超市', '工资'),
  c(2014, '10-20', 12, 118_000, '北京某电子有限公司', '工资'),
  c(2015, '03-02', 16, 152_000, '北京某包装制品有限公司', '工资'),
  c(2015, '07-27', 5, 47_500, '仁和镇某洗车行', '工资'),
  c(2015, '11-09', 8, 72_000, '北京某家具厂', '工资'),
  c(2016, '02-22', 3, 26_500, '仁和镇某快递网点', '工资'),
  c(2016, '05-30', 9, 89_000, '北京某园林绿化有限公司', '工资'),
  c(2016, '09-19', 3, 22_500, '仁和镇某小饭馆', '工资'),
];

/** Income to the aid fund: 205,000 yuan over six years. */
export const AID_INCOME: { receivedOn: string; source: 'district_allocation' | 'donation' | 'other'; yuan: number; reference: string; donor?: { name: string; receiptNumber: string } }[] = [
  { receivedOn: '2011-01-10', source: 'district_allocation', yuan: 30_000, reference: '顺工拨〔2011〕3号' },
  { receivedOn: '2012-01-09', source: 'district_allocation', yuan: 30_000, reference: '顺工拨〔2012〕2号' },
  { receivedOn: '2012-12-20', source: 'donation', yuan: 10_000, reference: '两节送温暖捐赠', donor: { name: '仁和镇商会', receiptNumber: 'JZ-2012-0017' } },
  { receivedOn: '2013-01-14', source: 'district_allocation', yuan: 30_000, reference: '顺工拨〔2013〕4号' },
  { receivedOn: '2014-01-13', source: 'district_allocation', yuan: 30_000, reference: '顺工拨〔2014〕3号' },
  { receivedOn: '2014-08-25', source: 'donation', yuan: 15_000, reference: '金秋助学捐赠', donor: { name: '北京某物流有限公司', receiptNumber: 'JZ-2014-0042' } },
  { receivedOn: '2015-01-12', source: 'district_allocation', yuan: 25_000, reference: '顺工拨〔2015〕2号' },
  { receivedOn: '2016-01-11', source: 'district_allocation', yuan: 25_000, reference: '顺工拨〔2016〕1号' },
  { receivedOn: '2016-06-30', source: 'other', yuan: 10_000, reference: '镇工会经费划拨' },
];

/** 26 student grants, 35,000 yuan: 9 of 1,000, 13 of 1,500, 4 of 1,625. */
export const STUDENT_GRANTS_YUAN: number[] = [...Array(9).fill(1_000), ...Array(13).fill(1_500), ...Array(4).fill(1_625)];

/**
 * The 26 grants as the fund recorded them, each for a child of household `i` (whose file opened in
 * January of `year`): asked for at the start of the autumn term of that year, approved a week
 * later, paid the week after. The API is given these days (requestedOn, approvedOn, paidOn), so
 * the grants count in 2011–2016 although they are entered today.
 */
export const STUDENT_GRANTS = STUDENT_GRANTS_YUAN.map((yuan, i) => {
  const year = 2011 + (i % 6);
  const day = 1 + Math.floor(i / 6);
  const on = (month: number, d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { yuan, household: i, requestedOn: on(9, day), approvedOn: on(9, day + 7), paidOn: on(9, day + 14) };
});

/** 87 households in hardship, each visited at the Spring Festival of the year its file opened; 20 visited again. */
export const HOUSEHOLDS = Array.from({ length: 87 }, (_, i) => {
  const year = 2011 + (i % 6);
  return { name: personName(500 + i), openedOn: `${year}-01-05`, visits: i < 20 ? [`${year}-01-20`, `${Math.min(year + 1, 2016)}-09-10`] : [`${year}-01-20`] };
});

/** 16 model workers with national or municipal titles (6 and 10) and 2 with district titles, never visited in the scenario. */
export const MODEL_WORKERS = Array.from({ length: 18 }, (_, i) => ({
  name: personName(700 + i),
  level: (i < 6 ? 'national' : i < 16 ? 'municipal' : 'district') as 'national' | 'municipal' | 'district',
  title: i < 6 ? '全国劳动模范' : i < 16 ? '北京市劳动模范' : '顺义区劳动模范',
  yearAwarded: 2000 + (i % 11),
}));

/** 71 person-visits to the 16: every one at each Spring Festival 2012–2015 (64), and 7 on May Day 2016. */
export const MODEL_WORKER_VISITS: { worker: number; visitedOn: string }[] = [
  ...[2012, 2013, 2014, 2015].flatMap((year) => Array.from({ length: 16 }, (_, worker) => ({ worker, visitedOn: `${year}-01-25` }))),
  ...Array.from({ length: 7 }, (_, worker) => ({ worker, visitedOn: '2016-04-28' })),
];

/** 23 grassroots unions by 2011 (3,010 members then), 42 founded 2012–2016; 7,380 members counted at the end of 2016. */
export const ORGANISATIONS = Array.from({ length: 65 }, (_, i) => ({
  name: `仁和镇${i < 23 ? '' : '新建'}第${i + 1}基层工会`,
  enterprise: `仁和镇企业${i + 1}`,
  foundedOn: i < 23 ? `${2003 + (i % 8)}-05-01` : `${2012 + ((i - 23) % 5)}-03-01`,
  membersAtStart: i < 23 ? (i < 22 ? 130 : 150) : null,
  membersAtEnd: i < 64 ? 114 : 84,
  /** The first nine are rated Workers' Homes. */
  workersHomeYears: i < 9 ? [2012 + (i % 5)] : [],
}));

/** The data says what the seed says (a check of the data, not of the system). */
export function checkData(): string[] {
  const wrong: string[] = [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (CASES.length !== SEED_TABLE.cases_handled) wrong.push('cases');
  if (sum(CASES.map((x) => x.workers)) !== SEED_TABLE.workers_involved) wrong.push('workers');
  if (sum(CASES.map((x) => x.totalYuan)) * 100 !== SEED_TABLE.wages_recovered) wrong.push('wages');
  if (sum(AID_INCOME.map((x) => x.yuan)) * 100 !== SEED_TABLE.aid_raised) wrong.push('aid income');
  if (STUDENT_GRANTS.length !== SEED_TABLE.student_grant_students || sum(STUDENT_GRANTS.map((g) => g.yuan)) * 100 !== SEED_TABLE.student_grant_amount) wrong.push('grants');
  for (const g of STUDENT_GRANTS) {
    const opened = HOUSEHOLDS[g.household]?.openedOn ?? '9999';
    if (!(opened <= g.requestedOn && g.requestedOn <= g.approvedOn && g.approvedOn <= g.paidOn && PERIOD.from <= g.requestedOn && g.paidOn <= PERIOD.to)) wrong.push(`grant days ${JSON.stringify(g)}`);
  }
  if (HOUSEHOLDS.length !== SEED_TABLE.households_visited) wrong.push('households');
  if (MODEL_WORKER_VISITS.length !== SEED_TABLE.model_worker_person_visits) wrong.push('model-worker visits');
  if (sum(ORGANISATIONS.map((o) => o.membersAtEnd)) !== SEED_TABLE.members_at_end) wrong.push('members');
  if (ORGANISATIONS.filter((o) => o.workersHomeYears.length).length !== SEED_TABLE.workers_homes) wrong.push('workers homes');
  return wrong;
}
