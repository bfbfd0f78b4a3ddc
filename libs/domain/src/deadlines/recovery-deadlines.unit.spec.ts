import { deciderSpec } from '../shared/decider-spec.js';
import type { Actor, CommandContext } from '../shared/messages.js';
import { recoveryDecider, type RecoveryCommand } from '../recovery/recovery.decide.js';
import { describeRecoveryEvent } from '../recovery/recovery.describe.js';
import type { RecoveryEvent, RecoveryLedger } from '../recovery/recovery.events.js';
import { DEFAULT_POLICIES, type DeadlinePolicies } from './deadline-policies.js';
import { itemPendingNotices, itemStanding } from './item-deadlines.js';
import { evolveRecoveryClock, instalmentDeadlines, recoveryClockFacts, type CheckRecoveryDeadline, type RecoveryClock } from './recovery-deadlines.js';

const CASE = 'case-1';
const wang: Actor = { staffId: 'staff-wang', role: 'mediator' };
const liu: Actor = { staffId: 'staff-liu', role: 'supervisor' };
const system: Actor = { staffId: 'system', role: 'system' };
const spec = deciderSpec(recoveryDecider);

/** Beijing noon of a day, as an instant. */
const noon = (day: string) => `${day}T04:00:00.000Z`;
type EventOf<T extends RecoveryEvent['type']> = Extract<RecoveryEvent, { type: T }>;
const ev = <T extends RecoveryEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'caseId'>): EventOf<T> => ({ type, data: { caseId: CASE, ...data } }) as unknown as EventOf<T>;

const opened = ev('RecoveryOpened', {
  agreementId: 'a-1',
  workers: [
    { claimantId: 'c-1', workerId: 'w-1', name: '张秀英', owedFen: 300_000 },
    { claimantId: 'c-2', workerId: 'w-2', name: '李建国', owedFen: 200_000 },
    { claimantId: 'c-3', workerId: null, name: '王淑芬', owedFen: 100_000 },
  ],
  totalOwedFen: 600_000,
  openedAt: noon('2026-03-01'),
});
/** Two instalments: 2,000 yuan due 30 April, 4,000 yuan due 31 May; set on 1 March. */
const plan = ev('PaymentPlanSet', {
  instalments: [
    { dueOn: '2026-04-30', amountFen: 200_000 },
    { dueOn: '2026-05-31', amountFen: 400_000 },
  ],
  totalFen: 600_000,
  setAt: noon('2026-03-01'),
});
const receipt = (receiptId: string, amountFen: number, receivedOn: string) =>
  ev('ReceiptRecorded', {
    receiptId,
    amountFen,
    receivedOn,
    channel: 'bank_transfer',
    receiptNo: `R-${receiptId}`,
    allocation: 'explicit',
    allocations: [{ claimantId: 'c-1', amountFen }],
    recordedAt: noon(receivedOn),
  });
const writeOffRequested = ev('WriteOffRequested', { writeOffId: 'wo-1', claimantId: 'c-3', amountFen: 100_000, reason: '申请人已去世，无继承人', requestedBy: wang.staffId, requestedAt: noon('2026-05-10') });

const check = (kind: CheckRecoveryDeadline['data']['kind'], itemId: string, now: string, p: DeadlinePolicies = DEFAULT_POLICIES, actor: Actor = system, status: 'accepted' | 'closed' = 'accepted') => {
  const ctx: CommandContext = { actor, now: now.includes('T') ? now : noon(now) };
  return { type: 'CheckRecoveryDeadline', ctx, data: { caseId: CASE, kind, itemId, policies: p, case: { caseId: CASE, status, mediatorId: wang.staffId } } } as unknown as RecoveryCommand;
};
const first = (now: string, p?: DeadlinePolicies) => check('instalment', '2026-04-30', now, p);

const warnedFirst = ev('InstalmentDueWarned', {
  number: 1,
  dueOn: '2026-04-30',
  amountFen: 200_000,
  coveredFen: 0,
  warnOn: '2026-04-27',
  daysLeft: 3,
  responsibleId: wang.staffId,
  policyRevision: -1,
});
const missedFirst = (coveredFen: number, daysOver: number) =>
  ev('InstalmentMissed', { number: 1, dueOn: '2026-04-30', amountFen: 200_000, coveredFen, graceDays: 7, lastDay: '2026-05-07', daysOver, responsibleId: wang.staffId, policyRevision: -1 });

