import { Inject, Injectable } from '@nestjs/common';
import { uuidV5 } from '#commands';
import {
  beneficiaryFactsOn,
  beneficiaryRules,
  foldEvents,
  householdFileDecider,
  householdStreamName,
  modelWorkerDecider,
  modelWorkerStreamName,
  organisationDecider,
  organisationStreamName,
  studentDecider,
  studentStreamName,
  employerDecider,
  employerStreamName,
  workerDecider,
  workerStreamName,
  validateResidentId,
  type BeneficiaryFacts,
  type BeneficiaryRef,
  type BeneficiaryStates,
  type Decider,
  type DomainEvent,
  type HouseholdFileState,
  type IsoDay,
} from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';

/** A worker's household file and model-worker entry are one each: their ids derive from the worker's. */
export const householdIdOf = (workerId: string): string => uuidV5(`aid-household\n${workerId}`);
export const modelWorkerIdOf = (workerId: string): string => uuidV5(`aid-model-worker\n${workerId}`);

/**
 * What a programme's eligibility rule (and a care visit) needs to know of a beneficiary on a
 * day, read from the beneficiary's own stream(s) in the event store, never from a read model:
 * a file opened a moment ago counts at once, and the answer is the same on replay.
 */
@Injectable()
export class BeneficiaryFactsService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The facts on `day` (a Beijing calendar day), or null when there is no such file. */
  async factsOn(ref: BeneficiaryRef, day: IsoDay): Promise<BeneficiaryFacts | null> {
    // Streams are named by ids as the system made them (lower case); a client may send a UUID in capitals.
    const id = ref.id.toLowerCase();
    return beneficiaryFactsOn({ ...ref, id }, day, await this.statesOf({ ...ref, id }));
  }

  async household(householdId: string): Promise<HouseholdFileState> {
    return this.fold(householdFileDecider, householdStreamName(householdId));
  }

  /** The worker as registered for cases, or WORKER_NOT_FOUND (422): every file is for a known worker. */
  async worker(workerId: string): Promise<{ workerId: string; name: string }> {
    const { birthYear: _, ...worker } = await this.workerBorn(workerId);
    return worker;
  }

  /**
   * The worker as registered, with the year of birth from the resident ID number (null when the
   * number holds no readable birth date): the model workers' roll checks the year of the award by it.
   */
  async workerBorn(workerId: string): Promise<{ workerId: string; name: string; birthYear: number | null }> {
    const worker = await this.fold(workerDecider, workerStreamName(workerId.toLowerCase()));
    if (!worker) return beneficiaryRules.workerNotRegistered(workerId);
    const id = validateResidentId(worker.idNumber);
    return { workerId: worker.workerId, name: worker.name, birthYear: id.ok ? Number(id.normalized.slice(6, 10)) : null };
  }

  /** An employer named by an organisation must be registered (EMPLOYER_NOT_FOUND, 422). */
  async requireEmployer(employerId: string): Promise<string> {
    const id = employerId.toLowerCase();
    const employer = await this.fold(employerDecider, employerStreamName(id));
    return employer ? employer.employerId : beneficiaryRules.employerNotRegistered(employerId);
  }

  private async statesOf(ref: BeneficiaryRef): Promise<BeneficiaryStates> {
    switch (ref.kind) {
      case 'household':
        return { household: await this.household(ref.id) };
      case 'model_worker':
        return { modelWorker: await this.fold(modelWorkerDecider, modelWorkerStreamName(ref.id)) };
      case 'student': {
        const student = await this.fold(studentDecider, studentStreamName(ref.id));
        return { student, household: student ? await this.household(student.householdId) : null };
      }
      case 'organisation':
        return { organisation: await this.fold(organisationDecider, organisationStreamName(ref.id)) };
      default:
        return {};
    }
  }

  private async fold<S, E extends DomainEvent>(decider: Pick<Decider<S, never, E>, 'evolve' | 'initialState'>, stream: string): Promise<S> {
    return foldEvents(decider, await this.store.readStream(stream));
  }
}
