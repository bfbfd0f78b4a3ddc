import { ROLES } from '../shared/messages.js';
import type { Command } from '../shared/command.js';
import type { CommandContext, Decider, Role } from '../shared/messages.js';
import { staffRosterRules as broken } from './staff-roster.errors.js';
import {
  activeAdministrators,
  evolve,
  findByUsername,
  findStaff,
  initialState,
  type StaffAccount,
  type StaffRoster,
  type StaffRosterEvent,
} from './staff-roster.events.js';


export type CreateStaffAccount = Command<
  'CreateStaffAccount',
  { staffId: string; username: string; displayName: string; roles: Role[] }
>;
export type GrantRole = Command<'GrantRole', { staffId: string; role: Role }>;
export type RevokeRole = Command<'RevokeRole', { staffId: string; role: Role }>;
export type DisableStaffAccount = Command<'DisableStaffAccount', { staffId: string; reason?: string }>;
export type EnableStaffAccount = Command<'EnableStaffAccount', { staffId: string }>;
/** Carries no password: the application stores the new credential, the log records that it changed. */
export type ChangePassword = Command<'ChangePassword', { staffId: string }>;
/** Logging out: `sessionId` names the login whose tokens must stop working. */
export type SignOut = Command<'SignOut', { staffId: string; sessionId: string }>;

export type StaffRosterCommand =
  | CreateStaffAccount
  | GrantRole
  | RevokeRole
  | DisableStaffAccount
  | EnableStaffAccount
  | ChangePassword
  | SignOut;

const USERNAME = /^[a-z0-9._-]{3,32}$/;

export function createStaffAccount({ data, ctx }: CreateStaffAccount, state: StaffRoster): StaffRosterEvent[] {
  requireAdministrator(ctx, state);
  if (findStaff(state, data.staffId)) broken.staffAlreadyExists(data.staffId);
  const username = data.username.trim().toLowerCase();
  if (!USERNAME.test(username)) broken.usernameInvalid(data.username);
  if (findByUsername(state, username)) broken.usernameTaken(username);
  const displayName = data.displayName.trim();
  if (!displayName) broken.displayNameRequired();
  data.roles.forEach(requireKnownRole);
  if (data.roles.length === 0) broken.rolesRequired();
  // One order for roles, whatever order the form sent them in.
  const roles = ROLES.filter((r) => data.roles.includes(r));
  const createdBy = ctx.actor.role === 'system' ? {} : { createdBy: ctx.actor.staffId };
  return [{ type: 'StaffAccountCreated', data: { staffId: data.staffId, username, displayName, roles, ...createdBy } }];
}

export function grantRole({ data, ctx }: GrantRole, state: StaffRoster): StaffRosterEvent[] {
  requireAdministrator(ctx, state);
  const account = requireAccount(state, data.staffId);
  requireKnownRole(data.role);
  if (account.roles.includes(data.role)) return [];
  if (!account.active) broken.accountDisabled(account.staffId);
  return [{ type: 'RoleGranted', data: { staffId: account.staffId, role: data.role } }];
}

export function revokeRole({ data, ctx }: RevokeRole, state: StaffRoster): StaffRosterEvent[] {
  requireAdministrator(ctx, state);
  const account = requireAccount(state, data.staffId);
  requireKnownRole(data.role);
  if (!account.roles.includes(data.role)) broken.roleNotHeld(account.staffId, data.role);
  if (data.role === 'administrator' && isLastActiveAdministrator(state, account)) broken.lastAdministrator(account.staffId);
  if (account.roles.length === 1) broken.lastRole(account.staffId, data.role);
  return [{ type: 'RoleRevoked', data: { staffId: account.staffId, role: data.role } }];
}

export function disableStaffAccount({ data, ctx }: DisableStaffAccount, state: StaffRoster): StaffRosterEvent[] {
  requireAdministrator(ctx, state);
  const account = requireAccount(state, data.staffId);
  if (!account.active) broken.accountAlreadyDisabled(account.staffId);
  if (isLastActiveAdministrator(state, account)) broken.lastAdministrator(account.staffId);
  const reason = data.reason?.trim();
  return [{ type: 'StaffAccountDisabled', data: { staffId: account.staffId, ...(reason ? { reason } : {}) } }];
}

