import { Injectable } from '@nestjs/common';
import { commandAnswer, Commands, type CommandAnswerBody, type CommandMeta } from '#commands';
import {
  employerDecider,
  employerStreamName,
  workerDecider,
  workerStreamName,
  type EmployerCommand,
  type EmployerEvent,
  type EmployerState,
  type IdentityKind,
  type RegisterEmployer,
  type RegisterWorker,
  type WorkerCommand,
  type WorkerEvent,
  type WorkerState,
} from '#domain';
import { IdentityReservations } from './identity-reservations.js';

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
  ) {}

  registerWorker(data: Omit<RegisterWorker['data'], 'workerId'>, meta: CommandMeta): Promise<CommandAnswerBody> {
    const workerId = meta.newId();
    return this.register<WorkerEvent>(
      'resident_id',
      workerId,
      meta,
      (beforeAppend) => this.commands.execute<WorkerState, WorkerCommand, WorkerEvent>(workers, { type: 'RegisterWorker', data: { ...data, workerId } }, meta, { beforeAppend }),
      (events) => (events[0]?.type === 'WorkerRegistered' ? events[0].data.idNumber : undefined),
    );
  }

  registerEmployer(data: Omit<RegisterEmployer['data'], 'employerId'>, meta: CommandMeta): Promise<CommandAnswerBody> {
    const employerId = meta.newId();
    return this.register<EmployerEvent>(
      'credit_code',
      employerId,
      meta,
      (beforeAppend) =>
        this.commands.execute<EmployerState, EmployerCommand, EmployerEvent>(employers, { type: 'RegisterEmployer', data: { ...data, employerId } }, meta, { beforeAppend }),
      (events) => events[0]?.data.creditCode,
    );
  }

  private async register<E>(
    kind: IdentityKind,
    holderId: string,
    meta: CommandMeta,
    execute: (beforeAppend: (events: E[]) => Promise<void>) => Promise<{ nextRevision: bigint; position: string | null }>,
    identityOf: (events: E[]) => string | undefined,
  ): Promise<CommandAnswerBody> {
    // One sub-part for the reservation and its release, so that their event ids never collide.
    const identityMeta = meta.sub('identity');
    let reserved: string | undefined;
    try {
      const result = await execute(async (events) => {
        const number = identityOf(events);
        if (number === undefined) return;
        await this.identities.reserve(kind, number, holderId, identityMeta);
        reserved = number;
      });
      return commandAnswer(holderId, result);
    } catch (error) {
      if (reserved !== undefined) await this.identities.release(kind, reserved, holderId, 'the registration failed', identityMeta).catch(() => undefined);
      throw error;
    }
  }
}

const workers = { decider: workerDecider, streamOf: (c: { data: { workerId: string } }) => workerStreamName(c.data.workerId) };
const employers = { decider: employerDecider, streamOf: (c: { data: { employerId: string } }) => employerStreamName(c.data.employerId) };
