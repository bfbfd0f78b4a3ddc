import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  DomainError,
  employerStreamName,
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
import type { CommandCall } from '../../shared/command-runner.js';
import { RunDomainCommand } from '../../shared/run-domain-command.js';

/** A reservation whose party never appeared this long after is taken to be abandoned (a crash mid-way). */
const ABANDONED_AFTER_MS = 60_000;

const HOLDER_STREAM: Record<IdentityKind, (id: string) => string> = { resident_id: workerStreamName, credit_code: employerStreamName };

/**
 * One number, one party: reserves a resident ID number (or credit code) in a stream of its
 * own before the party's stream is written. The stream is named by the number's SHA-256, so
 * neither stream names nor logs carry the number.
 */
@Injectable()
export class IdentityReservations {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Throws WORKER_ALREADY_REGISTERED / EMPLOYER_ALREADY_REGISTERED (422) when another party holds it. */
  async reserve(kind: IdentityKind, normalized: string, holderId: string, call: CommandCall): Promise<void> {
    const stream = streamOf(kind, normalized);
    const reserve = () => this.send(stream, { type: 'ReserveIdentity', data: { kind, holderId }, ctx: ctxOf(call) }, call);
    try {
      await reserve();
    } catch (error) {
      if (!(error instanceof DomainError) || !(await this.releaseIfAbandoned(kind, stream, call))) throw error;
      await reserve();
    }
  }

  /**
   * Gives the number back after the registration it was reserved for failed, unless that
   * registration was in fact recorded (the error came after the commit).
   */
  async release(kind: IdentityKind, normalized: string, holderId: string, reason: string, call: CommandCall): Promise<void> {
    if ((await this.store.readStream(HOLDER_STREAM[kind](holderId))).length > 0) return;
    await this.send(streamOf(kind, normalized), { type: 'ReleaseIdentity', data: { kind, holderId, reason }, ctx: ctxOf(call) }, call);
  }

  private async releaseIfAbandoned(kind: IdentityKind, stream: string, call: CommandCall): Promise<boolean> {
    const history = await this.store.readStream(stream);
    const held = history.reduce<IdentityReservation>(
      (state, e) => identityReservationDecider.evolve(state, { type: e.type, data: e.data } as IdentityReservationEvent),
      null,
    );
    if (!held || Date.now() - Date.parse(held.reservedAt) < ABANDONED_AFTER_MS) return false;
    if ((await this.store.readStream(HOLDER_STREAM[kind](held.holderId))).length > 0) return false;
    const reason = 'abandoned: the registration it was reserved for never happened';
    await this.send(stream, { type: 'ReleaseIdentity', data: { kind, holderId: held.holderId, reason }, ctx: ctxOf(call) }, call);
    return true;
  }

  private send(stream: string, command: IdentityReservationCommand, call: CommandCall): Promise<unknown> {
    return this.commands.execute(new RunDomainCommand(identityReservationDecider, stream, command, call.actor, call.meta));
  }
}

function streamOf(kind: IdentityKind, normalized: string): string {
  return identityReservationStreamName(kind, createHash('sha256').update(normalized).digest('hex'));
}

function ctxOf(call: CommandCall) {
  return { actor: call.actor, now: call.meta.receivedAt };
}
