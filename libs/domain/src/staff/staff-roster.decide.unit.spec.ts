import { deciderSpec } from '../shared/decider-spec.js';
import { DomainError } from '../shared/domain-error.js';
import type { ActingRole, CommandContext, Role } from '../shared/messages.js';
import { describeStaffEvent } from './staff-roster.describe.js';
import { STAFF_ROSTER_ERROR_CODES, staffRosterRules } from './staff-roster.errors.js';
import { staffRosterDecider, type StaffRosterCommand } from './staff-roster.decide.js';
import {
  activeAdministrators,
  findByUsername,
  STAFF_ROSTER_STREAM,
  type StaffAccountCreated,
  type StaffRosterEvent,
} from './staff-roster.events.js';

const NOW = '2024-03-04T09:30:00.000+08:00';
const spec = deciderSpec(staffRosterDecider);

const by = (staffId: string, role: ActingRole = 'administrator'): CommandContext => ({ actor: { staffId, role }, now: NOW });
const bySystem = by('system', 'system');

// Builders: a staff member is created by the system unless a test says otherwise.
function aStaffMember(staffId: string, username: string, displayName: string, roles: Role[]): StaffAccountCreated {
  return { type: 'StaffAccountCreated', data: { staffId, username, displayName, roles } };
}
const anAdministrator = (staffId = 'wang', name = '王芳') => aStaffMember(staffId, staffId, name, ['administrator']);
const aMediator = (staffId = 'li', name = '李明') => aStaffMember(staffId, staffId, name, ['mediator']);
const disabled = (staffId: string, reason?: string): StaffRosterEvent => ({
  type: 'StaffAccountDisabled',
  data: { staffId, ...(reason ? { reason } : {}) },
});
const revoked = (staffId: string, role: Role): StaffRosterEvent => ({ type: 'RoleRevoked', data: { staffId, role } });
const granted = (staffId: string, role: Role): StaffRosterEvent => ({ type: 'RoleGranted', data: { staffId, role } });

const create = (
  data: Partial<{ staffId: string; username: string; displayName: string; roles: Role[] }> = {},
  ctx: CommandContext = by('wang'),
): StaffRosterCommand => ({
  type: 'CreateStaffAccount',
  data: { staffId: 'zhao', username: 'zhao.lei', displayName: '赵磊', roles: ['mediator'], ...data },
  ctx,
});
const grant = (staffId: string, role: Role, ctx = by('wang')): StaffRosterCommand => ({ type: 'GrantRole', data: { staffId, role }, ctx });
const revoke = (staffId: string, role: Role, ctx = by('wang')): StaffRosterCommand => ({ type: 'RevokeRole', data: { staffId, role }, ctx });
const disable = (staffId: string, ctx = by('wang'), reason?: string): StaffRosterCommand => ({
  type: 'DisableStaffAccount',
  data: { staffId, ...(reason === undefined ? {} : { reason }) },
  ctx,
});
const enable = (staffId: string, ctx = by('wang')): StaffRosterCommand => ({ type: 'EnableStaffAccount', data: { staffId }, ctx });
const changePassword = (staffId: string, ctx: CommandContext): StaffRosterCommand => ({ type: 'ChangePassword', data: { staffId }, ctx });
const signOut = (staffId: string, sessionId: string, ctx: CommandContext): StaffRosterCommand => ({ type: 'SignOut', data: { staffId, sessionId }, ctx });
const signedOut = (staffId: string, sessionId: string): StaffRosterEvent => ({ type: 'StaffSignedOut', data: { staffId, sessionId } });

