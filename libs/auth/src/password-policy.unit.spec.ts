import { DomainError } from '#domain';
import { checkPassword, passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['ten spaces', '          ', 'PASSWORD_BLANK'],
    ['empty', '', 'PASSWORD_BLANK'],
    ['too short', 'Xq7#mZ', 'PASSWORD_TOO_SHORT'],
    ['a run of digits', '1234567890', 'PASSWORD_TOO_WEAK'],
    ['one character repeated', 'aaaaaaaaaa', 'PASSWORD_TOO_WEAK'],
    ['a common password', 'password123', 'PASSWORD_TOO_WEAK'],
    ['a keyboard row', 'qwertyuiop', 'PASSWORD_TOO_WEAK'],
    ['a short pattern repeated', 'abcabcabcabc', 'PASSWORD_TOO_WEAK'],
  ])('refuses %s', (_, password, code) => {
    expect(passwordProblem(password)?.code).toBe(code);
  });

  it('accepts a long phrase of unrelated words, Chinese included', () => {
    expect(passwordProblem('brand-new-password')).toBeNull();
    expect(passwordProblem('river-lamp-orchid-72')).toBeNull();
    expect(passwordProblem('调解员工会密码很安全')).toBeNull();
  });

  it('refuses a password built from the username', () => {
    expect(passwordProblem('zhangwei2024!', [])).toBeNull();
    expect(passwordProblem('zhangwei2024!', ['zhangwei2024', '张伟'])?.code).toBe('PASSWORD_TOO_WEAK');
  });

  it('says why, in Chinese and English, as a rule with a stable code', () => {
    const problem = passwordProblem('aaaaaaaaaa')!;
    expect(problem.en).toMatch(/repeats the same characters/);
    expect(problem.zh).toMatch(/重复相同的字符/);
    expect(passwordProblem('1234567890')!.zh).toMatch(/常用|序列/);
    expect(() => checkPassword('          ')).toThrow(DomainError);
    try {
      checkPassword('1234567890');
    } catch (e) {
      expect((e as DomainError).code).toBe('PASSWORD_TOO_WEAK');
      expect((e as DomainError).messages.zh).toMatch(/密码太容易被猜到/);
    }
    expect.assertions(6);
  });
});
