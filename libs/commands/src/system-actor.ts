import type { Actor } from '#domain';
import { randomUUID } from 'node:crypto';
import { CommandMeta } from './command-meta.js';

/** The system itself, for what no staff member did: the CLI's first account, deadlines firing, signed checkpoints. */
export const SYSTEM_ACTOR: Actor = { staffId: 'system', role: 'system' };

/**
 * Metadata for a command the system issues. A job passes its id as `idempotencyKey` (a job run
 * twice then records once) and the event it reacts to as `causationId`.
 */
export function systemCommand(options: { correlationId?: string; causationId?: string; idempotencyKey?: string; occurredAt?: string } = {}): CommandMeta {
  const id = randomUUID();
  return new CommandMeta({
    actor: SYSTEM_ACTOR,
    correlationId: options.correlationId ?? id,
    causationId: options.causationId ?? id,
    occurredAt: options.occurredAt,
    idempotencyKey: options.idempotencyKey,
  });
}