describe('staff roster', () => {
  it('lives in one stream', () => {
    expect(STAFF_ROSTER_STREAM).toBe('staff-roster');
  });

  describe('CreateStaffAccount', () => {
    it('lets the system create the first administrator on a fresh install', () => {
      spec
        .given([])
        .when(create({ staffId: 'wang', username: 'wang.fang', displayName: '王芳', roles: ['administrator'] }, bySystem))
        .then([
          { type: 'StaffAccountCreated', data: { staffId: 'wang', username: 'wang.fang', displayName: '王芳', roles: ['administrator'] } },
        ]);
    });

    it('records which administrator created the account', () => {
      spec
        .given([anAdministrator()])
        .when(create())
        .then([
          {
            type: 'StaffAccountCreated',
            data: { staffId: 'zhao', username: 'zhao.lei', displayName: '赵磊', roles: ['mediator'], createdBy: 'wang' },
          },
        ]);
    });

    it('lower-cases the username, trims the name, and lists each role once in a fixed order', () => {
      spec
        .given([anAdministrator()])
        .when(create({ username: '  Zhao.Lei ', displayName: ' 赵磊 ', roles: ['supervisor', 'mediator', 'supervisor'] }))
        .then([
          {
            type: 'StaffAccountCreated',
            data: { staffId: 'zhao', username: 'zhao.lei', displayName: '赵磊', roles: ['mediator', 'supervisor'], createdBy: 'wang' },
          },
        ]);
    });

    it('refuses anyone but an administrator: ADMINISTRATOR_ONLY', () => {
      spec.given([anAdministrator(), aMediator()]).when(create({}, by('li', 'mediator'))).thenThrows('ADMINISTRATOR_ONLY');
    });

    it('trusts the roster, not the role a session claims: a demoted administrator is refused', () => {
      spec
        .given([anAdministrator(), anAdministrator('chen', '陈静'), granted('chen', 'mediator'), revoked('chen', 'administrator')])
        .when(create({}, by('chen')))
        .thenThrows('ADMINISTRATOR_ONLY');
    });

    it('refuses a disabled administrator', () => {
      spec
        .given([anAdministrator(), anAdministrator('chen', '陈静'), disabled('chen')])
        .when(create({}, by('chen')))
        .thenThrows('ADMINISTRATOR_ONLY');
    });

    it('refuses a staff id already on the roster: STAFF_ALREADY_EXISTS', () => {
      spec.given([anAdministrator(), aMediator()]).when(create({ staffId: 'li', username: 'li2' })).thenThrows('STAFF_ALREADY_EXISTS');
    });

    it.each([
      ['too short', 'ab'],
      ['too long', 'a'.repeat(33)],
      ['Chinese characters', '王芳'],
      ['a space inside', 'zhao lei'],
      ['an @ sign', 'zhao@renhe'],
      ['empty', '   '],
    ])('refuses a username that is %s: USERNAME_INVALID', (_why, username) => {
      spec.given([anAdministrator()]).when(create({ username })).thenThrows('USERNAME_INVALID');
    });

    it.each(['zl_', 'z'.repeat(30) + '-1'])('accepts the username "%s" (3 and 32 characters)', (username) => {
      spec.given([anAdministrator()]).when(create({ username })).then([
        { type: 'StaffAccountCreated', data: { staffId: 'zhao', username, displayName: '赵磊', roles: ['mediator'], createdBy: 'wang' } },
      ]);
    });

    it('refuses a username already in use, whatever its case: USERNAME_TAKEN', () => {
      spec
        .given([anAdministrator(), aStaffMember('li', 'li.ming', '李明', ['mediator'])])
        .when(create({ username: 'Li.Ming' }))
        .thenThrows('USERNAME_TAKEN');
    });

    it('keeps a disabled account’s username reserved, so the audit trail never names two people', () => {
      spec
        .given([anAdministrator(), aStaffMember('li', 'li.ming', '李明', ['mediator']), disabled('li')])
        .when(create({ username: 'li.ming' }))
        .thenThrows('USERNAME_TAKEN');
    });

    it('refuses a blank name (full-width spaces too): DISPLAY_NAME_REQUIRED', () => {
      spec.given([anAdministrator()]).when(create({ displayName: ' \u3000 ' })).thenThrows('DISPLAY_NAME_REQUIRED');
    });

    it('refuses an account without roles: ROLES_REQUIRED', () => {
      spec.given([anAdministrator()]).when(create({ roles: [] })).thenThrows('ROLES_REQUIRED');
    });

    it.each(['janitor', 'system'])('refuses the role "%s": ROLE_UNKNOWN', (role) => {
      spec.given([anAdministrator()]).when(create({ roles: ['mediator', role as Role] })).thenThrows('ROLE_UNKNOWN');
    });
  });

  describe('GrantRole', () => {
    it('grants a role', () => {
      spec.given([anAdministrator(), aMediator()]).when(grant('li', 'supervisor')).then([granted('li', 'supervisor')]);
    });

    it('is idempotent: granting a role already held records nothing', () => {
      spec.given([anAdministrator(), aMediator()]).when(grant('li', 'mediator')).then([]);
    });

    it('lets the system grant (CLI bootstrap)', () => {
      spec.given([anAdministrator(), aMediator()]).when(grant('li', 'administrator', bySystem)).then([granted('li', 'administrator')]);
    });

    it('refuses a non-administrator: ADMINISTRATOR_ONLY', () => {
      spec.given([anAdministrator(), aMediator()]).when(grant('li', 'administrator', by('li', 'mediator'))).thenThrows('ADMINISTRATOR_ONLY');
    });

    it('refuses an unknown staff member: STAFF_NOT_FOUND', () => {
      spec.given([anAdministrator()]).when(grant('nobody', 'mediator')).thenThrows('STAFF_NOT_FOUND');
    });

    it('does not mistake a built-in object property for a staff member', () => {
      spec.given([anAdministrator()]).when(grant('constructor', 'mediator')).thenThrows('STAFF_NOT_FOUND');
    });

    it('refuses an unknown role: ROLE_UNKNOWN', () => {
      spec.given([anAdministrator(), aMediator()]).when(grant('li', 'janitor' as Role)).thenThrows('ROLE_UNKNOWN');
    });

    it('refuses to grant to a disabled account: ACCOUNT_DISABLED', () => {
      spec.given([anAdministrator(), aMediator(), disabled('li')]).when(grant('li', 'supervisor')).thenThrows('ACCOUNT_DISABLED');
    });
  });

  describe('RevokeRole', () => {
    const mediatorAndSupervisor = aStaffMember('li', 'li', '李明', ['mediator', 'supervisor']);

    it('revokes a role', () => {
      spec.given([anAdministrator(), mediatorAndSupervisor]).when(revoke('li', 'supervisor')).then([revoked('li', 'supervisor')]);
    });

    it('refuses a role the staff member does not hold: ROLE_NOT_HELD', () => {
      spec.given([anAdministrator(), aMediator()]).when(revoke('li', 'auditor')).thenThrows('ROLE_NOT_HELD');
    });

    it('refuses to take away the only role (disable the account instead): LAST_ROLE', () => {
      spec.given([anAdministrator(), aMediator()]).when(revoke('li', 'mediator')).thenThrows('LAST_ROLE');
    });

    it('refuses to demote the last active administrator: LAST_ADMINISTRATOR', () => {
      spec
        .given([anAdministrator(), granted('wang', 'supervisor')])
        .when(revoke('wang', 'administrator'))
        .thenThrows('LAST_ADMINISTRATOR');
    });

    it('does not count a disabled administrator as a remaining one', () => {
      spec
        .given([anAdministrator(), granted('wang', 'supervisor'), anAdministrator('chen', '陈静'), disabled('chen')])
        .when(revoke('wang', 'administrator', bySystem))
        .thenThrows('LAST_ADMINISTRATOR');
    });

    it('lets an administrator step down once another is active', () => {
      spec
        .given([anAdministrator(), granted('wang', 'supervisor'), anAdministrator('chen', '陈静')])
        .when(revoke('wang', 'administrator'))
        .then([revoked('wang', 'administrator')]);
    });

    it('revokes the administrator role from a disabled account even when one active administrator is left', () => {
      spec
        .given([anAdministrator(), anAdministrator('chen', '陈静'), granted('chen', 'auditor'), disabled('chen')])
        .when(revoke('chen', 'administrator'))
        .then([revoked('chen', 'administrator')]);
    });

    it('refuses a non-administrator: ADMINISTRATOR_ONLY', () => {
      spec.given([anAdministrator(), mediatorAndSupervisor]).when(revoke('li', 'supervisor', by('li', 'supervisor'))).thenThrows('ADMINISTRATOR_ONLY');
    });

    it('refuses an unknown staff member: STAFF_NOT_FOUND', () => {
      spec.given([anAdministrator()]).when(revoke('nobody', 'mediator')).thenThrows('STAFF_NOT_FOUND');
    });

    it('refuses an unknown role: ROLE_UNKNOWN', () => {
      spec.given([anAdministrator(), aMediator()]).when(revoke('li', 'janitor' as Role)).thenThrows('ROLE_UNKNOWN');
    });
  });

  describe('DisableStaffAccount', () => {
    it('disables an account, keeping the reason given', () => {
      spec
        .given([anAdministrator(), aMediator()])
        .when(disable('li', by('wang'), '  调离工会岗位 '))
        .then([disabled('li', '调离工会岗位')]);
    });

    it('leaves out a blank reason', () => {
      spec.given([anAdministrator(), aMediator()]).when(disable('li', by('wang'), '  ')).then([disabled('li')]);
    });

    it('refuses an account already disabled: ACCOUNT_ALREADY_DISABLED', () => {
      spec.given([anAdministrator(), aMediator(), disabled('li')]).when(disable('li')).thenThrows('ACCOUNT_ALREADY_DISABLED');
    });

    it('refuses to disable the last active administrator: LAST_ADMINISTRATOR', () => {
      spec.given([anAdministrator(), aMediator()]).when(disable('wang')).thenThrows('LAST_ADMINISTRATOR');
    });

    it('holds the last-administrator rule against the system too', () => {
      spec.given([anAdministrator(), aMediator()]).when(disable('wang', bySystem)).thenThrows('LAST_ADMINISTRATOR');
    });

    it('does not count an administrator who was demoted as a remaining one', () => {
      spec
        .given([anAdministrator(), anAdministrator('chen', '陈静'), granted('chen', 'auditor'), revoked('chen', 'administrator')])
        .when(disable('wang'))
        .thenThrows('LAST_ADMINISTRATOR');
    });

    it('disables an administrator once another is active', () => {
      spec.given([anAdministrator(), anAdministrator('chen', '陈静')]).when(disable('chen')).then([disabled('chen')]);
    });

    it('refuses a non-administrator: ADMINISTRATOR_ONLY', () => {
      spec.given([anAdministrator(), aMediator()]).when(disable('wang', by('li', 'mediator'))).thenThrows('ADMINISTRATOR_ONLY');
    });

    it('refuses an unknown staff member: STAFF_NOT_FOUND', () => {
      spec.given([anAdministrator()]).when(disable('nobody')).thenThrows('STAFF_NOT_FOUND');
    });
  });

  describe('EnableStaffAccount', () => {
    it('re-enables a disabled account', () => {
      spec
        .given([anAdministrator(), aMediator(), disabled('li')])
        .when(enable('li'))
        .then([{ type: 'StaffAccountEnabled', data: { staffId: 'li' } }]);
    });

    it('refuses an account already active: ACCOUNT_ALREADY_ACTIVE', () => {
      spec.given([anAdministrator(), aMediator()]).when(enable('li')).thenThrows('ACCOUNT_ALREADY_ACTIVE');
    });

    it('refuses a non-administrator: ADMINISTRATOR_ONLY', () => {
      spec
        .given([anAdministrator(), aMediator(), aMediator('zhou', '周强'), disabled('li')])
        .when(enable('li', by('zhou', 'mediator')))
        .thenThrows('ADMINISTRATOR_ONLY');
    });

    it('refuses an unknown staff member: STAFF_NOT_FOUND', () => {
      spec.given([anAdministrator()]).when(enable('nobody')).thenThrows('STAFF_NOT_FOUND');
    });
  });

  describe('ChangePassword', () => {
    const changed = (staffId: string, passwordVersion: number, reset: boolean): StaffRosterEvent => ({
      type: 'PasswordChanged',
      data: { staffId, passwordVersion, reset },
    });

    it('lets a staff member change their own password, bumping its version', () => {
      spec.given([anAdministrator(), aMediator()]).when(changePassword('li', by('li', 'mediator'))).then([changed('li', 1, false)]);
    });

    it('counts versions on from the last change', () => {
      spec
        .given([anAdministrator(), aMediator(), changed('li', 1, false), changed('li', 2, true)])
        .when(changePassword('li', by('li', 'mediator')))
        .then([changed('li', 3, false)]);
    });

    it('lets an administrator reset anyone’s password', () => {
      spec.given([anAdministrator(), aMediator()]).when(changePassword('li', by('wang'))).then([changed('li', 1, true)]);
    });

    it('lets an administrator reset a disabled account’s password before it is enabled again', () => {
      spec.given([anAdministrator(), aMediator(), disabled('li')]).when(changePassword('li', by('wang'))).then([changed('li', 1, true)]);
    });

    it('lets the system reset a password (CLI recovery)', () => {
      spec.given([anAdministrator()]).when(changePassword('wang', bySystem)).then([changed('wang', 1, true)]);
    });

    it('never puts a password or hash in the event', () => {
      const [event] = spec.given([anAdministrator(), aMediator()]).when(changePassword('li', by('li', 'mediator'))).then([changed('li', 1, false)]);
      expect(Object.keys(event!.data).sort()).toEqual(['passwordVersion', 'reset', 'staffId']);
    });

    it('refuses to change someone else’s password: NOT_OWN_ACCOUNT', () => {
      spec
        .given([anAdministrator(), aMediator(), aMediator('zhou', '周强')])
        .when(changePassword('li', by('zhou', 'mediator')))
        .thenThrows('NOT_OWN_ACCOUNT');
    });

    it('refuses a disabled staff member changing their own: ACCOUNT_DISABLED', () => {
      spec.given([anAdministrator(), aMediator(), disabled('li')]).when(changePassword('li', by('li', 'mediator'))).thenThrows('ACCOUNT_DISABLED');
    });

    it('refuses an unknown staff member: STAFF_NOT_FOUND', () => {
      spec.given([anAdministrator()]).when(changePassword('nobody', by('wang'))).thenThrows('STAFF_NOT_FOUND');
    });
  });

  describe('SignOut', () => {
    it('records that a staff member logged out of one session', () => {
      spec.given([anAdministrator(), aMediator()]).when(signOut('li', 'session-1', by('li', 'mediator'))).then([signedOut('li', 'session-1')]);
    });

    it('records each session on its own, and changes nothing else about the account', () => {
      const before = spec.given([anAdministrator(), aMediator()]).state;
      const after = spec.given([anAdministrator(), aMediator(), signedOut('li', 'session-1')]);
      expect(after.state).toEqual(before);
      after.when(signOut('li', 'session-2', by('li', 'mediator'))).then([signedOut('li', 'session-2')]);
    });

    it('lets the system end a session', () => {
      spec.given([anAdministrator(), aMediator()]).when(signOut('li', 'session-1', bySystem)).then([signedOut('li', 'session-1')]);
    });

    it('records nothing for a disabled account: disabling already ended every token it had', () => {
      spec.given([anAdministrator(), aMediator(), disabled('li')]).when(signOut('li', 'session-1', by('li', 'mediator'))).then([]);
    });

    it('refuses to end someone else’s session, even for an administrator: NOT_OWN_SESSION', () => {
      spec.given([anAdministrator(), aMediator()]).when(signOut('li', 'session-1', by('wang'))).thenThrows('NOT_OWN_SESSION');
    });

    it('refuses a blank session id: SESSION_ID_REQUIRED', () => {
      spec.given([anAdministrator(), aMediator()]).when(signOut('li', '  ', by('li', 'mediator'))).thenThrows('SESSION_ID_REQUIRED');
    });

    it('refuses an unknown staff member: STAFF_NOT_FOUND', () => {
      spec.given([anAdministrator()]).when(signOut('nobody', 'session-1', bySystem)).thenThrows('STAFF_NOT_FOUND');
    });
  });

  describe('the roster', () => {
    it('folds every account into its current roles, status and password version', () => {
      const { state } = spec.given([
        anAdministrator(),
        aMediator(),
        granted('li', 'supervisor'),
        revoked('li', 'mediator'),
        disabled('li', '离职'),
        { type: 'StaffAccountEnabled', data: { staffId: 'li' } },
        { type: 'PasswordChanged', data: { staffId: 'li', passwordVersion: 1, reset: true } },
      ]);
      expect(state.accounts['li']).toEqual({
        staffId: 'li',
        username: 'li',
        displayName: '李明',
        roles: ['supervisor'],
        active: true,
        passwordVersion: 1,
      });
    });

    it('lists the active administrators', () => {
      const { state } = spec.given([anAdministrator(), anAdministrator('chen', '陈静'), anAdministrator('he', '何勇'), disabled('he'), aMediator()]);
      expect(activeAdministrators(state).map((a) => a.staffId)).toEqual(['wang', 'chen']);
    });

    it('finds an account by username whatever its case', () => {
      const { state } = spec.given([anAdministrator(), aStaffMember('li', 'li.ming', '李明', ['mediator'])]);
      expect(findByUsername(state, ' LI.Ming ')?.staffId).toBe('li');
      expect(findByUsername(state, 'li.ming2')).toBeUndefined();
    });
  });

  describe('describeStaffEvent', () => {
    const roster = spec.given([anAdministrator(), aMediator()]).state;

    it.each<[StaffRosterEvent, string, string]>([
      [
        { type: 'StaffAccountCreated', data: { staffId: 'zhao', username: 'zhao.lei', displayName: '赵磊', roles: ['mediator', 'fund_officer'] } },
        '创建了员工账号 zhao.lei：赵磊（zhao），角色：调解员、帮扶资金专员。',
        'Created staff account zhao.lei for 赵磊 (zhao) with the roles: mediator, fund officer.',
      ],
      [granted('li', 'supervisor'), '授予李明（li）“主管”角色。', 'Granted the supervisor role to 李明 (li).'],
      [revoked('li', 'mediator'), '撤销了李明（li）的“调解员”角色。', 'Revoked the mediator role from 李明 (li).'],
      [disabled('li', '调离'), '停用了李明（li）的账号，原因：调离。', 'Disabled the account of 李明 (li); reason: 调离.'],
      [{ type: 'StaffAccountEnabled', data: { staffId: 'li' } }, '重新启用了李明（li）的账号。', 'Re-enabled the account of 李明 (li).'],
      [
        { type: 'PasswordChanged', data: { staffId: 'li', passwordVersion: 2, reset: false } },
        '李明（li）修改了自己的密码。',
        '李明 (li) changed their own password.',
      ],
      [{ type: 'PasswordChanged', data: { staffId: 'li', passwordVersion: 2, reset: true } }, '重置了李明（li）的密码。', 'Reset the password of 李明 (li).'],
      [signedOut('li', 'session-1'), '李明（li）退出了一次登录。', '李明 (li) logged out of a session.'],
    ])('describes %j in one sentence', (event, zh, en) => {
      expect(describeStaffEvent(event, 'zh', roster)).toBe(zh);
      expect(describeStaffEvent(event, 'en', roster)).toBe(en);
    });

    it('falls back to the staff id without a roster', () => {
      expect(describeStaffEvent(disabled('li'), 'zh')).toBe('停用了员工 li 的账号。');
      expect(describeStaffEvent({ type: 'PasswordChanged', data: { staffId: 'li', passwordVersion: 1, reset: false } }, 'en')).toBe(
        'Staff member li changed their own password.',
      );
      expect(describeStaffEvent(signedOut('li', 'session-1'), 'en')).toBe('Staff member li logged out of a session.');
    });
  });

  describe('rules', () => {
    const thrown = (f: () => never): DomainError => {
      try {
        f();
      } catch (e) {
        if (e instanceof DomainError) return e;
        throw e;
      }
      throw new Error('rule did not throw');
    };
    const errors = Object.values(staffRosterRules).map((r) => thrown(() => (r as (...a: string[]) => never)('li', 'mediator')));

    it('lists every code it can answer with, once', () => {
      expect(errors.map((e) => e.code).sort()).toEqual([...STAFF_ROSTER_ERROR_CODES].sort());
    });

    it('gives a clerk a message in Chinese and in English for every rule', () => {
      for (const e of errors) {
        expect(e.messages.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(e.messages.en).toMatch(/^\S.*\.$/);
      }
    });
  });
});
