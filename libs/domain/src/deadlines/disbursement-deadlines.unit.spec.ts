import { deciderSpec } from '../shared/decider-spec.js';
import type { Actor, CommandContext } from '../shared/messages.js';
import { describeAidEvent } from '../aid/aid-describe.js';
import { aidFundDecider, type AidFundCommand } from '../aid/funds/aid-fund.decide.js';
import type { AidFund, AidFundEvent } from '../aid/funds/aid-fund.events.js';
import { DEFAULT_POLICIES, type DeadlinePolicies } from './deadline-policies.js';
import { disbursementApprovalDeadline, disbursementClockFacts, evolveDisbursementClock, type DisbursementClock } from './disbursement-deadlines.js';
import { itemStanding } from './item-deadlines.js';

const FUND = 'fund-1';
const officer: Actor = { staffId: 'staff-sun', role: 'fund_officer' };
const supervisor: Actor = { staffId: 'staff-liu', role: 'supervisor' };
const system: Actor = { staffId: 'system', role: 'system' };
const spec = deciderSpec(aidFundDecider);

const noon = (day: string) => `${day}T04:00:00.000Z`;
type EventOf<T extends AidFundEvent['type']> = Extract<AidFundEvent, { type: T }>;
const ev = <T extends AidFundEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'fundId'>): EventOf<T> => ({ type, data: { fundId: FUND, ...data } }) as unknown as EventOf<T>;