describe('an instalment: due on its day, missed once the grace has ended unpaid', () => {
  it('given a plan and nothing paid, when checked: nothing before the warning day, a warning on it, nothing in the grace, a miss after it; each once', () => {
    const given = [opened, plan];
    spec.given(given).when(first('2026-04-26T15:59:59.000Z')).then([]);
    spec.given(given).when(first('2026-04-26T16:00:00.000Z')).then([warnedFirst]); // 27 April, 00:00 in Beijing: 3 days before
    spec.given([...given, warnedFirst]).when(first('2026-04-29')).then([]);
    spec.given([...given, warnedFirst]).when(first('2026-05-07T15:59:59.000Z')).then([]); // the grace's last day
    spec.given([...given, warnedFirst]).when(first('2026-05-07T16:00:00.000Z')).then([missedFirst(0, 8)]);
    spec.given([...given, warnedFirst, missedFirst(0, 8)]).when(first('2026-05-20')).then([]);
    spec.given([...given, warnedFirst, missedFirst(0, 8)]).when(first('2026-04-26T16:00:00.000Z')).then([]);
  });

  it('given it paid in full before its day, or within the grace, when checked: nothing at all', () => {
    spec.given([opened, plan, receipt('r-1', 200_000, '2026-04-29')]).when(first('2026-04-29')).then([]);
    spec.given([opened, plan, receipt('r-1', 200_000, '2026-04-29')]).when(first('2026-05-08')).then([]);
    spec.given([opened, plan, receipt('r-1', 200_000, '2026-05-06')]).when(first('2026-05-09')).then([]);
  });

  it('given it paid in part, when the grace has ended: the miss, with what was paid', () => {
    spec.given([opened, plan, receipt('r-1', 150_000, '2026-04-29')]).when(first('2026-05-08')).then([missedFirst(150_000, 8)]);
  });

  it('given it paid only after the grace, before the job could run: missed all the same (money counts by the day received)', () => {
    spec.given([opened, plan, receipt('r-1', 200_000, '2026-05-09')]).when(first('2026-05-10')).then([missedFirst(0, 10)]);
  });

  it('given the plan amended, when the old due day is checked: nothing, that instalment is no longer owed', () => {
    const amended = ev('PaymentPlanAmended', {
      instalments: [
        { dueOn: '2026-06-30', amountFen: 200_000 },
        { dueOn: '2026-07-31', amountFen: 400_000 },
      ],
      totalFen: 600_000,
      previous: plan.data.instalments,
      reason: '用人单位申请延期，双方同意',
      amendedAt: noon('2026-04-20'),
    });
    spec.given([opened, plan, amended]).when(first('2026-05-08')).then([]);
    spec.given([opened, plan, amended]).when(check('instalment', '2026-06-30', '2026-07-08')).then([
      ev('InstalmentMissed', { number: 1, dueOn: '2026-06-30', amountFen: 200_000, coveredFen: 0, graceDays: 7, lastDay: '2026-07-07', daysOver: 8, responsibleId: wang.staffId, policyRevision: -1 }),
    ]);
  });

  it('covers the plan in due-day order: what the first instalment does not need goes to the next', () => {
    const given = [opened, plan, receipt('r-1', 250_000, '2026-04-20')];
    spec.given(given).when(first('2026-05-08')).then([]);
    spec.given(given).when(check('instalment', '2026-05-31', '2026-06-08')).then([
      ev('InstalmentMissed', { number: 2, dueOn: '2026-05-31', amountFen: 400_000, coveredFen: 50_000, graceDays: 7, lastDay: '2026-06-07', daysOver: 8, responsibleId: wang.staffId, policyRevision: -1 }),
    ]);
  });

  it('follows the policy in force: a grace of 3 days, warned a week before', () => {
    const p: DeadlinePolicies = { ...DEFAULT_POLICIES, instalment: { graceDays: 3, warnDaysBefore: 7 }, revision: 2 };
    spec.given([opened, plan]).when(first('2026-04-23', p)).then([
      ev('InstalmentDueWarned', { number: 1, dueOn: '2026-04-30', amountFen: 200_000, coveredFen: 0, warnOn: '2026-04-23', daysLeft: 7, responsibleId: wang.staffId, policyRevision: 2 }),
    ]);
    spec.given([opened, plan]).when(first('2026-05-04', p)).then([
      ev('InstalmentMissed', { number: 1, dueOn: '2026-04-30', amountFen: 200_000, coveredFen: 0, graceDays: 3, lastDay: '2026-05-03', daysOver: 4, responsibleId: wang.staffId, policyRevision: 2 }),
    ]);
  });

  it('records nothing on a closed case, before any plan, or without a ledger; only the system checks', () => {
    spec.given([opened, plan]).when(check('instalment', '2026-04-30', '2026-05-08', DEFAULT_POLICIES, system, 'closed')).then([]);
    spec.given([opened]).when(first('2026-05-08')).then([]);
    spec.given([]).when(first('2026-05-08')).then([]);
    spec.given([opened, plan]).when(check('instalment', '2026-04-30', '2026-05-08', DEFAULT_POLICIES, liu)).thenThrows('SYSTEM_ONLY');
  });

  it('stands on the board as due soon from the warning day through the grace, overdue after it, days over counted from the due day', () => {
    const facts = recoveryClockFacts(spec.given([opened, plan]).state as RecoveryLedger);
    const at = (today: string) => itemStanding(instalmentDeadlines(facts, DEFAULT_POLICIES, today, false)[0]!, today);
    expect(at('2026-04-26')).toEqual({ state: 'upcoming', daysLeft: 4, daysOver: 0 });
    expect(at('2026-04-27')).toEqual({ state: 'due_soon', daysLeft: 3, daysOver: 0 });
    expect(at('2026-05-07')).toEqual({ state: 'due_soon', daysLeft: -7, daysOver: 0 });
    expect(at('2026-05-10')).toEqual({ state: 'overdue', daysLeft: -10, daysOver: 10 });
    const paid = recoveryClockFacts(spec.given([opened, plan, receipt('r-1', 200_000, '2026-04-29')]).state as RecoveryLedger);
    expect(itemStanding(instalmentDeadlines(paid, DEFAULT_POLICIES, '2026-05-10', false)[0]!, '2026-05-10').state).toBe('met');
    expect(itemPendingNotices(instalmentDeadlines(paid, DEFAULT_POLICIES, '2026-04-29', false)[0]!, [])).toEqual([]);
  });

  it('reads in the recovery’s history in Chinese and English', () => {
    const names = { staffName: () => '王芳' };
    expect(describeRecoveryEvent(missedFirst(150_000, 8), 'zh', names)).toBe('系统记录：第1期分期款2,000.00元于2026-04-30到期，宽限7日后仍未足额支付（已付1,500.00元，逾期8天，承办调解员：王芳）');
    expect(describeRecoveryEvent(missedFirst(150_000, 8), 'en', { staffName: () => 'Wang Fang' })).toBe(
      'Recorded by the system: instalment 1 of ¥2,000.00 due on 2026-04-30 was not paid in full within the 7-day grace (¥1,500.00 paid; 8 days over; mediator: Wang Fang)',
    );
    expect(describeRecoveryEvent(warnedFirst, 'zh', names)).toBe('系统提醒：第1期分期款2,000.00元将于2026-04-30到期（还剩3天；承办调解员：王芳）');
  });
});

