import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Lang } from '#domain';
import type { DataSource } from 'typeorm';

/** What each figure counts, said beside the figure so that a report is never read two ways. */
export const PEOPLE_STATS_DEFINITIONS = {
  householdsVisited: {
    zh: '该期间内（北京时间，含首尾两日）被走访慰问的困难职工家庭户数，按困难职工档案去重：一户无论走访几次只计一次；不含作为误录撤销的走访。',
    en: 'Households in hardship visited in the period (Beijing dates, both days included), each household file counted once however often it was visited; visits withdrawn as recorded in error do not count.',
  },
  householdPersonVisits: {
    zh: '该期间内对困难职工家庭的走访慰问人次：每条走访记录计一次；不含作为误录撤销的走访。',
    en: 'Care visits to households in hardship in the period (person-visits, 人次): each recorded visit once; withdrawn visits do not count.',
  },
  modelWorkerPersonVisits: {
    zh: '该期间内对劳模的走访慰问人次（关爱劳模）：每条走访记录计一次；不含作为误录撤销的走访。',
    en: 'Care visits to model workers in the period (person-visits, 人次): each recorded visit once; withdrawn visits do not count.',
  },
  modelWorkersVisited: {
    zh: '该期间内被走访慰问的劳模人数，按人去重。',
    en: 'Model workers visited in the period, each person counted once.',
  },
  modelWorkersOnRoll: {
    zh: '截止日期当天在劳模名册中的人数（授予年份不晚于当年，且未移出名册），按级别分列；国家级与市级合计另列。',
    en: 'Model workers on the roll on the last day of the period (title awarded in that year or before, not taken off the roll), by level; national and municipal together given apart.',
  },
  organisations: {
    zh: '当天存在的基层工会组织数：成立日期不晚于当天，且当天尚未撤销。',
    en: 'Grassroots union organisations existing on the day: founded on or before it and not dissolved by then.',
  },
  members: {
    zh: '当天存在的基层工会组织的会员总数：每个组织取当天或之前最近一次登记的会员人数。',
    en: 'Members of the organisations existing on the day: for each, the latest member count made on or before the day.',
  },
  workersHomesRated: {
    zh: '评定年度在该期间所跨年份内的职工之家单位数，按单位去重；每年的评定数另列。',
    en: 'Units rated a Workers’ Home (职工之家) for a year within the period’s years, each unit counted once; the ratings of each year given apart.',
  },
} as const;

export interface Figure {
  value: number;
  definition: string;
}

/** The people numbers of the period report, from the aid-people read models. */
@Injectable()
export class PeopleStats {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forPeriod(from: string, to: string, lang: Lang) {
    const d = (key: keyof typeof PEOPLE_STATS_DEFINITIONS) => PEOPLE_STATS_DEFINITIONS[key][lang];
    const [visits] = await this.ds.query<Record<string, string>[]>(
      `SELECT count(DISTINCT visitee_id) FILTER (WHERE visitee_kind = 'household') AS households,
              count(*) FILTER (WHERE visitee_kind = 'household') AS "householdVisits",
              count(DISTINCT visitee_id) FILTER (WHERE visitee_kind = 'model_worker') AS "modelWorkers",
              count(*) FILTER (WHERE visitee_kind = 'model_worker') AS "modelWorkerVisits"
       FROM aid_care_visits WHERE NOT withdrawn AND visited_on BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    const roll = await this.ds.query<{ level: string; n: string }[]>(
      `SELECT level, count(*) AS n FROM aid_model_workers
       WHERE year_awarded <= extract(year FROM $1::date) AND (removed_on IS NULL OR removed_on > $1::date)
       GROUP BY level`,
      [to],
    );
    const byLevel = { national: 0, municipal: 0, district: 0 };
    for (const r of roll) byLevel[r.level as keyof typeof byLevel] = Number(r.n);
    const ratings = await this.ds.query<{ year: number; n: string }[]>(
      `SELECT year, count(*) AS n FROM workers_home_ratings
       WHERE year BETWEEN extract(year FROM $1::date) AND extract(year FROM $2::date) GROUP BY year ORDER BY year`,
      [from, to],
    );
    const [{ units }] = await this.ds.query<{ units: string }[]>(
      `SELECT count(DISTINCT organisation_id) AS units FROM workers_home_ratings
       WHERE year BETWEEN extract(year FROM $1::date) AND extract(year FROM $2::date)`,
      [from, to],
    );
    const [atStart, atEnd] = await Promise.all([this.organisationsOn(from), this.organisationsOn(to)]);
    return {
      from,
      to,
      householdsVisited: { value: Number(visits!.households), definition: d('householdsVisited') },
      householdPersonVisits: { value: Number(visits!.householdVisits), definition: d('householdPersonVisits') },
      modelWorkerPersonVisits: { value: Number(visits!.modelWorkerVisits), definition: d('modelWorkerPersonVisits') },
      modelWorkersVisited: { value: Number(visits!.modelWorkers), definition: d('modelWorkersVisited') },
      modelWorkersOnRoll: {
        value: byLevel.national + byLevel.municipal + byLevel.district,
        nationalOrMunicipal: byLevel.national + byLevel.municipal,
        byLevel,
        on: to,
        definition: d('modelWorkersOnRoll'),
      },
      organisationsAtStart: { on: from, value: atStart.organisations, definition: d('organisations') },
      membersAtStart: { on: from, value: atStart.members, definition: d('members') },
      organisationsAtEnd: { on: to, value: atEnd.organisations, definition: d('organisations') },
      membersAtEnd: { on: to, value: atEnd.members, definition: d('members') },
      workersHomesRated: {
        value: Number(units),
        byYear: ratings.map((r) => ({ year: Number(r.year), value: Number(r.n) })),
        definition: d('workersHomesRated'),
      },
    };
  }

  /** Organisations existing on `day` and their members then (each one's latest count by that day). */
  async organisationsOn(day: string): Promise<{ organisations: number; members: number }> {
    const [row] = await this.ds.query<{ organisations: string; members: string }[]>(
      `SELECT count(*) AS organisations, coalesce(sum(c.members), 0) AS members
       FROM organisations o
       LEFT JOIN LATERAL (SELECT members FROM organisation_member_counts m
                          WHERE m.organisation_id = o.id AND m.counted_on <= $1::date
                          ORDER BY m.counted_on DESC LIMIT 1) c ON true
       WHERE o.founded_on <= $1::date AND (o.dissolved_on IS NULL OR o.dissolved_on > $1::date)`,
      [day],
    );
    return { organisations: Number(row!.organisations), members: Number(row!.members) };
  }
}