const opened = ev('AidFundOpened', { name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid', openedBy: 'staff-admin', openedAt: noon('2026-03-01') });
const income = ev('AidIncomeRecorded', { entryId: 'i-1', source: 'district_allocation', amountFen: 1_000_000, receivedOn: '2026-03-01', reference: '顺工拨〔2026〕1号', recordedBy: officer.staffId, recordedAt: noon('2026-03-01') });
/** Requested on 10 September: a supervisor decides by the 15th (five days), warned on the 14th. */
const requested = ev('DisbursementRequested', {
  disbursementId: 'd-1',
  programmeId: 'p-students',
  programmeKind: 'student_grants',
  programmeName: '2026年金秋助学',
  beneficiary: { kind: 'student', id: 's-1' },
  beneficiaryName: '李小明',
  amountFen: 150_000,
  reason: '困难职工子女金秋助学',
  year: 2026,
  requestedBy: officer.staffId,
  requestedAt: noon('2026-09-10'),
});
const approvedOn = (day: string) => ev('DisbursementApproved', { disbursementId: 'd-1', amountFen: 150_000, approvedBy: supervisor.staffId, approvedAt: noon(day) });

const check = (now: string, p: DeadlinePolicies = DEFAULT_POLICIES, actor: Actor = system, disbursementId = 'd-1') => {
  const ctx: CommandContext = { actor, now: now.includes('T') ? now : noon(now) };
  return { type: 'CheckDisbursementApproval', ctx, data: { fundId: FUND, disbursementId, policies: p } } as unknown as AidFundCommand;
};
const warned = ev('DisbursementApprovalWarned', { disbursementId: 'd-1', beneficiaryName: '李小明', amountFen: 150_000, requestedOn: '2026-09-10', dueOn: '2026-09-15', daysLeft: 1, responsibleRole: 'supervisor', policyRevision: -1 });
const missed = (daysOver: number) =>
  ev('DisbursementApprovalMissed', { disbursementId: 'd-1', beneficiaryName: '李小明', amountFen: 150_000, requestedOn: '2026-09-10', dueOn: '2026-09-15', daysOver, responsibleRole: 'supervisor', policyRevision: -1 });

describe('a disbursement waiting for approval', () => {
  const given = [opened, income, requested];

  it('given it undecided, when checked: warned the day before its last day, missed after it, each once, on the fund', () => {
    spec.given(given).when(check('2026-09-13T15:59:59.000Z')).then([]);
    spec.given(given).when(check('2026-09-13T16:00:00.000Z')).then([warned]);
    spec.given([...given, warned]).when(check('2026-09-15')).then([]);
    spec.given([...given, warned]).when(check('2026-09-15T16:00:00.000Z')).then([missed(1)]);
    spec.given([...given, warned, missed(1)]).when(check('2026-09-20')).then([]);
    // A request back-entered late is missed at once, with no warning.
    spec.given(given).when(check('2026-09-22')).then([missed(7)]);
  });

  it('given it approved, rejected or cancelled in time, when checked: nothing', () => {
    spec.given([...given, approvedOn('2026-09-12')]).when(check('2026-09-16')).then([]);
    spec.given([...given, ev('DisbursementRejected', { disbursementId: 'd-1', amountFen: 150_000, reason: '材料不全', rejectedBy: supervisor.staffId, rejectedAt: noon('2026-09-15') })]).when(check('2026-09-16')).then([]);
    spec.given([...given, ev('DisbursementCancelled', { disbursementId: 'd-1', amountFen: 150_000, wasApproved: false, reason: '重复申请', cancelledBy: officer.staffId, cancelledAt: noon('2026-09-11') })]).when(check('2026-09-16')).then([]);
  });

  it('given it approved only after its last day, before the job ran: missed all the same', () => {
    spec.given([...given, approvedOn('2026-09-17')]).when(check('2026-09-18')).then([missed(3)]);
  });

  it('follows the policy in force, and records nothing for a disbursement it does not know; only the system checks', () => {
    const p: DeadlinePolicies = { ...DEFAULT_POLICIES, disbursementApproval: { days: 10, warnDaysBefore: 2 }, revision: 4 };
    spec.given(given).when(check('2026-09-16', p)).then([]);
    spec.given(given).when(check('2026-09-18', p)).then([
      ev('DisbursementApprovalWarned', { disbursementId: 'd-1', beneficiaryName: '李小明', amountFen: 150_000, requestedOn: '2026-09-10', dueOn: '2026-09-20', daysLeft: 2, responsibleRole: 'supervisor', policyRevision: 4 }),
    ]);
    spec.given(given).when(check('2026-09-22', DEFAULT_POLICIES, system, 'd-unknown')).then([]);
    spec.given([]).when(check('2026-09-22')).then([]);
    spec.given(given).when(check('2026-09-22', DEFAULT_POLICIES, supervisor)).thenThrows('SYSTEM_ONLY');
  });

  it('keeps the notices on the fund without touching its money', () => {
    const before = spec.given(given).state as AidFund;
    const after = spec.given([...given, warned, missed(1)]).state as AidFund;
    expect([after.incomeFen, after.paidFen, after.committedFen]).toEqual([before.incomeFen, before.paidFen, before.committedFen]);
    expect(after.disbursements.get('d-1')).toEqual(before.disbursements.get('d-1'));
    expect(after.approvalNotices?.get('d-1')?.map((n) => n.level)).toEqual(['warned', 'missed']);
  });

  it('stands on the board: due soon on its warning day, overdue after its last day, met once decided in time', () => {
    const facts = disbursementClockFacts((spec.given(given).state as AidFund).disbursements.get('d-1')!);
    const d = disbursementApprovalDeadline(facts, DEFAULT_POLICIES);
    expect(itemStanding(d, '2026-09-13').state).toBe('upcoming');
    expect(itemStanding(d, '2026-09-14')).toEqual({ state: 'due_soon', daysLeft: 1, daysOver: 0 });
    expect(itemStanding(d, '2026-09-19')).toEqual({ state: 'overdue', daysLeft: -4, daysOver: 4 });
    const decided = disbursementClockFacts((spec.given([...given, approvedOn('2026-09-12')]).state as AidFund).disbursements.get('d-1')!);
    expect(itemStanding(disbursementApprovalDeadline(decided, DEFAULT_POLICIES), '2026-09-19').state).toBe('met');
  });

  it('reads in the fund’s history in Chinese and English', () => {
    expect(describeAidEvent(missed(1), 'zh')).toBe('系统记录：2026-09-10申请的向李小明发放1,500.00元至2026-09-15仍未审批（逾期1天，待主管审批）');
    expect(describeAidEvent(missed(1), 'en')).toBe('Recorded by the system: the disbursement of ¥1,500.00 to 李小明 requested on 2026-09-10 was still undecided on 2026-09-15 (1 day over; a supervisor decides)');
  });

  it('folds, for the read model, into the same facts as the fund’s state, the first decision kept', () => {
    const history: AidFundEvent[] = [...given, warned, approvedOn('2026-09-15'), ev('DisbursementCancelled', { disbursementId: 'd-1', amountFen: 150_000, wasApproved: true, reason: '受助人已另获资助', cancelledBy: officer.staffId, cancelledAt: noon('2026-09-20') })];
    let clock: DisbursementClock | null = null;
    history.forEach((e, i) => (clock = evolveDisbursementClock(clock, e, `ev-${i}`)));
    const state = spec.given(history).state as AidFund;
    expect(clock!.facts).toEqual(disbursementClockFacts(state.disbursements.get('d-1')!));
    expect(clock!.facts.decided).toEqual({ outcome: 'approved', on: '2026-09-15' });
    expect(clock!.cause).toBe('ev-2');
    expect(clock!.notices).toEqual(state.approvalNotices?.get('d-1'));
  });
});
