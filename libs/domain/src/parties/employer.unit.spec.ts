import { deciderSpec } from '../shared/decider-spec.js';
import type { CommandContext } from '../shared/messages.js';
import { employerDecider, employerStreamName, type RegisterEmployer } from './employer.js';

const ctx: CommandContext = { actor: { staffId: 'staff-li', role: 'mediator' }, now: '2026-03-01T02:00:00.000Z' };
const spec = deciderSpec(employerDecider);
const register = (data: Partial<RegisterEmployer['data']> = {}): RegisterEmployer => ({
  type: 'RegisterEmployer',
  ctx,
  data: { employerId: 'e-1', name: '仁和镇宏达建材有限公司', ...data },
});
const registered = { type: 'EmployerRegistered' as const, data: { employerId: 'e-1', name: '仁和镇宏达建材有限公司' } };

describe('employer', () => {
  it('streams per employer', () => {
    expect(employerStreamName('e-1')).toBe('employer-e-1');
  });

  it('registers an employer without a credit code', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('registers an employer with its credit code upper-cased, address and contact', () => {
    spec
      .given([])
      .when(register({ creditCode: '91350100m000100y43', address: '顺义区仁和镇', contact: '王经理 13600000000' }))
      .then([
        {
          type: 'EmployerRegistered',
          data: {
            ...registered.data,
            creditCode: '91350100M000100Y43',
            address: '顺义区仁和镇',
            contact: '王经理 13600000000',
          },
        },
      ]);
  });

  it('refuses a credit code that fails its check, saying which check', () => {
    const error = spec.given([]).when(register({ creditCode: '91350100M000100Y44' })).thenThrows('CREDIT_CODE_INVALID');
    expect(error.details).toEqual({ reason: 'check_digit' });
    expect(error.messages.zh).toContain('统一社会信用代码无效');
  });

  it('requires a name', () => {
    spec.given([]).when(register({ name: '' })).thenThrows('NAME_REQUIRED');
  });

  it.each([' \t\n ', '\u3000\u3000', undefined as unknown as string])('NAME_REQUIRED: a name of only whitespace or none at all (%p)', (name) => {
    spec.given([]).when(register({ name })).thenThrows('NAME_REQUIRED');
  });

  it('refuses to register the same employer twice', () => {
    spec.given([registered]).when(register()).thenThrows('EMPLOYER_ALREADY_REGISTERED');
  });
});
