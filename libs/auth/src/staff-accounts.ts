import { Inject, Injectable } from '@nestjs/common';
import {
  findStaff,
  rule,
  STAFF_ROSTER_STREAM,
  staffRosterDecider,
  type Actor,
  type Role,
  type StaffRoster,
  type StaffRosterCommand,
} from '#domain';
import { handleCommand, type CommandMetadata, type EventStore, type HandleResult } from '#event-store';
import { EVENT_STORE } from '#platform';
import { randomUUID } from 'node:crypto';
import { Credentials } from './credentials.js';
import { PasswordHasher } from './password-hasher.js';
import { checkPassword } from './password-policy.js';

export const SYSTEM_ACTOR: Actor = { staffId: 'system', role: 'system' };

export interface CommandTrace {
  correlationId: string;
  causationId: string;
  occurredAt: string;
}

export function systemTrace(): CommandTrace {
  const id = randomUUID();
  return { correlationId: id, causationId: id, occurredAt: new Date().toISOString() };
}

/**
 * Staff account changes: the roster's decider rules, the credentials table beside it.
 * The password goes into the credentials table only, as an argon2id hash.
 */
@Injectable()
export class StaffAccounts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly credentials: Credentials,
    private readonly hasher: PasswordHasher,
  ) {}

  private run(command: StaffRosterCommand, actor: Actor, trace: CommandTrace, expectedRevision?: bigint) {
    const metadata: CommandMetadata = { actor, ...trace };
    return handleCommand(this.store, staffRosterDecider, STAFF_ROSTER_STREAM, command, { metadata, newEventId: randomUUID, expectedRevision });
  }

  async create(
    input: { username: string; displayName: string; password: string; roles: Role[] },
    actor: Actor,
    trace: CommandTrace,
  ): Promise<{ staffId: string } & HandleResult<unknown, unknown>> {
    checkPassword(input.password, [input.username, input.displayName]);
    const staffId = randomUUID();
    // The hash goes in first under a fresh id nobody can log in with until the account exists.
    await this.credentials.put(staffId, await this.hasher.hash(input.password), 0);
    try {
      const result = await this.run(
        { type: 'CreateStaffAccount', ctx: { actor, now: trace.occurredAt }, data: { staffId, username: input.username, displayName: input.displayName, roles: input.roles } },
        actor,
        trace,
      );
      return { staffId, ...result };
    } catch (error) {
      await this.credentials.remove(staffId);
      throw error;
    }
  }

  grantRole(staffId: string, role: Role, actor: Actor, trace: CommandTrace, expectedRevision?: bigint) {
    return this.run({ type: 'GrantRole', ctx: { actor, now: trace.occurredAt }, data: { staffId, role } }, actor, trace, expectedRevision);
  }

  revokeRole(staffId: string, role: Role, actor: Actor, trace: CommandTrace, expectedRevision?: bigint) {
    return this.run({ type: 'RevokeRole', ctx: { actor, now: trace.occurredAt }, data: { staffId, role } }, actor, trace, expectedRevision);
  }

  disable(staffId: string, reason: string | undefined, actor: Actor, trace: CommandTrace, expectedRevision?: bigint) {
    return this.run({ type: 'DisableStaffAccount', ctx: { actor, now: trace.occurredAt }, data: { staffId, reason } }, actor, trace, expectedRevision);
  }

  enable(staffId: string, actor: Actor, trace: CommandTrace, expectedRevision?: bigint) {
    return this.run({ type: 'EnableStaffAccount', ctx: { actor, now: trace.occurredAt }, data: { staffId } }, actor, trace, expectedRevision);
  }

  /** One's own password (the old one is checked), or an administrator's reset of anyone's. */
  async changePassword(staffId: string, newPassword: string, actor: Actor, trace: CommandTrace, oldPassword?: string) {
    checkPassword(newPassword);
    if (actor.staffId === staffId) {
      const current = await this.credentials.find(staffId);
      if (!current || oldPassword === undefined || !(await this.hasher.verify(current.hash, oldPassword))) {
        rule('OLD_PASSWORD_WRONG', 'The current password is not correct', '当前密码不正确');
      }
    }
    const result = await this.run({ type: 'ChangePassword', ctx: { actor, now: trace.occurredAt }, data: { staffId } }, actor, trace);
    const account = findStaff(result.state as StaffRoster, staffId);
    await this.credentials.put(staffId, await this.hasher.hash(newPassword), account?.passwordVersion ?? 0);
    return result;
  }
}
