import { aidFundDecider, aidFundStreamName, availableFen, balanceFen, formatYuan, PersistentMap, type AidFund, type AidFundState, type Disbursement, type IncomeEntry } from '#domain';
import type { AuditedAggregate } from './audited-aggregate.js';

const yuan = (fen: number) => ({ zh: formatYuan(fen, 'zh'), en: formatYuan(fen, 'en') });

/** An aid fund (`/api/audit/funds/:fundId`): never below zero, never more promised than it holds, at the moment asked for. */
export const auditedAidFund: AuditedAggregate<AidFundState> = {
  kind: 'funds',
  label: { zh: '帮扶资金', en: 'aid fund' },
  streamOf: aidFundStreamName,
  decider: aidFundDecider as unknown as AuditedAggregate<AidFundState>['decider'],
  invariants: [
    {
      code: 'FUND_NEVER_BELOW_ZERO',
      description: { zh: '余额（收入减更正减已支付）不为负', en: 'the balance (income less corrections less payments) is never below zero' },
      violation: (fund) => {
        if (!fund || balanceFen(fund) >= 0) return null;
        const b = yuan(balanceFen(fund));
        return { zh: `余额为 ${b.zh}`, en: `the balance is ${b.en}` };
      },
    },
    {
      code: 'FUND_NEVER_OVERCOMMITTED',
      description: { zh: '可用资金（余额减已批准未支付）不为负', en: 'available money (balance less approved and not yet paid) is never below zero' },
      violation: (fund) => {
        if (!fund || availableFen(fund) >= 0) return null;
        const a = yuan(availableFen(fund));
        return { zh: `可用资金为 ${a.zh}`, en: `available money is ${a.en}` };
      },
    },
  ],
  // The maps as their values in the order first set (their JSON), rebuilt under their own ids.
  codec: {
    encode: (fund) => fund,
    decode: (json) => {
      const fund = json as (Omit<AidFund, 'income' | 'disbursements'> & { income: IncomeEntry[]; disbursements: Disbursement[] }) | null;
      if (!fund) return null;
      return { ...fund, income: PersistentMap.of(fund.income, (e) => e.entryId), disbursements: PersistentMap.of(fund.disbursements, (d) => d.disbursementId) };
    },
  },
};
