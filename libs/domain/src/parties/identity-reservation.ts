import type { Command } from '../shared/command.js';
import type { Decider, DomainEvent } from '../shared/messages.js';
import { partyRules as broken } from './party.errors.js';

/**
 * One resident ID number belongs to one worker, one credit code to one employer. A worker's
 * stream cannot see the others, so each number gets a small stream of its own, named by a
 * digest of the normalised number (never the number itself: stream names end up in logs).
 * The application reserves the number here first and only then registers the party; two
 * registrations of one number race on this stream's expected revision and the second loses.
 */
export type IdentityKind = 'resident_id' | 'credit_code';

const STREAM_PREFIX: Record<IdentityKind, string> = { resident_id: 'resident-id', credit_code: 'credit-code' };

/** `digest` is the hex SHA-256 of the normalised number, computed by the caller (no crypto here). */
export const identityReservationStreamName = (kind: IdentityKind, digest: string): string => `${STREAM_PREFIX[kind]}-${digest}`;


export type ReserveIdentity = Command<'ReserveIdentity', { kind: IdentityKind; holderId: string }>;
/**
 * Gives the number back when the registration it was reserved for never happened (the
 * registration failed, or was abandoned half-way): only the holder named can be released.
 */
export type ReleaseIdentity = Command<'ReleaseIdentity', { kind: IdentityKind; holderId: string; reason: string }>;
export type IdentityReservationCommand = ReserveIdentity | ReleaseIdentity;

export type IdentityReserved = DomainEvent<'IdentityReserved', { kind: IdentityKind; holderId: string; reservedAt: string }>;
export type IdentityReleased = DomainEvent<'IdentityReleased', { kind: IdentityKind; holderId: string; reason: string }>;
export type IdentityReservationEvent = IdentityReserved | IdentityReleased;

/** Who holds the number now, and since when; null when nobody does. */
export type IdentityReservation = { readonly holderId: string; readonly reservedAt: string } | null;

function evolve(state: IdentityReservation, event: IdentityReservationEvent): IdentityReservation {
  switch (event.type) {
    case 'IdentityReserved':
      return { holderId: event.data.holderId, reservedAt: event.data.reservedAt };
    case 'IdentityReleased':
      return state?.holderId === event.data.holderId ? null : state;
    default:
      void (event satisfies never);
      return state;
  }
}

function reserve({ data, ctx }: ReserveIdentity, state: IdentityReservation): IdentityReservationEvent[] {
  if (state?.holderId === data.holderId) return [];
  if (state) {
    return data.kind === 'resident_id'
      ? broken.residentIdAlreadyRegistered(state.holderId)
      : broken.creditCodeAlreadyRegistered(state.holderId);
  }
  return [{ type: 'IdentityReserved', data: { kind: data.kind, holderId: data.holderId, reservedAt: ctx.now } }];
}

function release({ data }: ReleaseIdentity, state: IdentityReservation): IdentityReservationEvent[] {
  if (state?.holderId !== data.holderId) return [];
  return [{ type: 'IdentityReleased', data: { kind: data.kind, holderId: data.holderId, reason: data.reason } }];
}

function decide(command: IdentityReservationCommand, state: IdentityReservation): IdentityReservationEvent[] {
  switch (command.type) {
    case 'ReserveIdentity':
      return reserve(command, state);
    case 'ReleaseIdentity':
      return release(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown reservation command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const identityReservationDecider: Decider<IdentityReservation, IdentityReservationCommand, IdentityReservationEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
