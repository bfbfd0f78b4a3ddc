import { randomUUID } from 'node:crypto';
import type { Position, RecordedEvent } from '#event-store';
import type { ProjectionFailure } from './failures.js';
import { decideSkip, SkipRefused, type SkipState } from './skips.js';

const KNOWN = ['dispute-cases', 'parties'];

function event(position: string, id = randomUUID()): RecordedEvent {
  return {
    id,
    type: 'DisputeCaseOpened',
    data: {},
    metadata: { actor: { staffId: 's', role: 'supervisor' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
    streamName: 'dispute-1',
    streamRevision: 0n,
    position: position as Position,
    recordedAt: new Date(),
    hash: '',
    prevHash: '',
  };
}

function failingOn(e: RecordedEvent | null): ProjectionFailure {
  return {
    projection: 'dispute-cases',
    event: e && { id: e.id, type: e.type, streamName: e.streamName, streamRevision: '0', position: e.position },
    error: e ? 'date/time field value out of range: "2026-02-30"' : 'connect ECONNREFUSED',
    since: '2026-03-02T01:00:00.000Z',
    lastAttemptAt: '2026-03-02T01:00:01.000Z',
    attempts: 3,
    nextAttemptAt: '2026-03-02T01:00:02.000Z',
    reportedBy: 'host:1',
  };
}

/** given(the projection's state).when(a skip is asked).then(the event passed over) | .thenRefuses(code, status, fields) */
function given(state: SkipState) {
  return {
    when(request: { projection?: string; eventId: string; reason?: string }) {
      const run = () => decideSkip(KNOWN, state, { projection: 'dispute-cases', reason: 'written by hand', ...request });
      return {
        then: (id: string) => expect(run()).toMatchObject({ id, position: state.next?.position }),
        thenRefuses(code: string, status: number, fields: string[]) {
          let refused: unknown;
          try {
            run();
          } catch (e) {
            refused = e;
          }
          expect(refused).toBeInstanceOf(SkipRefused);
          const e = refused as SkipRefused;
          expect([e.code, e.status, e.fields]).toEqual([code, status, fields]);
          expect(e.messages.zh).not.toBe(e.messages.en);
          return e;
        },
      };
    },
  };
}

describe('which event a projection may skip', () => {
  const poison = event('10:1');
  const stuck: SkipState = { checkpoint: '9:4' as Position, failure: failingOn(poison), next: poison };

  it('the event the failure on record names, while the checkpoint is right before it', () => {
    given(stuck).when({ eventId: poison.id }).then(poison.id);
    given(stuck).when({ eventId: poison.id.toUpperCase() }).then(poison.id);
  });

  it('no other event, naming the one it is stuck on', () => {
    const e = given(stuck).when({ eventId: randomUUID() }).thenRefuses('NOT_THE_STUCK_EVENT', 409, ['eventId']);
    expect(e.details).toEqual({ stuckOn: expect.objectContaining({ id: poison.id }) });
  });

  it('nothing while the projection is healthy, or failing on no event (the database away)', () => {
    given({ ...stuck, failure: null }).when({ eventId: poison.id }).thenRefuses('PROJECTION_NOT_STUCK', 409, ['eventId']);
    given({ ...stuck, failure: failingOn(null) }).when({ eventId: poison.id }).thenRefuses('PROJECTION_NOT_STUCK', 409, ['eventId']);
  });

  it('not while the checkpoint is not right before the event (the runner has events before it to commit, or is past it)', () => {
    given({ ...stuck, next: event('9:9') }).when({ eventId: poison.id }).thenRefuses('PROJECTION_NOT_AT_EVENT', 409, ['eventId']);
    given({ ...stuck, next: null }).when({ eventId: poison.id }).thenRefuses('PROJECTION_NOT_AT_EVENT', 409, ['eventId']);
  });

  it('not without a reason, nor for a projection there is not', () => {
    given(stuck).when({ eventId: poison.id, reason: ' \t\n' }).thenRefuses('SKIP_REASON_REQUIRED', 422, ['reason']);
    given(stuck).when({ eventId: poison.id, reason: 'x'.repeat(2001) }).thenRefuses('SKIP_REASON_TOO_LONG', 422, ['reason']);
    given(stuck).when({ eventId: poison.id, projection: 'no-such' }).thenRefuses('PROJECTION_UNKNOWN', 422, ['projection']);
  });
});
