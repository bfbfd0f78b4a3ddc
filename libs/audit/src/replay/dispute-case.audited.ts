import { disputeCaseDecider, disputeStreamName, type DisputeCaseState } from '#domain';
import type { AuditedAggregate, Invariant } from './audited-aggregate.js';

const fen = (n: number) => (n / 100).toFixed(2);
const isFen = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

const invariants: Invariant<DisputeCaseState>[] = [
  {
    code: 'AMOUNTS_ARE_WHOLE_FEN',
    description: { zh: '每项请求金额和协议金额都是非负整数分', en: 'every claimed and agreed amount is a non-negative whole number of fen' },
    violation: (s) => {
      if (!s) return null;
      for (const c of s.claimants) for (const claim of c.claims) if (!isFen(claim.amountFen)) return { zh: `申请人 ${c.claimantId} 的请求金额 ${claim.amountFen} 不是整数分`, en: `claimant ${c.claimantId}: claimed amount ${claim.amountFen} is not whole fen` };
      for (const a of s.agreements) for (const x of a.amounts) if (!isFen(x.amountFen)) return { zh: `协议 ${a.agreementId} 的金额 ${x.amountFen} 不是整数分`, en: `agreement ${a.agreementId}: amount ${x.amountFen} is not whole fen` };
      return null;
    },
  },
  {
    code: 'AGREEMENT_TOTAL_IS_SUM',
    description: { zh: '每一版协议的总额等于各申请人协议金额之和', en: 'every version of the agreement totals exactly its claimants’ amounts' },
    violation: (s) => {
      for (const a of s?.agreements ?? []) {
        const sum = a.amounts.reduce((t, x) => t + x.amountFen, 0);
        if (sum !== a.totalFen) return { zh: `协议 ${a.agreementId}：总额 ${fen(a.totalFen)} 元，各项之和 ${fen(sum)} 元`, en: `agreement ${a.agreementId}: total ${fen(a.totalFen)} yuan, its amounts add up to ${fen(sum)} yuan` };
      }
      return null;
    },
  },
  {
    code: 'AGREED_CLAIMANTS_ON_CASE',
    description: { zh: '协议只向本案申请人支付', en: 'an agreement pays only claimants of the case' },
    violation: (s) => {
      if (!s) return null;
      const on = new Set(s.claimants.map((c) => c.claimantId));
      for (const a of s.agreements) for (const x of a.amounts) if (!on.has(x.claimantId)) return { zh: `协议 ${a.agreementId} 向非本案申请人 ${x.claimantId} 支付`, en: `agreement ${a.agreementId} pays ${x.claimantId}, who is not a claimant of the case` };
      return null;
    },
  },
  {
    code: 'AMENDMENTS_FOLLOW_EACH_OTHER',
    description: { zh: '每次协议变更都替换当时生效的那一版', en: 'each amendment replaces the version in force at the time' },
    violation: (s) => {
      const versions = s?.agreements ?? [];
      for (let i = 1; i < versions.length; i++) {
        if (versions[i].amends?.agreementId !== versions[i - 1].agreementId) return { zh: `协议 ${versions[i].agreementId} 未替换上一版 ${versions[i - 1].agreementId}`, en: `agreement ${versions[i].agreementId} does not replace the previous version ${versions[i - 1].agreementId}` };
      }
      return null;
    },
  },
];

export const auditedDisputeCase: AuditedAggregate<DisputeCaseState> = {
  kind: 'disputes',
  label: { zh: '争议案件', en: 'dispute case' },
  streamOf: disputeStreamName,
  decider: disputeCaseDecider as unknown as AuditedAggregate<DisputeCaseState>['decider'],
  invariants,
};
