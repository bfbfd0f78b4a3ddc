import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Commands, type Aggregate, type Clock, type CommandMeta } from '#commands';
import {
  DomainError,
  employerStreamName,
  foldEvents,
  identityReservationDecider,
  identityReservationStreamName,
  workerStreamName,
  type IdentityKind,
  type IdentityReservation,
  type IdentityReservationCommand,
  type IdentityReservationEvent,
} from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { createHash } from 'node:crypto';

/** A reservation whose party never appeared this long after is taken to be abandoned (a crash mid-way). */
const ABANDONED_AFTER_MS = 60_000;

const HOLDER_STREAM: Record<IdentityKind, (id: string) => string> = { resident_id: workerStreamName, credit_code: employerStreamName };

/** One number's reservation stream, and the aggregate that writes to it. */
interface NumberReservation {
  stream: string;
  aggregate: Aggregate<IdentityReservation, IdentityReservationCommand, IdentityReservationEvent>;
}

/**
 * One number, one party: reserves a resident ID number (or credit code) in a stream of its
 * own before the party's stream is written. The stream is named by the number's SHA-256, so
 * neither stream names nor logs carry the number.
 */
@Injectable()
export class IdentityReservations {
  constructor(
    private readonly commands: Commands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Throws WORKER_ALREADY_REGISTERED / EMPLOYER_ALREADY_REGISTERED (422) when another party holds it. */
  async reserve(kind: IdentityKind, normalized: string, holderId: string, meta: CommandMeta): Promise<void> {
    const number = reservationOf(kind, normalized);
    const reserve = () => this.commands.execute(number.aggregate, { type: 'ReserveIdentity', data: { kind, holderId } }, meta);
    try {
      await reserve();
    } catch (error) {
      if (!(error instanceof DomainError) || !(await this.releaseIfAbandoned(kind, number, meta))) throw error;
      await reserve();
    }
  }

  /**
   * Gives the number back after the registration it was reserved for failed, unless that
   * registration was in fact recorded (the error came after the commit).
   */
  async release(kind: IdentityKind, normalized: string, holderId: string, reason: string, meta: CommandMeta): Promise<void> {
    if ((await this.store.readStream(HOLDER_STREAM[kind](holderId))).length > 0) return;
    await this.commands.execute(reservationOf(kind, normalized).aggregate, { type: 'ReleaseIdentity', data: { kind, holderId, reason } }, meta);
  }

  private async releaseIfAbandoned(kind: IdentityKind, number: NumberReservation, meta: CommandMeta): Promise<boolean> {
    const held = foldEvents(identityReservationDecider, await this.store.readStream(number.stream));
    if (!held || this.clock.now().getTime() - Date.parse(held.reservedAt) < ABANDONED_AFTER_MS) return false;
    if ((await this.store.readStream(HOLDER_STREAM[kind](held.holderId))).length > 0) return false;
    const reason = 'abandoned: the registration it was reserved for never happened';
    await this.commands.execute(number.aggregate, { type: 'ReleaseIdentity', data: { kind, holderId: held.holderId, reason } }, meta);
    return true;
  }
}

/** The reservation stream of one number: named by its digest, never by the number. */
function reservationOf(kind: IdentityKind, normalized: string): NumberReservation {
  const stream = identityReservationStreamName(kind, createHash('sha256').update(normalized).digest('hex'));
  return { stream, aggregate: { decider: identityReservationDecider, streamOf: () => stream } };
}
