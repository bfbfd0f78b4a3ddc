import { audited, type AuditedAggregate } from './audited-aggregate.js';
import { auditedDisputeCase } from './dispute-case.audited.js';

/**
 * Every aggregate an auditor can replay as of a moment, by its path segment. Wage recoveries
 * (`recoveries`) and aid funds (`funds`) join with one line each once their deciders are in
 * libs/domain: their entry names the stream, the decider and the money invariants.
 */
export const AUDITED_AGGREGATES: ReadonlyMap<string, AuditedAggregate<unknown>> = new Map(
  [audited(auditedDisputeCase)].map((a) => [a.kind, a]),
);
