import { ROLES, roleWithLabel } from '#domain';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#auth';
import type { ValidationOptions } from 'class-validator';

/**
 * A field check's message in both languages: `message` (English) for any reader of the plain
 * constraint, `context` for the problem filter to answer in the language the client asked for.
 */
export const say = (zh: string, en: string, options: ValidationOptions = {}): ValidationOptions => ({ ...options, message: en, context: { zh, en } });

const rolesEn = ROLES.map((r) => roleWithLabel(r, 'en')).join(', ');
const rolesZh = ROLES.map((r) => roleWithLabel(r, 'zh')).join('、');

export const FIELD = {
  required: () => say('必填，且不能只有空格', 'is required and cannot be only spaces'),
  text: () => say('必须是文字', 'must be text'),
  maxLength: (n: number) => say(`最多 ${n} 个字符`, `must be at most ${n} characters`),
  noControlCharacters: () => say('不能包含控制字符（如 NUL）', 'must not contain control characters (such as NUL)'),
  username: () => say('须为 3 至 32 个字符，只能包含字母、数字、点、下划线或连字符', 'must be 3 to 32 characters: letters, digits, dot, underscore or hyphen'),
  password: () =>
    say(
      `须为 ${PASSWORD_MIN_LENGTH} 至 ${PASSWORD_MAX_LENGTH} 个字符，不能只有空格，且不易被猜到：不能是重复的字符、123456 这样的序列、常用密码或用户名、姓名`,
      `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not only spaces, and hard to guess: not repeated characters, a sequence such as 123456, a common password, or the username or name`,
    ),
  roles: () => say(`至少选择一个角色，每个角色须为以下之一：${rolesZh}`, `must list at least one role, each one of: ${rolesEn}`),
  role: () => say(`必须是以下角色之一：${rolesZh}`, `must be one of the roles: ${rolesEn}`),
  refreshToken: () => say('必须是登录或刷新时得到的 refreshToken', 'must be the refreshToken received at login or refresh'),
};