describe('a write-off waiting for a supervisor', () => {
  const writeOff = (now: string) => check('write_off_approval', 'wo-1', now);
  const warned = ev('WriteOffApprovalWarned', { writeOffId: 'wo-1', claimantId: 'c-3', amountFen: 100_000, requestedOn: '2026-05-10', dueOn: '2026-05-15', daysLeft: 1, responsibleRole: 'supervisor', policyRevision: -1 });
  const missed = ev('WriteOffApprovalMissed', { writeOffId: 'wo-1', claimantId: 'c-3', amountFen: 100_000, requestedOn: '2026-05-10', dueOn: '2026-05-15', daysOver: 1, responsibleRole: 'supervisor', policyRevision: -1 });

  it('given it undecided, when checked: warned the day before its fifth day, missed after it, each once, on the recovery', () => {
    const given = [opened, plan, writeOffRequested];
    spec.given(given).when(writeOff('2026-05-13')).then([]);
    spec.given(given).when(writeOff('2026-05-14')).then([warned]);
    spec.given([...given, warned]).when(writeOff('2026-05-15')).then([]);
    spec.given([...given, warned]).when(writeOff('2026-05-16')).then([missed]);
    spec.given([...given, warned, missed]).when(writeOff('2026-05-18')).then([]);
  });

  it('given it approved or rejected in time, when checked: nothing', () => {
    const approved = ev('WriteOffApproved', { writeOffId: 'wo-1', claimantId: 'c-3', amountFen: 100_000, approvedBy: liu.staffId, approvedAt: noon('2026-05-12') });
    const rejected = ev('WriteOffRejected', { writeOffId: 'wo-1', claimantId: 'c-3', reason: '尚未穷尽追偿手段', rejectedBy: liu.staffId, rejectedAt: noon('2026-05-15') });
    spec.given([opened, plan, writeOffRequested, approved]).when(writeOff('2026-05-16')).then([]);
    spec.given([opened, plan, writeOffRequested, rejected]).when(writeOff('2026-05-16')).then([]);
  });

  it('reads in the history in Chinese and English, naming the supervisors as the ones who decide', () => {
    const names = { claimantName: () => '王淑芬' };
    expect(describeRecoveryEvent(missed, 'zh', names)).toBe('系统记录：2026-05-10提出的核销王淑芬1,000.00元的申请至2026-05-15仍未审批（逾期1天，待主管审批）');
    expect(describeRecoveryEvent(missed, 'en', names)).toBe(
      'Recorded by the system: the write-off of ¥1,000.00 for 王淑芬 requested on 2026-05-10 was still undecided on 2026-05-15 (1 day over; a supervisor decides)',
    );
  });
});

