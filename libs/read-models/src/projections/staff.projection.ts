import { beijingDay, findStaff, staffRosterDecider, type StaffRosterEvent } from '#domain';
import { defineProjection, entityRows, type Projected } from '#projections';
import { StaffMemberRow } from '../entities/staff-member-row.entity.js';

type StaffEvent = Projected<StaffRosterEvent>;

/**
 * One staff member's row, folded by the roster's own evolve over a roster of that one account,
 * so names, roles and the active flag read here exactly as the domain sees them.
 */
export function evolveStaffMember(row: StaffMemberRow | null, e: StaffEvent): StaffMemberRow | null {
  if (row && BigInt(row.revision) >= e.streamRevision) return row; // already applied
  const staffId = e.data.staffId;
  const before = row ? { accounts: { [staffId]: { staffId, username: row.username, displayName: row.displayName, roles: row.roles as never, active: row.active, passwordVersion: 0 } } } : staffRosterDecider.initialState();
  const account = findStaff(staffRosterDecider.evolve(before, { type: e.type, data: e.data } as StaffRosterEvent), staffId);
  if (!account) return row;
  // A mediator from the day the role came (with the account, or granted later), kept while it stays.
  const mediator = account.roles.includes('mediator');
  const mediatorSince = !mediator ? null : row?.roles.includes('mediator') ? row.mediatorSince : beijingDay(e.metadata.occurredAt);
  return { id: staffId, username: account.username, displayName: account.displayName, roles: [...account.roles], active: account.active, mediatorSince, revision: e.streamRevision.toString() };
}

/** Staff names, roles and whether active: case lists and pages name the mediator. Never credentials. */
export const staffProjection = defineProjection<StaffRosterEvent>({
  name: 'staff',
  handles: {
    StaffAccountCreated: true,
    RoleGranted: true,
    RoleRevoked: true,
    StaffAccountDisabled: true,
    StaffAccountEnabled: true,
    PasswordChanged: false,
    // A logout changes nothing a staff list shows.
    StaffSignedOut: false,
  },
  readModels: [{ table: 'staff_members', rowKey: (e) => e.data.staffId, evolve: evolveStaffMember, storage: entityRows(StaffMemberRow, 'id') }],
});
