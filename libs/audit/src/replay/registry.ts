import { audited, type AuditedAggregate } from './audited-aggregate.js';
import { auditedAidFund } from './aid-fund.audited.js';
import { auditedDisputeCase } from './dispute-case.audited.js';
import { auditedRecovery } from './recovery.audited.js';

/**
 * Every aggregate an auditor can replay as of a moment, by its path segment: one line each.
 */
export const AUDITED_AGGREGATES: ReadonlyMap<string, AuditedAggregate<unknown>> = new Map(
  [audited(auditedDisputeCase), audited(auditedRecovery), audited(auditedAidFund)].map((a) => [a.kind, a]),
);