describe('instalments under an amended agreement (the plan not amended yet)', () => {
  const rebased = (totalOwedFen: number) =>
    ev('OwedRebased', {
      agreementId: 'a-2',
      previousAgreementId: 'a-1',
      reason: '协商变更',
      owed: [
        { claimantId: 'c-1', workerId: 'w-1', name: '张秀英', owedFen: totalOwedFen },
        { claimantId: 'c-2', workerId: 'w-2', name: '李建国', owedFen: 0 },
        { claimantId: 'c-3', workerId: null, name: '王淑芬', owedFen: 0 },
      ],
      previousTotalFen: 600_000,
      totalOwedFen,
      rebasedAt: noon('2026-04-20'),
    });

  it('given the agreement lowered to 2,000 yuan and 2,000 received, when the second instalment falls due, then it is no deadline: nothing is recorded', () => {
    const history = [opened, plan, receipt('r-1', 200_000, '2026-04-10'), rebased(200_000)];
    spec.given(history).when(check('instalment', '2026-05-31', '2026-06-20')).then([]);
    const facts = recoveryClockFacts(spec.given(history).state as RecoveryLedger);
    expect(instalmentDeadlines(facts, DEFAULT_POLICIES, '2026-06-20', false).map((d) => d.itemId)).toEqual(['2026-04-30']);
  });

  it('given the agreement lowered to 3,000 yuan, when the second instalment is missed, then it was due for the 1,000 yuan within the agreement', () => {
    const history = [opened, plan, receipt('r-1', 200_000, '2026-04-10'), rebased(300_000)];
    spec.given(history).when(check('instalment', '2026-05-31', '2026-06-20')).then([
      ev('InstalmentMissed', { number: 2, dueOn: '2026-05-31', amountFen: 100_000, coveredFen: 0, graceDays: 7, lastDay: '2026-06-07', daysOver: 20, responsibleId: wang.staffId, policyRevision: -1 }),
    ]);
  });

  it('the clock the read model folds follows the re-base as the ledger does', () => {
    const history: RecoveryEvent[] = [opened, plan, receipt('r-1', 200_000, '2026-04-10'), rebased(300_000)];
    let clock: RecoveryClock | null = null;
    history.forEach((e, i) => (clock = evolveRecoveryClock(clock, e, `ev-${i}`)));
    expect(clock!.facts).toEqual(recoveryClockFacts(spec.given(history).state as RecoveryLedger));
    expect(clock!.facts.owedFen).toBe(300_000);
  });
});

describe('the recovery clock the read model folds', () => {
  it('holds the same facts as the ledger the decider folds, whatever happened, and names each deadline by the event that started it', () => {
    const history: RecoveryEvent[] = [
      opened,
      plan,
      receipt('r-1', 150_000, '2026-04-29'),
      writeOffRequested,
      missedFirst(150_000, 8),
      ev('PaymentPlanAmended', { instalments: [{ dueOn: '2026-06-30', amountFen: 450_000 }, { dueOn: '2026-06-15', amountFen: 0 }], totalFen: 450_000, previous: plan.data.instalments, reason: '重新协商', amendedAt: noon('2026-05-20') }),
      ev('WriteOffApproved', { writeOffId: 'wo-1', claimantId: 'c-3', amountFen: 100_000, approvedBy: liu.staffId, approvedAt: noon('2026-05-21') }),
      receipt('r-2', 50_000, '2026-05-25'),
    ];
    let clock: RecoveryClock | null = null;
    history.forEach((e, i) => (clock = evolveRecoveryClock(clock, e, `ev-${i}`)));
    const ledger = spec.given(history).state as RecoveryLedger;
    expect(clock!.facts).toEqual(recoveryClockFacts(ledger));
    expect(clock!.notices).toEqual(ledger.deadlineNotices);
    expect(clock!.causes).toEqual({ plan: 'ev-5', writeOffs: { 'wo-1': 'ev-3' } });
  });
});
