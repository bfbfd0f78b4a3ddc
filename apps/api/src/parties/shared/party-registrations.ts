import { Injectable } from '@nestjs/common';
import { commandAnswer, Commands, type Aggregate, type CommandAnswerBody, type CommandMeta } from '#commands';
import {
  employerDecider,
  employerStreamName,
  workerDecider,
  workerStreamName,
  type Command,
  type DomainEvent,
  type EmployerCommand,
  type EmployerEvent,
  type EmployerState,
  type IdentityKind,
  type Issued,
  type RegisterEmployer,
  type RegisterWorker,
  type WorkerCommand,
  type WorkerEvent,
  type WorkerState,
} from '#domain';
import { IdentityReservations } from './identity-reservations.js';
import { PartyFacts } from './party-facts.js';

/** A kind of party: its aggregate, the kind of number that identifies it, and where its registration carries that number. */
interface Party<S, C extends Command, E extends DomainEvent> {
  aggregate: Aggregate<S, C, E>;
  identity: IdentityKind;
  /** The number as the decider normalised it; none for a workshop without a credit code. */
  numberIn: (events: E[]) => string | undefined;
}

const workers: Party<WorkerState, WorkerCommand, WorkerEvent> = {
  aggregate: { decider: workerDecider, streamOf: (c) => workerStreamName(c.data.workerId) },
  identity: 'resident_id',
  numberIn: (events) => events.find((e) => e.type === 'WorkerRegistered')?.data.idNumber,
};

const employers: Party<EmployerState, EmployerCommand, EmployerEvent> = {
  aggregate: { decider: employerDecider, streamOf: (c) => employerStreamName(c.data.employerId) },
  identity: 'credit_code',
  numberIn: (events) => events.find((e) => e.type === 'EmployerRegistered')?.data.creditCode,
};

/**
 * Registering a worker and registering an employer are one algorithm: decide the registration,
 * reserve the identity number its event carries (normalised by the decider, so decided once),
 * append; if the append fails, give the number back. Nothing is half-done: the party is
 * registered holding its number, or not registered and the number free.
 */
@Injectable()
export class PartyRegistrations {
  constructor(
    private readonly commands: Commands,
    private readonly identities: IdentityReservations,
    private readonly facts: PartyFacts,
  ) {}

  async registerWorker(data: Omit<RegisterWorker['data'], 'workerId' | 'employer'>, meta: CommandMeta): Promise<CommandAnswerBody> {
    const workerId = meta.newId();
    // The employer named, as registered: the decider refuses one that is not (EMPLOYER_NOT_FOUND).
    const employer = data.employerId?.trim() ? await this.facts.employer(data.employerId.trim()) : null;
    return this.register(workers, workerId, { type: 'RegisterWorker', data: { ...data, workerId, employer } }, meta);
  }

  registerEmployer(data: Omit<RegisterEmployer['data'], 'employerId'>, meta: CommandMeta): Promise<CommandAnswerBody> {
    const employerId = meta.newId();
    return this.register(employers, employerId, { type: 'RegisterEmployer', data: { ...data, employerId } }, meta);
  }

  private async register<S, C extends Command, E extends DomainEvent>(
    party: Party<S, C, E>,
    partyId: string,
    command: Issued<C>,
    meta: CommandMeta,
  ): Promise<CommandAnswerBody> {
    // One sub-part for the reservation and its release, so that their event ids never collide.
    const identityMeta = meta.sub('identity');
    let reserved: string | undefined;
    const reserve = async (events: E[]) => {
      const number = party.numberIn(events);
      if (number === undefined) return;
      await this.identities.reserve(party.identity, number, partyId, identityMeta);
      reserved = number;
    };
    try {
      return commandAnswer(partyId, await this.commands.execute(party.aggregate, command, meta, { beforeAppend: reserve }));
    } catch (error) {
      if (reserved !== undefined) await this.identities.release(party.identity, reserved, partyId, 'the registration failed', identityMeta).catch(() => undefined);
      throw error;
    }
  }
}
