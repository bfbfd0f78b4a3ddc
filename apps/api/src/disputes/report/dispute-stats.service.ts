import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Lang } from '../../http/problem.js';

/** What each figure counts, said beside the figure so that a report is never read two ways. */
export const STATS_DEFINITIONS = {
  casesHandled: {
    zh: '申请在该期间内（北京时间，含首尾两日）收到的劳动争议案件数，不含不予受理的申请。',
    en: 'Labour-dispute cases whose application was received in the period (Beijing dates, both days included), not counting applications declined at intake.',
  },
  workersInvolved: {
    zh: '上述案件中的申请人人数，按人去重：已登记的职工无论涉及几件案件只计一次；未登记的申请人按姓名在每件案件中计一次。',
    en: 'Claimants in those cases, each person counted once: a registered worker once however many cases they are in; a claimant not registered as a worker once per case, by name.',
  },
} as const;

export interface StatsFigure {
  value: number;
  definition: string;
}

@Injectable()
export class DisputeStats {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forPeriod(from: string, to: string, lang: Lang): Promise<{ from: string; to: string; casesHandled: StatsFigure; workersInvolved: StatsFigure }> {
    const [row] = await this.ds.query<{ cases: string; workers: string }[]>(
      `WITH handled AS (
         SELECT id FROM dispute_cases
         WHERE received_on BETWEEN $1::date AND $2::date
           AND intake_decision <> 'declined'
       )
       SELECT (SELECT count(*) FROM handled) AS cases,
              (SELECT count(DISTINCT coalesce('worker:' || c.worker_id::text, 'case:' || c.case_id::text || ':' || c.name))
                 FROM dispute_claimants c JOIN handled h ON h.id = c.case_id) AS workers`,
      [from, to],
    );
    return {
      from,
      to,
      casesHandled: { value: Number(row.cases), definition: STATS_DEFINITIONS.casesHandled[lang] },
      workersInvolved: { value: Number(row.workers), definition: STATS_DEFINITIONS.workersInvolved[lang] },
    };
  }
}
