import type { DomainEvent, Role } from '../shared/messages.js';

/**
 * Every staff account lives in this one stream. The federation has dozens of staff, so the stream
 * stays small, and appending with its expected revision makes the cross-account rules atomic:
 * usernames are unique, and the last active administrator is never disabled or demoted.
 */
export const STAFF_ROSTER_STREAM = 'staff-roster';

export type StaffAccountCreated = DomainEvent<
  'StaffAccountCreated',
  {
    staffId: string;
    /** Lower-case, 3-32 characters of [a-z0-9._-]. */
    username: string;
    /** Chinese text, stored as entered (trimmed). */
    displayName: string;
    roles: Role[];
    /** The administrator who created it; absent when the system bootstrapped it. */
    createdBy?: string;
  }
>;
export type RoleGranted = DomainEvent<'RoleGranted', { staffId: string; role: Role }>;
export type RoleRevoked = DomainEvent<'RoleRevoked', { staffId: string; role: Role }>;
export type StaffAccountDisabled = DomainEvent<'StaffAccountDisabled', { staffId: string; reason?: string }>;
export type StaffAccountEnabled = DomainEvent<'StaffAccountEnabled', { staffId: string }>;
/**
 * The password itself, and its hash, live in the credentials table, never in the log. The version
 * lets a session issued under an older password be refused.
 */
export type PasswordChanged = DomainEvent<
  'PasswordChanged',
  {
    staffId: string;
    passwordVersion: number;
    /** True when someone other than the account's owner (an administrator, the system) set it. */
    reset: boolean;
  }
>;

/**
 * A staff member logged out of one session (one login and the tokens refreshed from it): its
 * access tokens stop working at once, in every process, though they have not yet expired.
 */
export type StaffSignedOut = DomainEvent<'StaffSignedOut', { staffId: string; sessionId: string }>;

export type StaffRosterEvent =
  | StaffAccountCreated
  | RoleGranted
  | RoleRevoked
  | StaffAccountDisabled
  | StaffAccountEnabled
  | PasswordChanged
  | StaffSignedOut;

export interface StaffAccount {
  readonly staffId: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  /** 0 for the credential set at creation; each PasswordChanged adds one. */
  readonly passwordVersion: number;
}

export interface StaffRoster {
  /** staffId -> account. A plain record (not a Map) so the state serialises as a snapshot. */
  readonly accounts: Readonly<Record<string, StaffAccount>>;
}

export const initialState = (): StaffRoster => ({ accounts: {} });

/** Own properties only, so a staffId such as "constructor" is never mistaken for an account. */
export function findStaff(state: StaffRoster, staffId: string): StaffAccount | undefined {
  return Object.hasOwn(state.accounts, staffId) ? state.accounts[staffId] : undefined;
}

/** Usernames are stored lower-case and compared without regard to case. */
export function findByUsername(state: StaffRoster, username: string): StaffAccount | undefined {
  const wanted = username.trim().toLowerCase();
  return Object.values(state.accounts).find((a) => a.username === wanted);
}

export function activeAdministrators(state: StaffRoster): StaffAccount[] {
  return Object.values(state.accounts).filter((a) => a.active && a.roles.includes('administrator'));
}

export function evolve(state: StaffRoster, event: StaffRosterEvent): StaffRoster {
  switch (event.type) {
    case 'StaffAccountCreated': {
      const { staffId, username, displayName, roles } = event.data;
      return put(state, { staffId, username, displayName, roles: [...roles], active: true, passwordVersion: 0 });
    }
    case 'RoleGranted':
      return update(state, event.data.staffId, (a) =>
        a.roles.includes(event.data.role) ? a : { ...a, roles: [...a.roles, event.data.role] },
      );
    case 'RoleRevoked':
      return update(state, event.data.staffId, (a) => ({ ...a, roles: a.roles.filter((r) => r !== event.data.role) }));
    case 'StaffAccountDisabled':
      return update(state, event.data.staffId, (a) => ({ ...a, active: false }));
    case 'StaffAccountEnabled':
      return update(state, event.data.staffId, (a) => ({ ...a, active: true }));
    case 'PasswordChanged':
      return update(state, event.data.staffId, (a) => ({ ...a, passwordVersion: event.data.passwordVersion }));
    case 'StaffSignedOut':
      // The account stands as it was; which sessions ended is kept where tokens are checked, only
      // as long as a token of that session could still be unexpired (so the roster stays small).
      return state;
    default:
      // An event type from a newer version is ignored, but the compiler flags one added here and not folded.
      void (event satisfies never);
      return state;
  }
}

function put(state: StaffRoster, account: StaffAccount): StaffRoster {
  return { accounts: { ...state.accounts, [account.staffId]: account } };
}

function update(state: StaffRoster, staffId: string, change: (a: StaffAccount) => StaffAccount): StaffRoster {
  const account = findStaff(state, staffId);
  return account ? put(state, change(account)) : state;
}
