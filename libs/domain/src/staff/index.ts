// Named re-exports: `evolve`, `decide` and `initialState` stay inside the folder (they are reachable
// through `staffRosterDecider`), so other aggregates' barrels can use the same names.
export {
  STAFF_ROSTER_STREAM,
  activeAdministrators,
  findByUsername,
  findStaff,
  type PasswordChanged,
  type RoleGranted,
  type RoleRevoked,
  type StaffAccount,
  type StaffAccountCreated,
  type StaffAccountDisabled,
  type StaffAccountEnabled,
  type StaffRoster,
  type StaffRosterEvent,
  type StaffSignedOut,
} from './staff-roster.events.js';
export {
  staffRosterDecider,
  type ChangePassword,
  type CreateStaffAccount,
  type DisableStaffAccount,
  type EnableStaffAccount,
  type GrantRole,
  type RevokeRole,
  type SignOut,
  type StaffRosterCommand,
} from './staff-roster.decide.js';
export { STAFF_ROSTER_ERROR_CODES, staffRosterRules, type StaffRosterErrorCode } from './staff-roster.errors.js';
export { describeStaffEvent } from './staff-roster.describe.js';
export { ROLE_LABELS, roleLabel, roleWithLabel } from './role-labels.js';
