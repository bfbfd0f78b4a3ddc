import { notFound, rule } from '../shared/domain-error.js';
import type { Role } from '../shared/messages.js';
import { roleLabel } from './role-labels.js';

/**
 * The staff roster's broken rules. Each throws a DomainError with a stable code (clients and
 * tests match on it) and a message a clerk can read, in English and Chinese.
 */
export const staffRosterRules = {
  administratorOnly: (): never =>
    rule(
      'ADMINISTRATOR_ONLY',
      'Only an active administrator may manage staff accounts and roles.',
      '只有在职的系统管理员才能管理员工账号和角色。',
    ),
  staffNotFound: (staffId: string): never =>
    notFound('STAFF_NOT_FOUND', `There is no staff account ${staffId}.`, `员工账号 ${staffId} 不存在。`, { staffId }),
  staffAlreadyExists: (staffId: string): never =>
    rule(
      'STAFF_ALREADY_EXISTS',
      `A staff account with id ${staffId} already exists.`,
      `编号为 ${staffId} 的员工账号已存在。`,
      { staffId },
    ),
  usernameInvalid: (username: string): never =>
    rule(
      'USERNAME_INVALID',
      'A username is 3 to 32 characters: lower-case letters, digits, dot, underscore or hyphen.',
      '用户名须为 3 至 32 个字符，只能包含小写字母、数字、点、下划线或连字符。',
      { username },
    ),
  usernameTaken: (username: string): never =>
    rule(
      'USERNAME_TAKEN',
      `The username "${username}" is already in use; choose another.`,
      `用户名“${username}”已被使用，请另选一个。`,
      { username },
    ),
  displayNameRequired: (): never => rule('DISPLAY_NAME_REQUIRED', 'Enter the staff member’s name.', '请填写员工姓名。'),
  rolesRequired: (): never =>
    rule('ROLES_REQUIRED', 'A staff account needs at least one role.', '员工账号至少需要一个角色。'),
  roleUnknown: (role: string): never =>
    rule('ROLE_UNKNOWN', `"${role}" is not a role in this system.`, `“${role}”不是本系统的角色。`, { role }),
  roleNotHeld: (staffId: string, role: Role): never =>
    rule(
      'ROLE_NOT_HELD',
      `This staff member does not hold the ${roleLabel(role, 'en')} role.`,
      `该员工没有“${roleLabel(role, 'zh')}”角色。`,
      { staffId, role },
    ),
  lastRole: (staffId: string, role: Role): never =>
    rule(
      'LAST_ROLE',
      'This is the staff member’s only role; grant another first, or disable the account instead.',
      '这是该员工唯一的角色；请先授予其他角色，或改为停用该账号。',
      { staffId, role },
    ),
  lastAdministrator: (staffId: string): never =>
    rule(
      'LAST_ADMINISTRATOR',
      'This is the last active administrator; make someone else an administrator first.',
      '这是最后一位在职的系统管理员；请先将另一位员工设为系统管理员。',
      { staffId },
    ),
  accountDisabled: (staffId: string): never =>
    rule(
      'ACCOUNT_DISABLED',
      'This staff account is disabled; enable it first.',
      '该员工账号已停用，请先启用。',
      { staffId },
    ),
  accountAlreadyDisabled: (staffId: string): never =>
    rule('ACCOUNT_ALREADY_DISABLED', 'This staff account is already disabled.', '该员工账号已经停用。', { staffId }),
  accountAlreadyActive: (staffId: string): never =>
    rule('ACCOUNT_ALREADY_ACTIVE', 'This staff account is already active.', '该员工账号已处于启用状态。', { staffId }),
  notOwnAccount: (staffId: string): never =>
    rule(
      'NOT_OWN_ACCOUNT',
      'You may change only your own password; an administrator may reset anyone’s.',
      '您只能修改自己的密码；系统管理员可以重置任何人的密码。',
      { staffId },
    ),
  notOwnSession: (staffId: string): never =>
    rule('NOT_OWN_SESSION', 'You may log out only of your own sessions.', '您只能退出自己的登录。', { staffId }),
  sessionIdRequired: (): never => rule('SESSION_ID_REQUIRED', 'Name the session to log out of.', '请指明要退出的登录会话。'),
};

/** Every code the staff roster can answer with (for API documentation and client typing). */
export const STAFF_ROSTER_ERROR_CODES = [
  'ADMINISTRATOR_ONLY',
  'STAFF_NOT_FOUND',
  'STAFF_ALREADY_EXISTS',
  'USERNAME_INVALID',
  'USERNAME_TAKEN',
  'DISPLAY_NAME_REQUIRED',
  'ROLES_REQUIRED',
  'ROLE_UNKNOWN',
  'ROLE_NOT_HELD',
  'LAST_ROLE',
  'LAST_ADMINISTRATOR',
  'ACCOUNT_DISABLED',
  'ACCOUNT_ALREADY_DISABLED',
  'ACCOUNT_ALREADY_ACTIVE',
  'NOT_OWN_ACCOUNT',
  'NOT_OWN_SESSION',
  'SESSION_ID_REQUIRED',
] as const;
export type StaffRosterErrorCode = (typeof STAFF_ROSTER_ERROR_CODES)[number];