export function enableStaffAccount({ data, ctx }: EnableStaffAccount, state: StaffRoster): StaffRosterEvent[] {
  requireAdministrator(ctx, state);
  const account = requireAccount(state, data.staffId);
  if (account.active) broken.accountAlreadyActive(account.staffId);
  return [{ type: 'StaffAccountEnabled', data: { staffId: account.staffId } }];
}

/**
 * A staff member changes their own password; an administrator (or the system) resets anyone's,
 * including a disabled account's, so that a compromised account is never re-enabled with its old
 * password still valid.
 */
export function changePassword({ data, ctx }: ChangePassword, state: StaffRoster): StaffRosterEvent[] {
  const account = requireAccount(state, data.staffId);
  const own = ctx.actor.role !== 'system' && ctx.actor.staffId === account.staffId;
  if (!isAdministrator(ctx, state)) {
    if (!own) broken.notOwnAccount(account.staffId);
    if (!account.active) broken.accountDisabled(account.staffId);
  }
  return [
    {
      type: 'PasswordChanged',
      data: { staffId: account.staffId, passwordVersion: account.passwordVersion + 1, reset: !own },
    },
  ];
}

/**
 * Only the person themself (or the system) ends their session. A disabled account has no session
 * left to end: disabling already refused every token issued before it, and no new one is issued.
 */
export function signOut({ data, ctx }: SignOut, state: StaffRoster): StaffRosterEvent[] {
  const account = requireAccount(state, data.staffId);
  if (ctx.actor.role !== 'system' && ctx.actor.staffId !== account.staffId) broken.notOwnSession(account.staffId);
  const sessionId = data.sessionId.trim();
  if (!sessionId) broken.sessionIdRequired();
  if (!account.active) return [];
  return [{ type: 'StaffSignedOut', data: { staffId: account.staffId, sessionId } }];
}

export function decide(command: StaffRosterCommand, state: StaffRoster): StaffRosterEvent[] {
  switch (command.type) {
    case 'CreateStaffAccount':
      return createStaffAccount(command, state);
    case 'GrantRole':
      return grantRole(command, state);
    case 'RevokeRole':
      return revokeRole(command, state);
    case 'DisableStaffAccount':
      return disableStaffAccount(command, state);
    case 'EnableStaffAccount':
      return enableStaffAccount(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'SignOut':
      return signOut(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown staff roster command: ${JSON.stringify(unhandled)}`);
    }
  }
}

export const staffRosterDecider: Decider<StaffRoster, StaffRosterCommand, StaffRosterEvent> = {
  initialState,
  evolve,
  decide,
};

/**
 * The roster itself is the truth about who administers, not the role a session claims: an
 * administrator demoted or disabled a minute ago is refused here even if their token is older.
 */
function isAdministrator({ actor }: CommandContext, state: StaffRoster): boolean {
  if (actor.role === 'system') return true;
  if (actor.role !== 'administrator') return false;
  const account = findStaff(state, actor.staffId);
  return !!account && account.active && account.roles.includes('administrator');
}

function requireAdministrator(ctx: CommandContext, state: StaffRoster): void {
  if (!isAdministrator(ctx, state)) broken.administratorOnly();
}

function requireAccount(state: StaffRoster, staffId: string): StaffAccount {
  return findStaff(state, staffId) ?? broken.staffNotFound(staffId);
}

// Commands arrive from outside the type system (HTTP, CLI), so a role is checked at run time too.
function requireKnownRole(role: string): void {
  if (!(ROLES as readonly string[]).includes(role)) broken.roleUnknown(role);
}

function isLastActiveAdministrator(state: StaffRoster, account: StaffAccount): boolean {
  const admins = activeAdministrators(state);
  return admins.length === 1 && admins[0]!.staffId === account.staffId;
}
