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

type Reservations = Aggregate<IdentityReservation, IdentityReservationCommand, IdentityReservationEvent>;

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
    const reservations = reservationsOf(kind, normalized);
    const reserve = () => this.commands.execute(reservations, { type: 'ReserveIdentity', data: { kind, holderId } }, meta);
    try {
      await reserve();
    } catch (error) {
      if (!(error instanceof DomainError) || !(await this.releaseIfAbandoned(kind, reservations, meta))) throw error;
      await reserve();
    }
  }

  /**
   * Gives the number back after the registration it was reserved for failed, unless that
   * registration was in fact recorded (the error came after the commit).
   */
  async release(kind: IdentityKind, normalized: string, holderId: string, reason: string, meta: CommandMeta): Promise<void> {
    if ((await this.store.readStream(HOLDER_STREAM[kind](holderId))).length > 0) return;
    await this.commands.execute(reservationsOf(kind, normalized), { type: 'ReleaseIdentity', data: { kind, holderId, reason } }, meta);
  }

  private async releaseIfAbandoned(kind: IdentityKind, reservations: Reservations, meta: CommandMeta): Promise<boolean> {
    const stream = reservations.streamOf({ type: 'ReserveIdentity', data: { kind, holderId: '' } });
    const held = foldEvents(identityReservationDecider, await this.store.readStream(stream));
    if (!held || this.clock.now().getTime() - Date.parse(held.reservedAt) < ABANDONED_AFTER_MS) return false;
    if ((await this.store.readStream(HOLDER_STREAM[kind](held.holderId))).length > 0) return false;
    const reason = 'abandoned: the registration it was reserved for never happened';
    await this.commands.execute(reservations, { type: 'ReleaseIdentity', data: { kind, holderId: held.holderId, reason } }, meta);
    return true;
  }
}

/** The reservation stream of one number: named by its digest, never by the number. */
function reservationsOf(kind: IdentityKind, normalized: string): Reservations {
  const stream = identityReservationStreamName(kind, createHash('sha256').update(normalized).digest('hex'));
  return { decider: identityReservationDecider, streamOf: () => stream };
}
