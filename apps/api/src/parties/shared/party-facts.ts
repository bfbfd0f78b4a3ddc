import { Inject, Injectable } from '@nestjs/common';
import { employerDecider, employerStreamName, foldEvents, workerDecider, workerStreamName, type RegisteredParties } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { mapConcurrently } from '../../shared/map-concurrently.js';

/** Streams read at once for a group case's list: more only queue on the pool. */
const READS_AT_ONCE = 8;

/**
 * What a command naming workers or employers needs to know of them, read from their own
 * streams in the event store (never from a read model, which may lag behind a registration a
 * moment ago), as the aid household route reads its worker. The deciders refuse what this does
 * not find: a caller that skips it has every named worker and employer refused.
 */
@Injectable()
export class PartyFacts {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  private async workerAsNamed(workerId: string): Promise<RegisteredParties['workers'][string] | null> {
    const history = await this.store.readStream(workerStreamName(workerId));
    const worker = foldEvents(workerDecider, history);
    if (!worker) return null;
    const registeredBy = history.find((e) => e.type === 'WorkerRegistered')?.metadata?.actor?.staffId;
    return { name: worker.name, idNumber: worker.idNumber, ...(typeof registeredBy === 'string' ? { registeredBy } : {}) };
  }

  async employer(employerId: string): Promise<{ employerId: string } | null> {
    const employer = foldEvents(employerDecider, await this.store.readStream(employerStreamName(employerId.toLowerCase())));
    return employer && { employerId: employer.employerId };
  }

  /**
   * The registered ones among the workers and the employer a case (or its new claimants) names:
   * each worker's name, resident ID number (for the decider to compare with the one the claimant's
   * form gives, as proof of knowing the worker; it goes no further than that comparison) and the
   * staff member who registered the worker (the registration event's actor).
   */
  async registered(claimants: readonly { workerId?: string | null }[], employerId?: string | null): Promise<RegisteredParties> {
    const ids = [...new Set(claimants.flatMap((c) => (c.workerId ? [c.workerId.toLowerCase()] : [])))];
    const found = await mapConcurrently(ids, READS_AT_ONCE, (id) => this.workerAsNamed(id));
    const workers: Record<string, RegisteredParties['workers'][string]> = {};
    ids.forEach((id, i) => {
      const worker = found[i];
      if (worker) workers[id] = worker;
    });
    const employer = employerId ? await this.employer(employerId) : null;
    return { workers, employers: employer ? [employer.employerId.toLowerCase()] : [] };
  }
}
