import { roleWithLabel } from './role-labels.js';

describe('roleWithLabel', () => {
  it('puts the name beside the code only where it says more than the code', () => {
    expect(roleWithLabel('mediator', 'en')).toBe('mediator');
    expect(roleWithLabel('fund_officer', 'en')).toBe('fund_officer (fund officer)');
    expect(roleWithLabel('mediator', 'zh')).toBe('mediator（调解员）');
  });
});
