import { Injectable } from '@nestjs/common';
import { Commands, type Aggregate, type CommandMeta } from '#commands';
import {
  findStaff,
  rule,
  STAFF_ROSTER_STREAM,
  staffRosterDecider,
  type Issued,
  type Role,
  type StaffRoster,
  type StaffRosterCommand,
  type StaffRosterEvent,
} from '#domain';
import type { HandleResult } from '#event-store';
import { Credentials } from './credentials.js';
import { PasswordHasher } from './password-hasher.js';
import { checkPassword } from './password-policy.js';
import { StaffDirectory } from './staff-directory.js';

/** All staff accounts are one stream: usernames unique and the last administrator kept, atomically. */
export const staffRoster: Aggregate<StaffRoster, StaffRosterCommand, StaffRosterEvent> = {
  decider: staffRosterDecider,
  streamOf: () => STAFF_ROSTER_STREAM,
};

/**
 * Staff account changes: the roster's decider rules, the credentials table beside it.
 * The password goes into the credentials table only, as an argon2id hash.
 */
@Injectable()
export class StaffAccounts {
  constructor(
    private readonly commands: Commands,
    private readonly credentials: Credentials,
    private readonly hasher: PasswordHasher,
    private readonly directory: StaffDirectory,
  ) {}

  private run(command: Issued<StaffRosterCommand>, meta: CommandMeta): Promise<HandleResult<StaffRoster, StaffRosterEvent>> {
    return this.commands.execute(staffRoster, command, meta);
  }

  async create(
    input: { username: string; displayName: string; password: string; roles: Role[] },
    meta: CommandMeta,
  ): Promise<{ staffId: string } & HandleResult<StaffRoster, StaffRosterEvent>> {
    checkPassword(input.password, [input.username, input.displayName]);
    const staffId = meta.newId();
    // The hash goes in first under a fresh id nobody can log in with until the account exists.
    await this.credentials.put(staffId, await this.hasher.hash(input.password), 0);
    try {
      const result = await this.run(
        { type: 'CreateStaffAccount', data: { staffId, username: input.username, displayName: input.displayName, roles: input.roles } },
        meta,
      );
      return { staffId, ...result };
    } catch (error) {
      await this.credentials.remove(staffId);
      throw error;
    }
  }

  grantRole(staffId: string, role: Role, meta: CommandMeta) {
    return this.run({ type: 'GrantRole', data: { staffId, role } }, meta);
  }

  revokeRole(staffId: string, role: Role, meta: CommandMeta) {
    return this.run({ type: 'RevokeRole', data: { staffId, role } }, meta);
  }

  disable(staffId: string, reason: string | undefined, meta: CommandMeta) {
    return this.run({ type: 'DisableStaffAccount', data: { staffId, reason } }, meta);
  }

  enable(staffId: string, meta: CommandMeta) {
    return this.run({ type: 'EnableStaffAccount', data: { staffId } }, meta);
  }

  /** Logging out of one session (the refresh-token family `sessionId`): its access tokens stop working. */
  signOut(staffId: string, sessionId: string, meta: CommandMeta) {
    return this.run({ type: 'SignOut', data: { staffId, sessionId } }, meta);
  }

  /**
   * One's own password (the old one is checked), or an administrator's reset of anyone's. The
   * policy is the one at creation, with the account's own username and display name: a password
   * built from them is as guessable after a reset as it was at creation.
   */
  async changePassword(staffId: string, newPassword: string, meta: CommandMeta, oldPassword?: string) {
    checkPassword(newPassword, await this.relatedInputs(staffId));
    if (meta.actor.staffId === staffId) {
      const current = await this.credentials.find(staffId);
      if (!current || oldPassword === undefined || !(await this.hasher.verify(current.hash, oldPassword))) {
        rule('OLD_PASSWORD_WRONG', 'The current password is not correct', '当前密码不正确');
      }
    }
    const result = await this.run({ type: 'ChangePassword', data: { staffId } }, meta);
    const account = findStaff(result.state, staffId);
    await this.credentials.put(staffId, await this.hasher.hash(newPassword), account?.passwordVersion ?? 0);
    return result;
  }

  /** The username and display name a password must not be built from; none for an unknown account (the command then refuses it). */
  private async relatedInputs(staffId: string): Promise<string[]> {
    const account = findStaff(await this.directory.current(), staffId);
    return account ? [account.username, account.displayName] : [];
  }
}
