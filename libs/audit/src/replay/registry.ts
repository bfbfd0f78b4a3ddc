import { audited, type AuditedAggregate } from './audited-aggregate.js';
import { auditedDisputeCase } from './dispute-case.audited.js';
import { auditedRecovery } from './recovery.audited.js';

/**
 * Every aggregate an auditor can replay as of a moment, by its path segment: one line each.
 * Aid funds (`funds`) join the same way once their decider is in libs/domain: an entry naming
 * the stream, the decider and the money invariants (a fund never below zero).
 */
export const AUDITED_AGGREGATES: ReadonlyMap<string, AuditedAggregate<unknown>> = new Map(
  [audited(auditedDisputeCase), audited(auditedRecovery)].map((a) => [a.kind, a]),
);
