import { deciderSpec } from '../shared/decider-spec.js';
import type { CommandContext } from '../shared/messages.js';
import {
  identityReservationDecider,
  identityReservationStreamName,
  type IdentityReserved,
  type ReleaseIdentity,
  type ReserveIdentity,
} from './identity-reservation.js';

const ctx: CommandContext = { actor: { staffId: 'staff-li', role: 'mediator' }, now: '2026-03-01T02:00:00.000Z' };
const spec = deciderSpec(identityReservationDecider);
const reserve = (holderId: string, kind: ReserveIdentity['data']['kind'] = 'resident_id'): ReserveIdentity => ({
  type: 'ReserveIdentity',
  ctx,
  data: { kind, holderId },
});
const release = (holderId: string): ReleaseIdentity => ({
  type: 'ReleaseIdentity',
  ctx,
  data: { kind: 'resident_id', holderId, reason: 'registration failed' },
});
const heldBy = (holderId: string): IdentityReserved => ({
  type: 'IdentityReserved',
  data: { kind: 'resident_id', holderId, reservedAt: ctx.now },
});

describe('identity reservation', () => {
  it('names the stream by kind and digest, never by the number', () => {
    expect(identityReservationStreamName('resident_id', 'ab12')).toBe('resident-id-ab12');
    expect(identityReservationStreamName('credit_code', 'ab12')).toBe('credit-code-ab12');
  });

  it('reserves a free number for the worker about to be registered', () => {
    spec.given([]).when(reserve('w-1')).then([heldBy('w-1')]);
  });

  it('refuses a number another worker holds, naming that worker, in Chinese and English', () => {
    const error = spec.given([heldBy('w-1')]).when(reserve('w-2')).thenThrows('WORKER_ALREADY_REGISTERED');
    expect(error.details).toEqual({ workerId: 'w-1' });
    expect(error.messages.zh).toContain('身份证号码');
    expect(error.messages.en).toContain('already registered');
  });

  it('refuses a credit code another employer holds', () => {
    const held: IdentityReserved = { type: 'IdentityReserved', data: { kind: 'credit_code', holderId: 'e-1', reservedAt: ctx.now } };
    const error = spec.given([held]).when(reserve('e-2', 'credit_code')).thenThrows('EMPLOYER_ALREADY_REGISTERED');
    expect(error.details).toEqual({ employerId: 'e-1' });
  });

  it('records nothing when the same holder reserves again (a retried request)', () => {
    spec.given([heldBy('w-1')]).when(reserve('w-1')).then([]);
  });

  it('releases a number only for its holder, so it can be reserved again', () => {
    spec.given([heldBy('w-1')]).when(release('w-2')).then([]);
    const released = spec.given([heldBy('w-1')]).when(release('w-1')).then([
      { type: 'IdentityReleased', data: { kind: 'resident_id', holderId: 'w-1', reason: 'registration failed' } },
    ]);
    spec.given([heldBy('w-1'), ...released]).when(reserve('w-2')).then([heldBy('w-2')]);
  });
});
