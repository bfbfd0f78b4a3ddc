import { notFound, rule } from '../shared/domain-error.js';
import type { CreditCodeProblem } from './credit-code.js';
import type { ResidentIdProblem } from './resident-id.js';

// The number itself stays out of messages and details: error messages end up in logs.
const RESIDENT_ID_PROBLEMS: Record<ResidentIdProblem, { en: string; zh: string }> = {
  length: {
    en: 'a resident ID number has 18 characters (old 15-digit numbers are no longer valid)',
    zh: '身份证号码应为18位（15位的旧号码已停止使用）',
  },
  format: { en: 'it must be 17 digits followed by a digit or X', zh: '应为17位数字加1位数字或X' },
  birth_date: {
    en: 'characters 7 to 14 are not a plausible birth date',
    zh: '第7至14位不是合理的出生日期',
  },
  check_digit: {
    en: 'the last character does not match the others; check for a typing error',
    zh: '校验位与前17位不符，请检查是否输错',
  },
};

const CREDIT_CODE_PROBLEMS: Record<CreditCodeProblem, { en: string; zh: string }> = {
  length: { en: 'a unified social credit code has 18 characters', zh: '统一社会信用代码应为18位' },
  format: {
    en: 'it may contain only digits and capital letters other than I, O, S, V and Z',
    zh: '只能包含数字和除I、O、S、V、Z以外的大写字母',
  },
  check_digit: {
    en: 'the last character does not match the others; check for a typing error',
    zh: '校验位与前17位不符，请检查是否输错',
  },
};

/** Broken rules about workers and employers (DomainError codes in PARTY_ERROR_CODES). */
export const partyRules = {
  workerAlreadyRegistered: (workerId: string): never =>
    rule('WORKER_ALREADY_REGISTERED', `Worker ${workerId} is already registered.`, `职工 ${workerId} 已登记。`, {
      workerId,
    }),
  /** Another worker already holds this resident ID number: the clerk should open that worker instead. */
  residentIdAlreadyRegistered: (existingWorkerId: string): never =>
    rule(
      'WORKER_ALREADY_REGISTERED',
      `A worker with this resident ID number is already registered (worker ${existingWorkerId}); open that record instead of registering the person again.`,
      `该身份证号码的职工已经登记过（职工编号 ${existingWorkerId}），请直接使用已有的职工记录，不要重复登记。`,
      { workerId: existingWorkerId },
    ),
  workerNotFound: (workerId: string): never =>
    notFound('WORKER_NOT_FOUND', `No worker ${workerId} is registered.`, `职工 ${workerId} 尚未登记。`, { workerId }),
  /** A worker's employer must be registered: a made-up id would show as an employer without a name. */
  employerNotFound: (employerId: string): never =>
    rule(
      'EMPLOYER_NOT_FOUND',
      `No employer ${employerId} is registered; leave the employer out, or register it first (/api/employers).`,
      `用人单位 ${employerId} 尚未登记；可不填单位编号，或先登记该用人单位。`,
      { field: 'employerId', fields: ['employerId'], employerId },
    ),
  employerAlreadyRegistered: (employerId: string): never =>
    rule(
      'EMPLOYER_ALREADY_REGISTERED',
      `Employer ${employerId} is already registered.`,
      `用人单位 ${employerId} 已登记。`,
      { employerId },
    ),
  creditCodeAlreadyRegistered: (existingEmployerId: string): never =>
    rule(
      'EMPLOYER_ALREADY_REGISTERED',
      `An employer with this unified social credit code is already registered (employer ${existingEmployerId}).`,
      `该统一社会信用代码的用人单位已经登记过（单位编号 ${existingEmployerId}），请直接使用已有记录。`,
      { employerId: existingEmployerId },
    ),
  residentIdInvalid: (reason: ResidentIdProblem): never =>
    rule(
      'RESIDENT_ID_INVALID',
      `The resident ID number is not valid: ${RESIDENT_ID_PROBLEMS[reason].en}.`,
      `身份证号码无效：${RESIDENT_ID_PROBLEMS[reason].zh}。`,
      { reason },
    ),
  creditCodeInvalid: (reason: CreditCodeProblem): never =>
    rule(
      'CREDIT_CODE_INVALID',
      `The unified social credit code is not valid: ${CREDIT_CODE_PROBLEMS[reason].en}.`,
      `统一社会信用代码无效：${CREDIT_CODE_PROBLEMS[reason].zh}。`,
      { reason },
    ),
  nameRequired: (): never => rule('NAME_REQUIRED', 'Enter the name.', '请填写名称或姓名。'),
};

/** Every code the worker and employer deciders can answer with. */
export const PARTY_ERROR_CODES = [
  'WORKER_ALREADY_REGISTERED',
  'WORKER_NOT_FOUND',
  'EMPLOYER_NOT_FOUND',
  'EMPLOYER_ALREADY_REGISTERED',
  'RESIDENT_ID_INVALID',
  'CREDIT_CODE_INVALID',
  'NAME_REQUIRED',
] as const;
export type PartyErrorCode = (typeof PARTY_ERROR_CODES)[number];
