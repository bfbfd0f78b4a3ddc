/** A group wage case as a mediator would open it; override what a test cares about. */
export function aGroupWageDispute(overrides: Record<string, unknown> = {}, claimants = 12) {
  return {
    title: '某建筑公司拖欠十二名农民工工资',
    category: 'unpaid_wages',
    description: '工人反映2025年10月至12月工资未发放，公司称资金周转困难。',
    application: { kind: 'written', receivedAt: '2026-03-01' },
    respondent: { name: '北京某建筑工程有限公司' },
    claimants: Array.from({ length: claimants }, (_, i) => ({ name: `工人${i + 1}号` })),
    ...overrides,
  };
}
