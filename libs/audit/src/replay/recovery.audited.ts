import { ledgerProblems, recoveryDecider, recoveryStreamName, type RecoveryState } from '#domain';
import type { AuditedAggregate } from './audited-aggregate.js';

/** A case's wage-recovery ledger (`/api/audit/recoveries/:caseId`): the decider's own balance check, re-run at the moment asked for. */
export const auditedRecovery: AuditedAggregate<RecoveryState> = {
  kind: 'recoveries',
  label: { zh: '追薪台账', en: 'wage recovery ledger' },
  streamOf: recoveryStreamName,
  decider: recoveryDecider as unknown as AuditedAggregate<RecoveryState>['decider'],
  invariants: [
    {
      code: 'RECOVERY_LEDGER_BALANCED',
      description: {
        zh: '台账平衡：每名职工 应得 = 已付 + 暂扣 + 已分配未付 + 未收回 + 核销，各项非负、不超分配支付；全案 收到 = 已付 + 暂扣 + 已分配未付，每笔收款全部分配',
        en: 'the ledger balances: for each worker owed = paid + held + allocated unpaid + outstanding + written off, no part negative, nobody paid above their allocation; for the case received = paid + held + allocated unpaid, every receipt fully allocated',
      },
      violation: (s) => {
        if (s.status === 'not_started') return null;
        const problems = ledgerProblems(s);
        return problems.length ? { zh: `不平衡：${problems.join('；')}`, en: `does not balance: ${problems.join('; ')}` } : null;
      },
    },
  ],
};
