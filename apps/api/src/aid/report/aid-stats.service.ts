import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Lang } from '#domain';
import type { DataSource } from 'typeorm';

/** What each figure counts, said beside the figure so that a report is never read two ways. */
export const AID_STATS_DEFINITIONS = {
  aidRaised: {
    zh: '该期间内（北京时间，含首尾两日）到账的帮扶资金收入合计，按来源分列；冲正的收入按原到账日期扣除。',
    en: 'Aid-fund income received in the period (Beijing dates, both days included), by source; a reversed entry is taken out on the day it was received.',
  },
  aidPaid: {
    zh: '该期间内实际支付的帮扶资金合计（按支付日期），按帮扶项目分列；已批准未支付的不计。',
    en: 'Disbursements paid in the period (by the day paid), by programme; approved but unpaid ones are not counted.',
  },
  studentGrants: {
    zh: '金秋助学：该期间内获批（按批准日期）且其后未被撤销的助学金，学生按人去重，金额为批准金额合计（含已支付）。',
    en: 'Autumn student grants approved in the period (by the day approved) and not cancelled since: students counted once each, and the amount approved (paid ones included).',
  },
} as const;

export interface AidStats {
  from: string;
  to: string;
  aidRaised: { totalFen: number; bySource: { source: string; amountFen: number }[]; definition: string };
  aidPaid: { totalFen: number; byProgramme: { programmeId: string; programmeName: string; programmeKind: string; count: number; amountFen: number }[]; definition: string };
  studentGrants: { students: number; grants: number; amountFen: number; definition: string };
}

/** The aid fund's figures for the period report: named queries over the read models, each with its definition. */
@Injectable()
export class AidStatsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forPeriod(from: string, to: string, lang: Lang): Promise<AidStats> {
    const raised = await this.ds.query<{ source: string; fen: string }[]>(
      `SELECT source, sum(amount_fen) AS fen FROM aid_fund_income WHERE received_on BETWEEN $1::date AND $2::date GROUP BY source ORDER BY source`,
      [from, to],
    );
    const paid = await this.ds.query<{ programme_id: string; programme_name: string; programme_kind: string; n: string; fen: string }[]>(
      `SELECT programme_id, min(programme_name) AS programme_name, min(programme_kind) AS programme_kind, count(*) AS n, sum(amount_fen) AS fen
         FROM aid_disbursements WHERE status = 'paid' AND paid_on BETWEEN $1::date AND $2::date
        GROUP BY programme_id ORDER BY min(programme_name)`,
      [from, to],
    );
    const [grants] = await this.ds.query<{ students: string; grants: string; fen: string }[]>(
      `SELECT count(DISTINCT beneficiary_id) AS students, count(*) AS grants, coalesce(sum(amount_fen), 0) AS fen
         FROM aid_disbursements
        WHERE programme_kind = 'student_grants' AND status IN ('approved', 'paid') AND approved_on BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    const bySource = raised.map((r) => ({ source: r.source, amountFen: Number(r.fen) }));
    const byProgramme = paid.map((r) => ({ programmeId: r.programme_id, programmeName: r.programme_name, programmeKind: r.programme_kind, count: Number(r.n), amountFen: Number(r.fen) }));
    return {
      from,
      to,
      aidRaised: { totalFen: bySource.reduce((s, r) => s + r.amountFen, 0), bySource, definition: AID_STATS_DEFINITIONS.aidRaised[lang] },
      aidPaid: { totalFen: byProgramme.reduce((s, r) => s + r.amountFen, 0), byProgramme, definition: AID_STATS_DEFINITIONS.aidPaid[lang] },
      studentGrants: { students: Number(grants!.students), grants: Number(grants!.grants), amountFen: Number(grants!.fen), definition: AID_STATS_DEFINITIONS.studentGrants[lang] },
    };
  }
}
