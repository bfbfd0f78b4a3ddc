import { describeAidEvent } from './aid-describe.js';
import type { AidFundEvent } from './funds/aid-fund.events.js';
import type { AidProgrammeEvent } from './programmes/aid-programme.events.js';

const AT = '2026-09-15T02:00:00.000Z';
const names: Record<string, string> = { sun: '孙丽', liu: '刘强' };
const opts = (actorId: string) => ({ actorId, staffName: (id: string) => names[id] });

const events: [AidFundEvent | AidProgrammeEvent, string, string, string][] = [
  [{ type: 'AidFundOpened', data: { fundId: 'f', name: '帮扶资金', kind: 'hardship_aid', openedBy: 'sun', openedAt: AT } }, 'sun', '孙丽 设立了资金账户“帮扶资金”（困难职工帮扶资金）', 'Fund "帮扶资金" (hardship-aid fund) opened by 孙丽'],
  [
    { type: 'AidIncomeRecorded', data: { fundId: 'f', entryId: 'i', source: 'donation', amountFen: 4_000_000, receivedOn: '2026-03-01', reference: 'R-1', donor: { name: '仁和镇商会', receiptNumber: 'JZ-1' }, recordedBy: 'sun', recordedAt: AT } },
    'sun',
    '孙丽 登记收入40,000.00元（社会捐赠，捐赠人：仁和镇商会，收据 JZ-1；2026-03-01到账；凭证 R-1）',
    'Income of ¥40,000.00 recorded by 孙丽 (donation, donor: 仁和镇商会, receipt JZ-1; received 2026-03-01; reference R-1)',
  ],
  [{ type: 'AidIncomeCorrected', data: { fundId: 'f', entryId: 'c', correctsEntryId: 'i', source: 'donation', amountFen: 100, receivedOn: '2026-03-01', reason: '重复', correctedBy: 'sun', correctedAt: AT } }, 'sun', '孙丽 冲正了2026-03-01到账的收入1.00元（理由：重复）', 'Income of ¥1.00 received 2026-03-01 reversed by 孙丽 (reason: 重复)'],
  [
    { type: 'DisbursementRequested', data: { fundId: 'f', disbursementId: 'd', programmeId: 'p', programmeKind: 'student_grants', programmeName: '金秋助学', beneficiary: { kind: 'student', id: 's' }, beneficiaryName: '王小红', amountFen: 150_000, reason: '助学', year: 2026, requestedBy: 'sun', requestedAt: AT } },
    'sun',
    '孙丽 申请向王小红发放1,500.00元（金秋助学；事由：助学）',
    'Disbursement of ¥1,500.00 to 王小红 requested by 孙丽 (金秋助学; reason: 助学)',
  ],
  [{ type: 'DisbursementApproved', data: { fundId: 'f', disbursementId: 'd', amountFen: 150_000, approvedBy: 'liu', approvedAt: AT } }, 'liu', '刘强 批准了发放1,500.00元', 'Disbursement of ¥1,500.00 approved by 刘强'],
  [{ type: 'DisbursementRejected', data: { fundId: 'f', disbursementId: 'd', amountFen: 150_000, reason: '材料不全', rejectedBy: 'liu', rejectedAt: AT } }, 'liu', '刘强 驳回了发放1,500.00元的申请（理由：材料不全）', 'Disbursement of ¥1,500.00 rejected by 刘强 (reason: 材料不全)'],
  [{ type: 'DisbursementPaid', data: { fundId: 'f', disbursementId: 'd', amountFen: 150_000, method: 'bank_transfer', reference: 'B-9', paidOn: '2026-09-16', paidBy: 'sun', recordedAt: AT } }, 'sun', '孙丽 登记已于2026-09-16支付1,500.00元（银行转账；凭证 B-9）', 'Payment of ¥1,500.00 on 2026-09-16 recorded by 孙丽 (bank transfer; reference B-9)'],
  [{ type: 'DisbursementCancelled', data: { fundId: 'f', disbursementId: 'd', amountFen: 150_000, wasApproved: true, reason: '已搬离', cancelledBy: 'liu', cancelledAt: AT } }, 'liu', '刘强 撤销了已批准的发放1,500.00元（理由：已搬离）', 'Approved disbursement of ¥1,500.00 cancelled by 刘强 (reason: 已搬离)'],
  [
    { type: 'AidProgrammeCreated', data: { programmeId: 'p', kind: 'workers_home_subsidy', name: '职工之家补贴', fundId: 'f', season: null, perBeneficiaryCapFen: 2_000_000, createdBy: 'liu', createdAt: AT } },
    'liu',
    '刘强 设立帮扶项目“职工之家补贴”（职工之家补贴；每人每年限额20,000.00元）',
    'Programme "职工之家补贴" (Workers\' Home subsidy; at most ¥20,000.00 per beneficiary a year) created by 刘强',
  ],
  [{ type: 'AidProgrammeTermsChanged', data: { programmeId: 'p', name: '金秋助学', season: null, perBeneficiaryCapFen: 100_000, reason: '预算', changedBy: 'liu', changedAt: AT } }, 'liu', '刘强 修改了帮扶项目“金秋助学”（每人每年限额1,000.00元；理由：预算）', 'Programme "金秋助学" changed by 刘强 (at most ¥1,000.00 per beneficiary a year; reason: 预算)'],
  [{ type: 'AidProgrammeClosed', data: { programmeId: 'p', reason: '年度结束', closedBy: 'liu', closedAt: AT } }, 'liu', '刘强 停止了该帮扶项目（理由：年度结束）', 'Programme closed by 刘强 (reason: 年度结束)'],
  // Entered after the fact: the day it happened is said; the day it was recorded is not repeated.
  [
    { type: 'DisbursementRequested', data: { fundId: 'f', disbursementId: 'd', programmeId: 'p', programmeKind: 'student_grants', programmeName: '金秋助学', beneficiary: { kind: 'student', id: 's' }, beneficiaryName: '王小红', amountFen: 150_000, reason: '助学', year: 2013, requestedBy: 'sun', requestedAt: AT, requestedOn: '2013-08-20' } },
    'sun',
    '孙丽 申请向王小红发放1,500.00元（金秋助学；事由：助学；申请日期 2013-08-20）',
    'Disbursement of ¥1,500.00 to 王小红 requested by 孙丽 (金秋助学; reason: 助学; asked for on 2013-08-20)',
  ],
  [{ type: 'DisbursementApproved', data: { fundId: 'f', disbursementId: 'd', amountFen: 150_000, approvedBy: 'liu', approvedAt: AT, approvedOn: '2013-08-28' } }, 'liu', '刘强 批准了发放1,500.00元（批准日期 2013-08-28）', 'Disbursement of ¥1,500.00 approved by 刘强 (approved on 2013-08-28)'],
  [{ type: 'DisbursementApproved', data: { fundId: 'f', disbursementId: 'd', amountFen: 150_000, approvedBy: 'liu', approvedAt: AT, approvedOn: '2026-09-15' } }, 'liu', '刘强 批准了发放1,500.00元', 'Disbursement of ¥1,500.00 approved by 刘强'],
];

describe('describeAidEvent: one sentence per event, in Chinese and English', () => {
  it.each(events.map(([event, actor, zh, en]) => [event.type, event, actor, zh, en] as const))('%s', (_type, event, actor, zh, en) => {
    expect(describeAidEvent(event, 'zh', opts(actor))).toBe(zh);
    expect(describeAidEvent(event, 'en', opts(actor))).toBe(en);
  });

  it('names a staff member it cannot look up by id', () => {
    expect(describeAidEvent(events[4]![0], 'en', { actorId: 'x-1' })).toBe('Disbursement of ¥1,500.00 approved by staff member x-1');
  });
});
