import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Bilingual, Lang } from '#domain';
import type { DataSource } from 'typeorm';
import { RequestValidationError } from '../../http/problem.js';
import type { RecoveryStatsView } from './recovery-stats.dto.js';

/** The period report's wage-recovery figures, each with its definition beside it (the report issue gathers them). */
export const RECOVERY_FIGURES: Record<'wages_recovered' | 'paid_to_workers' | 'written_off' | 'outstanding_at_end', { label: Bilingual; definition: Bilingual }> = {
  wages_recovered: {
    label: { zh: '追回工资', en: 'Wages recovered' },
    definition: {
      zh: '期间内（按北京时间的到账日期）用人单位支付的款项合计：各案追欠台账中“来款登记”（ReceiptRecorded）的金额之和，含欠薪保障金和法院强制执行款。',
      en: 'Money received from employers with a received-on date in the period (Beijing days): the sum of every ReceiptRecorded in the recovery ledgers, wage-guarantee fund and court enforcement included.',
    },
  },
  paid_to_workers: {
    label: { zh: '发放给职工', en: 'Paid out to workers' },
    definition: {
      zh: '期间内（按发放日期）发放给职工的款项合计：各“发放登记”（PayoutRecorded）的金额之和，含此前暂存后发放的款项。',
      en: 'Money paid to workers with a paid-on date in the period: the sum of every PayoutRecorded, held money paid out later included.',
    },
  },
  written_off: {
    label: { zh: '核销', en: 'Written off' },
    definition: {
      zh: '期间内（按主管批准日期）批准核销的职工尚欠金额之和（WriteOffApproved）。',
      en: 'Amounts still owed to workers that a supervisor approved writing off in the period (WriteOffApproved, by the day approved).',
    },
  },
  outstanding_at_end: {
    label: { zh: '期末尚欠', en: 'Still outstanding at the end' },
    definition: {
      zh: '截至期末（含当日）用人单位尚未支付的金额：调解协议应付总额（RecoveryOpened，及协议变更 OwedRebased 的增减，按其登记日期）减去截至期末的到账金额和已批准核销金额。',
      en: 'What employers had not yet paid by the end of the period (inclusive): the agreements’ totals owed (RecoveryOpened, and each OwedRebased change, by the day recorded) less money received and write-offs approved by then.',
    },
  },
};

@Injectable()
export class RecoveryStats {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async figures(from: string, to: string, lang: Lang): Promise<RecoveryStatsView> {
    if (from > to) throw new RequestValidationError([{ field: 'to', messages: ['must be on or after from'] }]);
    const [row] = await this.ds.query(
      `SELECT
         coalesce(sum(amount_fen) FILTER (WHERE kind = 'received' AND day BETWEEN $1 AND $2), 0) AS received,
         coalesce(sum(amount_fen) FILTER (WHERE kind = 'paid' AND day BETWEEN $1 AND $2), 0) AS paid,
         coalesce(sum(amount_fen) FILTER (WHERE kind = 'written_off' AND day BETWEEN $1 AND $2), 0) AS written_off,
         coalesce(sum(CASE WHEN kind = 'owed' THEN amount_fen WHEN kind IN ('received', 'written_off') THEN -amount_fen ELSE 0 END) FILTER (WHERE day <= $2), 0) AS outstanding
       FROM recovery_movements`,
      [from, to],
    );
    const values = { wages_recovered: row.received, paid_to_workers: row.paid, written_off: row.written_off, outstanding_at_end: row.outstanding };
    return {
      from,
      to,
      figures: (Object.keys(RECOVERY_FIGURES) as (keyof typeof RECOVERY_FIGURES)[]).map((name) => ({
        name,
        label: RECOVERY_FIGURES[name].label[lang],
        valueFen: Number(values[name]),
        definition: RECOVERY_FIGURES[name].definition[lang],
      })),
    };
  }
}
