import { randomUUID } from 'node:crypto';
import type { StaffRosterEvent } from '#domain';
import type { Projected } from '#projections';
import type { Position } from '#event-store';
import { beijingDate } from './local-date.js';
import { evolveStaffMember } from './staff.projection.js';

let revision = 0n;
function recorded<E extends StaffRosterEvent>(type: E['type'], data: E['data'], occurredAt = '2026-03-01T00:00:00.000Z'): Projected<StaffRosterEvent> {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: { staffId: 'admin', role: 'administrator' }, correlationId: 'c', causationId: 'c', occurredAt, schemaVersion: 1 },
    streamName: 'staff-roster',
    streamRevision: revision++,
    position: `1:${revision}` as Position,
    recordedAt: new Date(),
    hash: '',
    prevHash: '',
  } as Projected<StaffRosterEvent>;
}

describe('staff member rows (names for case lists)', () => {
  it('folds an account as the roster does: name and roles, disabled and back, a role revoked', () => {
    const events = [
      recorded('StaffAccountCreated', { staffId: 's1', username: 'li.na', displayName: '李娜', roles: ['mediator'] }),
      recorded('RoleGranted', { staffId: 's1', role: 'supervisor' }),
      recorded('StaffAccountDisabled', { staffId: 's1', reason: '调离' }),
      recorded('RoleRevoked', { staffId: 's1', role: 'mediator' }),
    ];
    const row = events.reduce(evolveStaffMember, null);
    expect(row).toMatchObject({ id: 's1', username: 'li.na', displayName: '李娜', roles: ['supervisor'], active: false, revision: String(events.at(-1)!.streamRevision) });
    const enabled = evolveStaffMember(row, recorded('StaffAccountEnabled', { staffId: 's1' }));
    expect(enabled?.active).toBe(true);
  });

  it('keeps the Beijing day someone became a mediator, while they stay one', () => {
    const created = evolveStaffMember(null, recorded('StaffAccountCreated', { staffId: 's3', username: 'zhao', displayName: '赵敏', roles: ['auditor'] }, '2026-01-05T02:00:00.000Z'));
    expect(created?.mediatorSince).toBeNull();
    // 23:30 UTC on 4 June is 5 June in Beijing.
    const granted = evolveStaffMember(created, recorded('RoleGranted', { staffId: 's3', role: 'mediator' }, '2026-06-04T23:30:00.000Z'));
    expect(granted?.mediatorSince).toBe('2026-06-05');
    const later = evolveStaffMember(granted, recorded('RoleGranted', { staffId: 's3', role: 'supervisor' }, '2026-09-01T02:00:00.000Z'));
    expect(later?.mediatorSince).toBe('2026-06-05');
    const revoked = evolveStaffMember(later, recorded('RoleRevoked', { staffId: 's3', role: 'mediator' }, '2026-10-01T02:00:00.000Z'));
    expect(revoked?.mediatorSince).toBeNull();
    expect(evolveStaffMember(revoked, recorded('RoleGranted', { staffId: 's3', role: 'mediator' }, '2026-11-20T02:00:00.000Z'))?.mediatorSince).toBe('2026-11-20');
  });

  it('changes nothing for an event it has already applied, or for an account it never saw created', () => {
    const created = recorded('StaffAccountCreated', { staffId: 's2', username: 'wang', displayName: '王强', roles: ['mediator'] });
    const row = evolveStaffMember(null, created);
    expect(evolveStaffMember(row, created)).toBe(row);
    expect(evolveStaffMember(null, recorded('RoleGranted', { staffId: 'nobody', role: 'mediator' }))).toBeNull();
  });
});

describe('the Beijing calendar day of a receipt', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-02-28T16:30:00.000Z', '2026-03-01'],
    // The ISO string of this instant starts "+010000-01-01": sliced, it became a date PostgreSQL refused.
    ['9999-12-31T23:00:00-12:00', '10000-01-01'],
  ])('%s is %s', (value, day) => {
    expect(beijingDate(value)).toBe(day);
  });

  it('throws for a value that is no date, so the projection names the event carrying it', () => {
    expect(() => beijingDate('soon')).toThrow('not a date: "soon"');
  });
});
