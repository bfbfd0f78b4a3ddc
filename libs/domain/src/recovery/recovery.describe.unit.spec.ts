import { describeRecoveryEvent } from './recovery.describe.js';
import type { RecoveryEvent } from './recovery.events.js';

const NOW = '2026-06-30T02:00:00.000Z';
const caseId = 'case-1';
const events: RecoveryEvent[] = [
  { type: 'RecoveryOpened', data: { caseId, agreementId: 'a-1', workers: [{ claimantId: 'c-1', workerId: null, name: '张秀英', owedFen: 92_250_000 }], totalOwedFen: 92_250_000, openedAt: NOW } },
  {
    type: 'OwedRebased',
    data: { caseId, agreementId: 'a-2', previousAgreementId: 'a-1', reason: '企业破产重整', owed: [], previousTotalFen: 92_250_000, totalOwedFen: 50, rebasedAt: NOW },
  },
  { type: 'PaymentPlanSet', data: { caseId, instalments: [{ dueOn: '2026-07-31', amountFen: 50 }], totalFen: 50, setAt: NOW } },
  { type: 'PaymentPlanAmended', data: { caseId, instalments: [{ dueOn: '2026-08-31', amountFen: 50 }], totalFen: 50, previous: [], reason: '延期', amendedAt: NOW } },
  {
    type: 'ReceiptRecorded',
    data: { caseId, receiptId: 'r-1', amountFen: 30_000_000, receivedOn: '2026-06-01', channel: 'wage_guarantee_fund', receiptNo: 'No.7', allocation: 'pro_rata', allocations: [{ claimantId: 'c-1', amountFen: 30_000_000 }], recordedAt: NOW },
  },
  { type: 'PayoutRecorded', data: { caseId, payoutId: 'p-1', claimantId: 'c-1', amountFen: 100, fromHeldFen: 100, paidOn: '2026-06-02', method: 'cash', reference: '签收单 7', recordedAt: NOW } },
  { type: 'MoneyHeld', data: { caseId, holdId: 'h-1', claimantId: 'c-1', amountFen: 100, heldOn: '2026-06-02', reason: '电话停机', recordedAt: NOW } },
  { type: 'WriteOffRequested', data: { caseId, writeOffId: 'o-1', claimantId: 'c-1', amountFen: 100, reason: '企业破产', requestedBy: 's-wang', requestedAt: NOW } },
  { type: 'WriteOffApproved', data: { caseId, writeOffId: 'o-1', claimantId: 'c-1', amountFen: 100, approvedBy: 's-liu', approvedAt: NOW } },
  { type: 'WriteOffRejected', data: { caseId, writeOffId: 'o-1', claimantId: 'c-1', reason: '仍可追回', rejectedBy: 's-liu', rejectedAt: NOW } },
  { type: 'RecoveryCompleted', data: { caseId, totalOwedFen: 200, paidFen: 100, writtenOffFen: 100, completedAt: NOW } },
];
const names = { staffName: (id: string) => ({ 's-wang': '王芳', 's-liu': '刘强' })[id], claimantName: (id: string) => (id === 'c-1' ? '张秀英' : undefined) };

describe('recovery timeline sentences', () => {
  it('every event reads as one sentence in Chinese and in English, naming people and money', () => {
    const zh = events.map((e) => describeRecoveryEvent(e, 'zh', { ...names, actorId: 's-wang' }));
    const en = events.map((e) => describeRecoveryEvent(e, 'en', { ...names, actorId: 's-wang' }));
    expect(zh[0]).toBe('王芳 依调解协议建立追欠台账：1名职工，应得合计922,500.00元');
    expect(en[0]).toBe('Recovery ledger opened by 王芳 from the agreement: 1 worker owed ¥922,500.00 in total');
    expect(zh[4]).toBe('王芳 登记用人单位来款300,000.00元（2026-06-01，欠薪保障金，收据 No.7），按尚欠比例分配给1名职工');
    expect(en[5]).toBe('¥1.00 paid to 张秀英 by 王芳 (2026-06-02, cash (signed for by the worker), reference 签收单 7, ¥1.00 of it held money)');
    expect(zh[10]).toContain('可以“协议履行完毕”结案');
    for (const sentence of [...zh, ...en]) expect(sentence).not.toMatch(/undefined|\[object/);
    expect(new Set(zh).size).toBe(events.length);
    expect(new Set(en).size).toBe(events.length);
  });

  it('a write-off names its requester and its decider from the event itself', () => {
    expect(describeRecoveryEvent(events[7]!, 'zh', names)).toBe('王芳 申请核销张秀英尚欠的1.00元（理由：企业破产）');
    expect(describeRecoveryEvent(events[8]!, 'en', names)).toBe('Write-off of ¥1.00 for 张秀英 approved by 刘强');
  });
});
