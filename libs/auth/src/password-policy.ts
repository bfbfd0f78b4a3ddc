import zx from '@zxcvbn-ts/core';
import common from '@zxcvbn-ts/language-common';
import { rule } from '#domain';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's 0-4 scale: 3 means about 10^8 guesses or more, safe behind the login limits and argon2id. */
export const PASSWORD_MIN_SCORE = 3;

/** The codes the policy answers with, as checkPassword's rule (DomainError) carries them. */
export const PASSWORD_PROBLEM_CODES = ['PASSWORD_BLANK', 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'PASSWORD_TOO_WEAK'] as const;

export interface PasswordProblem {
  code: (typeof PASSWORD_PROBLEM_CODES)[number];
  en: string;
  zh: string;
}

/** Why zxcvbn found it guessable (its warning keys), in the words a clerk reads. */
const REASONS: Record<string, { en: string; zh: string }> = {
  simpleRepeat: { en: 'it repeats the same characters', zh: '它只是重复相同的字符' },
  extendedRepeat: { en: 'it repeats the same few characters', zh: '它只是重复几个相同的字符' },
  sequences: { en: 'it is a simple sequence such as 123456 or abcdef', zh: '它是 123456、abcdef 这样的简单序列' },
  topTen: { en: 'it is one of the ten most common passwords', zh: '它是最常用的十个密码之一' },
  topHundred: { en: 'it is one of the hundred most common passwords', zh: '它是最常用的一百个密码之一' },
  common: { en: 'it is a commonly used password', zh: '它是常用密码' },
  similarToCommon: { en: 'it is too close to a commonly used password', zh: '它与常用密码过于相似' },
  straightRow: { en: 'it is a row of keyboard keys', zh: '它是键盘上相邻的一排按键' },
  keyPattern: { en: 'it is a short keyboard pattern', zh: '它是简单的键盘按键图案' },
  recentYears: { en: 'it is mostly a recent year', zh: '它主要是近年的年份' },
  dates: { en: 'it is mostly a date', zh: '它主要是一个日期' },
  wordByItself: { en: 'it is a single common word', zh: '它只是一个常见单词' },
  namesByThemselves: { en: 'it is only a name', zh: '它只是一个姓名' },
  commonNames: { en: 'it is a common name', zh: '它是常见姓名' },
  userInputs: { en: 'it is built from the username or name', zh: '它由用户名或姓名构成' },
};
const GENERIC_REASON = { en: 'it follows a pattern that is quickly guessed', zh: '它符合容易被猜到的规律' };

let factory: InstanceType<typeof zx.ZxcvbnFactory> | undefined;
function strength(): InstanceType<typeof zx.ZxcvbnFactory> {
  factory ??= new zx.ZxcvbnFactory({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary } });
  return factory;
}

/**
 * What is wrong with a proposed password, or null. `related` are the username and display name:
 * a password built from them counts as guessable. Pure: no clock, no I/O.
 */
export function passwordProblem(password: string, related: readonly string[] = []): PasswordProblem | null {
  if (password.trim() === '') return { code: 'PASSWORD_BLANK', en: 'A password cannot be empty or only spaces', zh: '密码不能为空，也不能只有空格' };
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { code: 'PASSWORD_TOO_SHORT', en: `A password needs at least ${PASSWORD_MIN_LENGTH} characters`, zh: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { code: 'PASSWORD_TOO_LONG', en: `A password can have at most ${PASSWORD_MAX_LENGTH} characters`, zh: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符` };
  }
  const result = strength().check(password, related.filter((s) => s.trim() !== ''));
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const reason = (result.feedback.warning && REASONS[result.feedback.warning]) || GENERIC_REASON;
  return {
    code: 'PASSWORD_TOO_WEAK',
    en: `This password is too easy to guess: ${reason.en}. Use a longer phrase of several unrelated words.`,
    zh: `密码太容易被猜到：${reason.zh}。请使用由几个不相关的词组成的较长短语。`,
  };
}

/** The policy as a rule (422 with a stable code) for every path that sets a password. */
export function checkPassword(password: string, related: readonly string[] = []): void {
  const problem = passwordProblem(password, related);
  if (problem) rule(problem.code, problem.en, problem.zh);
}
