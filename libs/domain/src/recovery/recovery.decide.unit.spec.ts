import { deciderSpec } from '../shared/decider-spec.js';
import type { Actor, CommandContext } from '../shared/messages.js';
import { ledgerUnderAgreement, recoveryDecider, type RecoveryCaseFacts, type RecoveryCommand } from './recovery.decide.js';
import { recoveryStreamName, recoveryTotals, type RecoveryEvent, type RecoveryLedger } from './recovery.events.js';
import { heldMoney, instalmentStates } from './recovery.views.js';

const CASE = 'case-1';
/** 30 June 2026, 10:00 in Beijing. */
const NOW = '2026-06-30T02:00:00.000Z';
const wang: Actor = { staffId: 'staff-wang', role: 'mediator' };
const zhao: Actor = { staffId: 'staff-zhao', role: 'mediator' };
const liu: Actor = { staffId: 'staff-liu', role: 'supervisor' };
const chen: Actor = { staffId: 'staff-chen', role: 'supervisor' };
const auditor: Actor = { staffId: 'staff-audit', role: 'auditor' };

const spec = deciderSpec(recoveryDecider);

type CommandType = RecoveryCommand['type'];
type CommandOf<T extends CommandType> = Extract<RecoveryCommand, { type: T }>;
type EventOf<T extends RecoveryEvent['type']> = Extract<RecoveryEvent, { type: T }>;

/** Three workers owed 3,000.00, 2,000.00 and 1,000.00 yuan under agreement a-1; Wang mediates. */
function facts(over: Partial<RecoveryCaseFacts> = {}): RecoveryCaseFacts {
  return {
    caseId: CASE,
    status: 'accepted',
    receivedAt: '2026-03-01',
    mediatorId: wang.staffId,
    claimants: [
      { claimantId: 'c-1', workerId: 'w-1', name: '张秀英' },
      { claimantId: 'c-2', workerId: 'w-2', name: '李建国' },
      { claimantId: 'c-3', workerId: null, name: '王淑芬' },
    ],
    agreement: {
      agreementId: 'a-1',
      amounts: [
        { claimantId: 'c-1', amountFen: 300_000 },
        { claimantId: 'c-2', amountFen: 200_000 },
        { claimantId: 'c-3', amountFen: 100_000 },
      ],
    },
    ...over,
  };
}

function cmd<T extends CommandType>(
  type: T,
  data: Omit<CommandOf<T>['data'], 'caseId' | 'case'>,
  actor: Actor = wang,
  caseFacts: RecoveryCaseFacts | null = facts(),
): CommandOf<T> {
  const ctx: CommandContext = { actor, now: NOW };
  return { type, ctx, data: { caseId: CASE, case: caseFacts, ...data } } as unknown as CommandOf<T>;
}
function ev<T extends RecoveryEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'caseId'>): EventOf<T> {
  return { type, data: { caseId: CASE, ...data } } as unknown as EventOf<T>;
}

const opened = ev('RecoveryOpened', {
  agreementId: 'a-1',
  workers: [
    { claimantId: 'c-1', workerId: 'w-1', name: '张秀英', owedFen: 300_000 },
    { claimantId: 'c-2', workerId: 'w-2', name: '李建国', owedFen: 200_000 },
    { claimantId: 'c-3', workerId: null, name: '王淑芬', owedFen: 100_000 },
  ],
  totalOwedFen: 600_000,
  openedAt: NOW,
});
const receipt = (receiptId: string, amountFen: number, allocations: { claimantId: string; amountFen: number }[], receivedOn = '2026-06-01') =>
  ev('ReceiptRecorded', {
    receiptId,
    amountFen,
    receivedOn,
    channel: 'bank_transfer',
    receiptNo: `R-${receiptId}`,
    allocation: 'pro_rata',
    allocations,
    recordedAt: NOW,
  });
const firstReceipt = receipt('r-1', 60_000, [
  { claimantId: 'c-1', amountFen: 30_000 },
  { claimantId: 'c-2', amountFen: 20_000 },
  { claimantId: 'c-3', amountFen: 10_000 },
]);
const payout = (payoutId: string, claimantId: string, amountFen: number, fromHeldFen = 0) =>
  ev('PayoutRecorded', { payoutId, claimantId, amountFen, fromHeldFen, paidOn: '2026-06-02', method: 'bank_transfer', reference: `T-${payoutId}`, recordedAt: NOW });
const held = ev('MoneyHeld', { holdId: 'h-1', claimantId: 'c-3', amountFen: 10_000, heldOn: '2026-03-01', reason: '联系不上', recordedAt: NOW });

const ledgerAfter = (events: RecoveryEvent[]) => spec.given(events).state as RecoveryLedger;

describe('recovery ledger', () => {
  it('lives in its own stream per case', () => {
    expect(recoveryStreamName(CASE)).toBe('recovery-case-1');
  });

  describe('opening from the agreement', () => {
    it('the first command opens the ledger with what each claimant is owed, then does its own work', () => {
      const plan = [{ dueOn: '2026-07-31', amountFen: 600_000 }];
      spec.given([]).when(cmd('SetPaymentPlan', { instalments: plan })).then([
        opened,
        ev('PaymentPlanSet', { instalments: plan, totalFen: 600_000, setAt: NOW }),
      ]);
    });

    it('AGREEMENT_NOT_REACHED: no ledger before the agreement', () => {
      spec.given([]).when(cmd('SetPaymentPlan', { instalments: [] }, wang, facts({ agreement: null }))).thenThrows('AGREEMENT_NOT_REACHED');
    });

    it('an amended agreement re-bases what each worker is owed, with the amendment’s reason', () => {
      const amended = facts({
        agreement: {
          agreementId: 'a-2',
          amends: { agreementId: 'a-1', reason: '公司破产，协议金额下调' },
          amounts: [
            { claimantId: 'c-1', amountFen: 150_000 },
            { claimantId: 'c-2', amountFen: 100_000 },
            { claimantId: 'c-3', amountFen: 50_000 },
          ],
        },
      });
      const events = spec.given([opened, firstReceipt]).when(
        cmd('RecordPayout', { payoutId: 'p-1', claimantId: 'c-1', amountFen: 30_000, paidOn: '2026-06-02', method: 'bank_transfer', reference: 'T-p-1' }, wang, amended),
      ).then([
        ev('OwedRebased', {
          agreementId: 'a-2',
          previousAgreementId: 'a-1',
          reason: '公司破产，协议金额下调',
          owed: [
            { claimantId: 'c-1', workerId: 'w-1', name: '张秀英', owedFen: 150_000 },
            { claimantId: 'c-2', workerId: 'w-2', name: '李建国', owedFen: 100_000 },
            { claimantId: 'c-3', workerId: null, name: '王淑芬', owedFen: 50_000 },
          ],
          previousTotalFen: 600_000,
          totalOwedFen: 300_000,
          rebasedAt: NOW,
        }),
        payout('p-1', 'c-1', 30_000),
      ]);
      const ledger = ledgerAfter([opened, firstReceipt, ...events]);
      expect(recoveryTotals(ledger)).toMatchObject({ owedFen: 300_000, receivedFen: 60_000, paidFen: 30_000, outstandingFen: 240_000 });
    });

    it('AGREEMENT_BELOW_RECOVERED: an amendment cannot owe a worker less than was already received for them', () => {
      const amended = facts({
        agreement: { agreementId: 'a-2', amends: { agreementId: 'a-1', reason: '下调' }, amounts: [
          { claimantId: 'c-1', amountFen: 10_000 },
          { claimantId: 'c-2', amountFen: 200_000 },
          { claimantId: 'c-3', amountFen: 100_000 },
        ] },
      });
      spec.given([opened, firstReceipt]).when(cmd('HoldMoney', { holdId: 'h-1', claimantId: 'c-1', reason: 'x' }, wang, amended)).thenThrows('AGREEMENT_BELOW_RECOVERED');
    });
  });

  describe('following an amended agreement as soon as it is recorded (FollowAgreement)', () => {
    const paidFirst = [opened, firstReceipt, payout('p-1', 'c-1', 30_000), payout('p-2', 'c-2', 20_000), payout('p-3', 'c-3', 10_000)];
    /** Settles for what was already received and paid: 300.00, 200.00 and 100.00 yuan. */
    const settledFor = (amounts: [number, number, number], agreementId = 'a-2') =>
      facts({
        agreement: {
          agreementId,
          amends: { agreementId: 'a-1', reason: '经协商按已付金额结清' },
          amounts: amounts.map((amountFen, i) => ({ claimantId: `c-${i + 1}`, amountFen })),
        },
      });
    const follow = (caseFacts: RecoveryCaseFacts | null) => cmd('FollowAgreement', {}, wang, caseFacts);
    const rebased = (owed: [number, number, number]) =>
      ev('OwedRebased', {
        agreementId: 'a-2',
        previousAgreementId: 'a-1',
        reason: '经协商按已付金额结清',
        owed: [
          { claimantId: 'c-1', workerId: 'w-1', name: '张秀英', owedFen: owed[0] },
          { claimantId: 'c-2', workerId: 'w-2', name: '李建国', owedFen: owed[1] },
          { claimantId: 'c-3', workerId: null, name: '王淑芬', owedFen: owed[2] },
        ],
        previousTotalFen: 600_000,
        totalOwedFen: owed[0] + owed[1] + owed[2],
        rebasedAt: NOW,
      });

    it('given everyone paid what the amendment settles for, when the amendment is followed, then the ledger re-bases and completes', () => {
      const events = spec.given(paidFirst).when(follow(settledFor([30_000, 20_000, 10_000]))).then([
        rebased([30_000, 20_000, 10_000]),
        ev('RecoveryCompleted', { totalOwedFen: 60_000, paidFen: 60_000, writtenOffFen: 0, completedAt: NOW }),
      ]);
      const ledger = ledgerAfter([...paidFirst, ...events]);
      expect(ledger).toMatchObject({ status: 'complete', agreementId: 'a-2' });
      expect(recoveryTotals(ledger)).toMatchObject({ owedFen: 60_000, paidFen: 60_000, outstandingFen: 0 });
    });

    it('given money still owed under the amendment, when it is followed, then only the re-base (still recovering)', () => {
      const events = spec.given(paidFirst).when(follow(settledFor([150_000, 20_000, 10_000]))).then([rebased([150_000, 20_000, 10_000])]);
      expect(ledgerAfter([...paidFirst, ...events]).status).toBe('recovering');
    });

    it('given a complete ledger, when an amendment owes more, then it reopens', () => {
      const completed = ev('RecoveryCompleted', { totalOwedFen: 60_000, paidFen: 60_000, writtenOffFen: 0, completedAt: NOW });
      const done = [...paidFirst, rebased([30_000, 20_000, 10_000]), completed];
      const more = facts({ agreement: { agreementId: 'a-3', amends: { agreementId: 'a-2', reason: '补足' }, amounts: [{ claimantId: 'c-1', amountFen: 40_000 }, { claimantId: 'c-2', amountFen: 20_000 }, { claimantId: 'c-3', amountFen: 10_000 }] } });
      const events = spec.given(done).when(follow(more)).then([
        ev('OwedRebased', {
          agreementId: 'a-3',
          previousAgreementId: 'a-2',
          reason: '补足',
          owed: [
            { claimantId: 'c-1', workerId: 'w-1', name: '张秀英', owedFen: 40_000 },
            { claimantId: 'c-2', workerId: 'w-2', name: '李建国', owedFen: 20_000 },
            { claimantId: 'c-3', workerId: null, name: '王淑芬', owedFen: 10_000 },
          ],
          previousTotalFen: 60_000,
          totalOwedFen: 70_000,
          rebasedAt: NOW,
        }),
      ]);
      expect(ledgerAfter([...done, ...events]).status).toBe('recovering');
    });

    it('given the ledger already follows the agreement in force, or has not started, when it is followed, then nothing is recorded (safe to send again)', () => {
      spec.given(paidFirst).when(follow(facts())).then([]);
      spec.given([...paidFirst, rebased([30_000, 20_000, 10_000])]).when(follow(settledFor([30_000, 20_000, 10_000]))).then([]);
      spec.given([]).when(follow(settledFor([30_000, 20_000, 10_000]))).then([]);
      spec.given(paidFirst).when(follow(facts({ agreement: null }))).then([]);
    });

    it('AGREEMENT_BELOW_RECOVERED: the amendment may not owe a worker less than was received for them; CASE_NOT_FOUND without the case', () => {
      spec.given(paidFirst).when(follow(settledFor([29_999, 20_000, 10_000]))).thenThrows('AGREEMENT_BELOW_RECOVERED');
      spec.given(paidFirst).when(follow(null)).thenThrows('CASE_NOT_FOUND');
    });

    it('ledgerUnderAgreement: the ledger as re-based on the agreement in force, without recording anything (what the outcome reads)', () => {
      const state = spec.given(paidFirst).state;
      expect(ledgerUnderAgreement(state, settledFor([30_000, 20_000, 10_000]), { actor: wang, now: NOW })).toMatchObject({ status: 'complete', agreementId: 'a-2' });
      expect(ledgerUnderAgreement(state, facts(), { actor: wang, now: NOW })).toMatchObject({ status: 'recovering', agreementId: 'a-1' });
      expect(ledgerUnderAgreement(spec.given([]).state, facts(), { actor: wang, now: NOW })).toEqual({ status: 'not_started' });
    });

    it('WRITE_OFF_ABOVE_OUTSTANDING: when nothing is outstanding, it says so plainly', () => {
      const error = spec.given(paidFirst).when(cmd('RequestWriteOff', { writeOffId: 'o-1', claimantId: 'c-1', reason: '尾差' }, wang, settledFor([30_000, 20_000, 10_000]))).thenThrows('WRITE_OFF_ABOVE_OUTSTANDING');
      expect(error.messages.zh).toBe('张秀英已无尚欠金额，无可核销。');
      expect(error.messages.en).toBe('Nothing is outstanding for 张秀英: there is nothing to write off.');
    });
  });

  describe('the payment plan', () => {
    it('PLAN_TOTAL_MISMATCH: the instalments add up to what the workers are owed', () => {
      const error = spec.given([opened]).when(cmd('SetPaymentPlan', { instalments: [{ dueOn: '2026-07-31', amountFen: 500_000 }] })).thenThrows('PLAN_TOTAL_MISMATCH');
      expect(error.messages.zh).toContain('6,000.00元');
      expect(error.messages.en).toContain('¥5,000.00');
    });

    it('a change is an amendment with its reason; sending the same plan again records nothing', () => {
      const plan = [
        { dueOn: '2026-07-31', amountFen: 300_000 },
        { dueOn: '2026-08-31', amountFen: 300_000 },
      ];
      const set = ev('PaymentPlanSet', { instalments: plan, totalFen: 600_000, setAt: NOW });
      spec.given([opened, set]).when(cmd('SetPaymentPlan', { instalments: [...plan].reverse() })).then([]);
      const changed = [{ dueOn: '2026-09-30', amountFen: 600_000 }];
      spec.given([opened, set]).when(cmd('SetPaymentPlan', { instalments: changed })).thenThrows('REASON_REQUIRED');
      spec.given([opened, set]).when(cmd('SetPaymentPlan', { instalments: changed, reason: '企业申请延期' })).then([
        ev('PaymentPlanAmended', { instalments: changed, totalFen: 600_000, previous: plan, reason: '企业申请延期', amendedAt: NOW }),
      ]);
    });

    it('DATE_IMPLAUSIBLE: a due date more than ten years away', () => {
      spec.given([opened]).when(cmd('SetPaymentPlan', { instalments: [{ dueOn: '2040-01-01', amountFen: 600_000 }] })).thenThrows('DATE_IMPLAUSIBLE');
    });

    it('instalment states as of any day: paid, partly paid, due, late', () => {
      const plan = ev('PaymentPlanSet', {
        instalments: [
          { dueOn: '2026-05-31', amountFen: 100_000 },
          { dueOn: '2026-06-30', amountFen: 200_000 },
          { dueOn: '2026-07-31', amountFen: 300_000 },
        ],
        totalFen: 600_000,
        setAt: NOW,
      });
      const ledger = ledgerAfter([opened, plan, receipt('r-1', 150_000, [{ claimantId: 'c-1', amountFen: 150_000 }], '2026-06-10')]);
      expect(instalmentStates(ledger, '2026-06-01').map((i) => i.status)).toEqual(['late', 'due', 'due']);
      expect(instalmentStates(ledger, '2026-06-15').map((i) => [i.status, i.coveredFen])).toEqual([
        ['paid', 100_000],
        ['partly_paid', 50_000],
        ['due', 0],
      ]);
      expect(instalmentStates(ledger, '2026-07-01').map((i) => i.status)).toEqual(['paid', 'late', 'due']);
    });
  });

  describe('receipts', () => {
    it('allocated pro rata to what each still has outstanding, to the fen (largest remainder)', () => {
      const events = spec.given([opened]).when(
        cmd('RecordReceipt', { receiptId: 'r-1', amountFen: 100_001, receivedOn: '2026-06-01', channel: 'wage_guarantee_fund', receiptNo: 'No.1' }),
      ).then([
        ev('ReceiptRecorded', {
          receiptId: 'r-1',
          amountFen: 100_001,
          receivedOn: '2026-06-01',
          channel: 'wage_guarantee_fund',
          receiptNo: 'No.1',
          allocation: 'pro_rata',
          allocations: [
            // 50,000.5 / 33,333.67 / 16,666.83: the two odd fen go to the largest remainders.
            { claimantId: 'c-1', amountFen: 50_000 },
            { claimantId: 'c-2', amountFen: 33_334 },
            { claimantId: 'c-3', amountFen: 16_667 },
          ],
          recordedAt: NOW,
        }),
      ]);
      expect(recoveryTotals(ledgerAfter([opened, ...events]))).toMatchObject({ receivedFen: 100_001, allocatedUnpaidFen: 100_001, outstandingFen: 499_999 });
    });

    it('pro rata follows what is still outstanding, not what was owed', () => {
      const events = spec.given([opened, receipt('r-1', 300_000, [{ claimantId: 'c-1', amountFen: 300_000 }])]).when(
        cmd('RecordReceipt', { receiptId: 'r-2', amountFen: 30_000, receivedOn: '2026-06-01', channel: 'cash', receiptNo: 'No.2' }),
      ).then([
        ev('ReceiptRecorded', {
          receiptId: 'r-2', amountFen: 30_000, receivedOn: '2026-06-01', channel: 'cash', receiptNo: 'No.2', allocation: 'pro_rata',
          allocations: [{ claimantId: 'c-2', amountFen: 20_000 }, { claimantId: 'c-3', amountFen: 10_000 }],
          recordedAt: NOW,
        }),
      ]);
      expect(events).toHaveLength(1);
    });

    it('explicit allocations: they add up to the receipt, each within what the worker still has outstanding', () => {
      const given = spec.given([opened]);
      const explicit = (allocations: { claimantId: string; amountFen: number }[], amountFen = 50_000) =>
        cmd('RecordReceipt', { receiptId: 'r-1', amountFen, receivedOn: '2026-06-01', channel: 'court_enforcement', receiptNo: 'No.1', allocations });
      given.when(explicit([{ claimantId: 'c-1', amountFen: 40_000 }])).thenThrows('ALLOCATION_SUM_MISMATCH');
      given.when(explicit([{ claimantId: 'c-9', amountFen: 50_000 }])).thenThrows('CLAIMANT_NOT_IN_RECOVERY');
      given.when(explicit([{ claimantId: 'c-3', amountFen: 25_000 }, { claimantId: 'c-3', amountFen: 25_000 }])).thenThrows('ALLOCATION_DUPLICATED');
      given.when(explicit([{ claimantId: 'c-3', amountFen: 150_000 }], 150_000)).thenThrows('ALLOCATION_ABOVE_OUTSTANDING');
      const [recorded] = given.when(explicit([{ claimantId: 'c-3', amountFen: 20_000 }, { claimantId: 'c-1', amountFen: 30_000 }])).then([
        ev('ReceiptRecorded', {
          receiptId: 'r-1', amountFen: 50_000, receivedOn: '2026-06-01', channel: 'court_enforcement', receiptNo: 'No.1', allocation: 'explicit',
          allocations: [{ claimantId: 'c-1', amountFen: 30_000 }, { claimantId: 'c-3', amountFen: 20_000 }],
          recordedAt: NOW,
        }),
      ]);
      expect(recorded!.type).toBe('ReceiptRecorded');
    });

    it('RECEIPT_ABOVE_OUTSTANDING: more than the employer still owes is refused, in both languages', () => {
      const error = spec.given([opened, firstReceipt]).when(
        cmd('RecordReceipt', { receiptId: 'r-2', amountFen: 540_001, receivedOn: '2026-06-01', channel: 'bank_transfer', receiptNo: 'No.2' }),
      ).thenThrows('RECEIPT_ABOVE_OUTSTANDING');
      expect(error.messages.zh).toBe('本次来款5,400.01元超过用人单位尚欠金额（5,400.00元）。');
      expect(error.messages.en).toBe('The receipt of ¥5,400.01 is more than the employer still owes (¥5,400.00).');
    });

    it('the same receipt id again records nothing; the same receipt number under a new id is refused', () => {
      const again = cmd('RecordReceipt', { receiptId: 'r-1', amountFen: 60_000, receivedOn: '2026-06-01', channel: 'bank_transfer', receiptNo: 'R-r-1' });
      spec.given([opened, firstReceipt]).when(again).then([]);
      spec.given([opened, firstReceipt]).when({ ...again, data: { ...again.data, receiptId: 'r-9' } }).thenThrows('RECEIPT_NO_DUPLICATED');
    });

    it('DATE_IMPLAUSIBLE: money cannot be received tomorrow; CHOICE_INVALID: an unknown channel', () => {
      spec.given([opened]).when(cmd('RecordReceipt', { receiptId: 'r-1', amountFen: 1, receivedOn: '2026-07-01', channel: 'cash', receiptNo: 'x' })).thenThrows('DATE_IMPLAUSIBLE');
      spec.given([opened]).when(cmd('RecordReceipt', { receiptId: 'r-1', amountFen: 1, receivedOn: '2026-06-01', channel: 'alipay' as never, receiptNo: 'x' })).thenThrows('CHOICE_INVALID');
      spec.given([opened]).when(cmd('RecordReceipt', { receiptId: 'r-1', amountFen: 0, receivedOn: '2026-06-01', channel: 'cash', receiptNo: 'x' })).thenThrows('AMOUNT_NOT_POSITIVE');
      spec.given([opened]).when(cmd('RecordReceipt', { receiptId: 'r-1', amountFen: 1.5, receivedOn: '2026-06-01', channel: 'cash', receiptNo: 'x' })).thenThrows('AMOUNT_INVALID');
    });
  });

  describe('dates of money received and paid (not before the application; a payout not before its money)', () => {
    const receiptOn = (receivedOn: string, caseFacts = facts()) =>
      cmd('RecordReceipt', { receiptId: 'r-9', amountFen: 60_000, receivedOn, channel: 'bank_transfer', receiptNo: 'No.9' }, wang, caseFacts);
    const payoutOn = (paidOn: string, amountFen = 30_000, payoutId = 'p-9') =>
      cmd('RecordPayout', { payoutId, claimantId: 'c-1', amountFen, paidOn, method: 'bank_transfer', reference: `T-${payoutId}` });

    it('given a case received on 1 March, when money is received on 28 February, then DATE_IMPLAUSIBLE before_application in details.reason', () => {
      const error = spec.given([opened]).when(receiptOn('2026-02-28')).thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toEqual({ field: 'receivedOn', value: '2026-02-28', reason: 'before_application', limit: '2026-03-01' });
      expect(error.messages.zh).toBe('到账日期 2026-02-28 早于收到申请的日期（2026-03-01）。');
      expect(error.messages.en).toBe('The date received 2026-02-28 is before the application was received (2026-03-01).');
      expect(recoveryDecider.decide(receiptOn('2026-03-01'), spec.given([opened]).state)).toHaveLength(1);
    });

    it('given an application received at 23:30 UTC (the next day in Beijing), when money is received on the UTC day, then before_application (Beijing days)', () => {
      const error = spec.given([opened]).when(receiptOn('2026-03-01', facts({ receivedAt: '2026-03-01T23:30:00Z' }))).thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toMatchObject({ reason: 'before_application', limit: '2026-03-02 07:30' });
    });

    it('given money received, when money is held back on a day before the application, then DATE_IMPLAUSIBLE before_application', () => {
      const error = spec.given([opened, firstReceipt]).when(cmd('HoldMoney', { holdId: 'h-9', claimantId: 'c-3', heldOn: '2026-02-27', reason: '联系不上' })).thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toMatchObject({ field: 'heldOn', value: '2026-02-27', reason: 'before_application' });
    });

    it('given money received, when a payout is dated before the application, then DATE_IMPLAUSIBLE before_application', () => {
      const error = spec.given([opened, firstReceipt]).when(payoutOn('2026-02-01')).thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toMatchObject({ field: 'paidOn', value: '2026-02-01', reason: 'before_application' });
    });

    it('given the worker’s money received on 1 June, when they are paid on 31 May, then DATE_IMPLAUSIBLE before_receipt with the first day it could be paid', () => {
      const error = spec.given([opened, firstReceipt]).when(payoutOn('2026-05-31')).thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toEqual({ field: 'paidOn', value: '2026-05-31', reason: 'before_receipt', limit: '2026-06-01' });
      expect(error.messages.zh).toContain('最早可于2026-06-01发放');
      spec.given([opened, firstReceipt]).when(payoutOn('2026-06-01')).then([{ ...payout('p-9', 'c-1', 30_000), data: { ...payout('p-9', 'c-1', 30_000).data, paidOn: '2026-06-01' } }]);
    });

    it('given 10,000 fen for c-1 on 1 June and 20,000 more on 10 June, when 30,000 is paid on 5 June, then before_receipt (limit 10 June); 10,000 on 5 June is paid', () => {
      const early = receipt('r-1', 10_000, [{ claimantId: 'c-1', amountFen: 10_000 }], '2026-06-01');
      const late = receipt('r-2', 20_000, [{ claimantId: 'c-1', amountFen: 20_000 }], '2026-06-10');
      const error = spec.given([opened, early, late]).when(payoutOn('2026-06-05')).thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toMatchObject({ reason: 'before_receipt', limit: '2026-06-10' });
      expect(recoveryDecider.decide(payoutOn('2026-06-05', 10_000), spec.given([opened, early, late]).state)).toHaveLength(1);
    });

    it('given a payout on 15 June funded by the 1 June receipt, when an earlier payout would take that money first, then before_receipt', () => {
      const early = receipt('r-1', 10_000, [{ claimantId: 'c-1', amountFen: 10_000 }], '2026-06-01');
      const late = receipt('r-2', 10_000, [{ claimantId: 'c-1', amountFen: 10_000 }], '2026-06-20');
      const paidMid = { ...payout('p-1', 'c-1', 10_000), data: { ...payout('p-1', 'c-1', 10_000).data, paidOn: '2026-06-15' } };
      // On 5 June 10,000 had arrived, but the payout of 15 June would then have been paid before its money (20 June).
      const error = spec.given([opened, early, late, paidMid]).when(payoutOn('2026-06-05', 10_000)).thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toMatchObject({ reason: 'before_receipt', limit: '2026-06-20' });
      expect(recoveryDecider.decide(payoutOn('2026-06-20', 10_000), spec.given([opened, early, late, paidMid]).state)).toHaveLength(1);
    });

    it('given money received for another worker only, when c-1 is paid from money held for them, then the hold’s receipt day counts', () => {
      const forC1 = receipt('r-1', 10_000, [{ claimantId: 'c-1', amountFen: 10_000 }], '2026-06-01');
      const heldC1 = ev('MoneyHeld', { holdId: 'h-2', claimantId: 'c-1', amountFen: 10_000, heldOn: '2026-06-02', reason: '联系不上', recordedAt: NOW });
      expect(recoveryDecider.decide(payoutOn('2026-06-01', 10_000), spec.given([opened, forC1, heldC1]).state)).toHaveLength(1);
      spec.given([opened, forC1, heldC1]).when(payoutOn('2026-05-31', 10_000)).thenThrows('DATE_IMPLAUSIBLE');
    });
  });

  describe('entered amounts have the kernel’s ceiling (requireAmount)', () => {
    it('given an open ledger, when a receipt, a payout, a hold, a write-off, a plan or an allocation exceeds 1,000,000,000.00 yuan, then AMOUNT_INVALID implausible naming the field', () => {
      const huge = 100_000_000_001;
      const given = spec.given([opened, firstReceipt]);
      const cases: [RecoveryCommand, string][] = [
        [cmd('RecordReceipt', { receiptId: 'r-9', amountFen: huge, receivedOn: '2026-06-01', channel: 'cash', receiptNo: 'x' }), 'amountFen'],
        [cmd('RecordPayout', { payoutId: 'p-9', claimantId: 'c-1', amountFen: huge, paidOn: '2026-06-02', method: 'cash', reference: 'x' }), 'amountFen'],
        [cmd('HoldMoney', { holdId: 'h-9', claimantId: 'c-1', amountFen: huge, reason: 'x' }), 'amountFen'],
        [cmd('RequestWriteOff', { writeOffId: 'o-9', claimantId: 'c-1', amountFen: huge, reason: 'x' }), 'amountFen'],
        [cmd('SetPaymentPlan', { instalments: [{ dueOn: '2026-07-31', amountFen: huge }] }), 'instalments'],
        [cmd('RecordReceipt', { receiptId: 'r-9', amountFen: 1, receivedOn: '2026-06-01', channel: 'cash', receiptNo: 'x', allocations: [{ claimantId: 'c-1', amountFen: 1 }, { claimantId: 'c-2', amountFen: huge }] }), 'allocations[1].amountFen'],
      ];
      for (const [command, field] of cases) {
        const error = given.when(command).thenThrows('AMOUNT_INVALID');
        expect(error.details).toMatchObject({ field, reason: 'implausible', limit: 100_000_000_000 });
      }
    });
  });

  describe('payouts and held money', () => {
    const payoutCmd = (payoutId: string, claimantId: string, amountFen: number) =>
      cmd('RecordPayout', { payoutId, claimantId, amountFen, paidOn: '2026-06-02', method: 'bank_transfer', reference: `T-${payoutId}` });

    it('a worker is paid from what was allocated to them', () => {
      spec.given([opened, firstReceipt]).when(payoutCmd('p-1', 'c-1', 30_000)).then([payout('p-1', 'c-1', 30_000)]);
    });

    it('PAYOUT_ABOVE_ALLOCATED: never more than the worker’s allocated and unpaid money, said in both languages', () => {
      const error = spec.given([opened, firstReceipt, payout('p-1', 'c-1', 20_000)]).when(payoutCmd('p-2', 'c-1', 10_001)).thenThrows('PAYOUT_ABOVE_ALLOCATED');
      expect(error.messages.zh).toBe('张秀英最多可发放100.00元（已到账并分配给其、尚未发放的款项），100.01元超出该金额。');
      expect(error.messages.en).toContain('张秀英 can be paid at most ¥100.00');
      expect(error.details).toMatchObject({ claimantId: 'c-1', amountFen: 10_001, availableFen: 10_000 });
    });

    it('the same payout id again pays nothing more', () => {
      spec.given([opened, firstReceipt, payout('p-1', 'c-1', 30_000)]).when(payoutCmd('p-1', 'c-1', 30_000)).then([]);
    });

    it('money held for a worker who cannot be reached ages, and is paid out later', () => {
      spec.given([opened, firstReceipt]).when(cmd('HoldMoney', { holdId: 'h-1', claimantId: 'c-3', heldOn: '2026-03-01', reason: '联系不上' })).then([held]);
      const ledger = ledgerAfter([opened, firstReceipt, held]);
      expect(recoveryTotals(ledger)).toMatchObject({ heldFen: 10_000, allocatedUnpaidFen: 50_000 });
      expect(heldMoney(ledger, '2026-03-30').map((h) => h.age)).toEqual(['under_30_days']);
      expect(heldMoney(ledger, '2026-03-31').map((h) => h.age)).toEqual(['30_days']);
      expect(heldMoney(ledger, '2026-05-30').map((h) => h.age)).toEqual(['90_days']);
      expect(heldMoney(ledger, '2027-03-01').map((h) => h.age)).toEqual(['365_days']);
      spec.given([opened, firstReceipt, held]).when(payoutCmd('p-3', 'c-3', 10_000)).then([payout('p-3', 'c-3', 10_000, 10_000)]);
      expect(heldMoney(ledgerAfter([opened, firstReceipt, held, payout('p-3', 'c-3', 10_000, 10_000)]), '2026-06-30')).toEqual([]);
    });

    it('HOLD_ABOVE_ALLOCATED: only allocated, unpaid money can be held', () => {
      spec.given([opened, firstReceipt]).when(cmd('HoldMoney', { holdId: 'h-1', claimantId: 'c-3', amountFen: 10_001, reason: '联系不上' })).thenThrows('HOLD_ABOVE_ALLOCATED');
      spec.given([opened]).when(cmd('HoldMoney', { holdId: 'h-1', claimantId: 'c-3', reason: '联系不上' })).thenThrows('HOLD_ABOVE_ALLOCATED');
    });
  });

  describe('write-offs', () => {
    const requested = ev('WriteOffRequested', { writeOffId: 'o-1', claimantId: 'c-3', amountFen: 90_000, reason: '企业破产', requestedBy: liu.staffId, requestedAt: NOW });

    it('a mediator requests writing off a worker’s outstanding amount with a reason', () => {
      spec.given([opened, firstReceipt]).when(cmd('RequestWriteOff', { writeOffId: 'o-1', claimantId: 'c-3', reason: '企业破产' }, liu)).then([requested]);
      spec.given([opened, firstReceipt]).when(cmd('RequestWriteOff', { writeOffId: 'o-1', claimantId: 'c-3', reason: ' ' })).thenThrows('REASON_REQUIRED');
      spec.given([opened, firstReceipt]).when(cmd('RequestWriteOff', { writeOffId: 'o-1', claimantId: 'c-3', amountFen: 90_001, reason: 'x' })).thenThrows('WRITE_OFF_ABOVE_OUTSTANDING');
      spec.given([opened, firstReceipt, requested]).when(cmd('RequestWriteOff', { writeOffId: 'o-2', claimantId: 'c-3', reason: 'x' })).thenThrows('WRITE_OFF_PENDING');
    });

    it('a supervisor who is not the requester approves or rejects it', () => {
      const given = spec.given([opened, firstReceipt, requested]);
      given.when(cmd('ApproveWriteOff', { writeOffId: 'o-1' }, wang)).thenThrows('SUPERVISOR_ONLY');
      given.when(cmd('ApproveWriteOff', { writeOffId: 'o-1' }, liu)).thenThrows('WRITE_OFF_OWN_REQUEST');
      given.when(cmd('RejectWriteOff', { writeOffId: 'o-1', reason: 'x' }, liu)).thenThrows('WRITE_OFF_OWN_REQUEST');
      given.when(cmd('ApproveWriteOff', { writeOffId: 'o-9' }, chen)).thenThrows('WRITE_OFF_NOT_FOUND');
      const approved = ev('WriteOffApproved', { writeOffId: 'o-1', claimantId: 'c-3', amountFen: 90_000, approvedBy: chen.staffId, approvedAt: NOW });
      given.when(cmd('ApproveWriteOff', { writeOffId: 'o-1' }, chen)).then([approved]);
      given.when(cmd('RejectWriteOff', { writeOffId: 'o-1', reason: '仍可追回' }, chen)).then([
        ev('WriteOffRejected', { writeOffId: 'o-1', claimantId: 'c-3', reason: '仍可追回', rejectedBy: chen.staffId, rejectedAt: NOW }),
      ]);
      spec.given([opened, firstReceipt, requested, approved]).when(cmd('ApproveWriteOff', { writeOffId: 'o-1' }, chen)).then([]);
      spec.given([opened, firstReceipt, requested, approved]).when(cmd('RejectWriteOff', { writeOffId: 'o-1', reason: 'x' }, chen)).thenThrows('WRITE_OFF_DECIDED');
      expect(recoveryTotals(ledgerAfter([opened, firstReceipt, requested, approved]))).toMatchObject({ writtenOffFen: 90_000, outstandingFen: 450_000 });
    });
  });

  describe('completion', () => {
    it('is recorded when every worker has been paid or written off, and only then', () => {
      const all = receipt('r-1', 600_000, [
        { claimantId: 'c-1', amountFen: 300_000 },
        { claimantId: 'c-2', amountFen: 200_000 },
        { claimantId: 'c-3', amountFen: 100_000 },
      ]);
      const paid = [payout('p-1', 'c-1', 300_000), payout('p-2', 'c-2', 200_000)];
      expect(ledgerAfter([opened, all, ...paid]).status).toBe('recovering');
      spec.given([opened, all, ...paid]).when(
        cmd('RecordPayout', { payoutId: 'p-3', claimantId: 'c-3', amountFen: 100_000, paidOn: '2026-06-02', method: 'cash', reference: '签收单 7' }),
      ).then([
        ev('PayoutRecorded', { payoutId: 'p-3', claimantId: 'c-3', amountFen: 100_000, fromHeldFen: 0, paidOn: '2026-06-02', method: 'cash', reference: '签收单 7', recordedAt: NOW }),
        ev('RecoveryCompleted', { totalOwedFen: 600_000, paidFen: 600_000, writtenOffFen: 0, completedAt: NOW }),
      ]);
    });

    it('a write-off approved for the last outstanding money completes it too', () => {
      const partial = receipt('r-1', 500_000, [{ claimantId: 'c-1', amountFen: 300_000 }, { claimantId: 'c-2', amountFen: 200_000 }]);
      const requested = ev('WriteOffRequested', { writeOffId: 'o-1', claimantId: 'c-3', amountFen: 100_000, reason: '企业破产', requestedBy: wang.staffId, requestedAt: NOW });
      const events = spec.given([opened, partial, payout('p-1', 'c-1', 300_000), payout('p-2', 'c-2', 200_000), requested]).when(cmd('ApproveWriteOff', { writeOffId: 'o-1' }, liu)).then([
        ev('WriteOffApproved', { writeOffId: 'o-1', claimantId: 'c-3', amountFen: 100_000, approvedBy: liu.staffId, approvedAt: NOW }),
        ev('RecoveryCompleted', { totalOwedFen: 600_000, paidFen: 500_000, writtenOffFen: 100_000, completedAt: NOW }),
      ]);
      expect(events).toHaveLength(2);
    });
  });

  describe('rules for every command', () => {
    const every: RecoveryCommand[] = [
      cmd('SetPaymentPlan', { instalments: [{ dueOn: '2026-07-31', amountFen: 600_000 }] }),
      cmd('RecordReceipt', { receiptId: 'r-2', amountFen: 1, receivedOn: '2026-06-01', channel: 'cash', receiptNo: 'x' }),
      cmd('RecordPayout', { payoutId: 'p-9', claimantId: 'c-1', amountFen: 1, paidOn: '2026-06-01', method: 'cash', reference: 'x' }),
      cmd('HoldMoney', { holdId: 'h-9', claimantId: 'c-1', reason: 'x' }),
      cmd('RequestWriteOff', { writeOffId: 'o-9', claimantId: 'c-1', reason: 'x' }),
    ];
    const as = (command: RecoveryCommand, actor: Actor, caseFacts: RecoveryCaseFacts | null = facts()) =>
      ({ ...command, ctx: { ...command.ctx, actor }, data: { ...command.data, case: caseFacts } }) as RecoveryCommand;

    it.each(every.map((c) => [c.type, c] as const))('%s: case not found, closed, not its mediator; a supervisor may', (_type, command) => {
      const given = spec.given([opened, firstReceipt]);
      given.when(as(command, wang, null)).thenThrows('CASE_NOT_FOUND');
      given.when(as(command, wang, facts({ status: 'closed' }))).thenThrows('CASE_CLOSED');
      // Intake still undecided (an agreement recorded before intake had to come first): no money yet.
      given.when(as(command, wang, facts({ status: 'open' }))).thenThrows('INTAKE_NOT_ACCEPTED');
      given.when(as(command, zhao)).thenThrows('NOT_ASSIGNED_MEDIATOR');
      given.when(as(command, auditor)).thenThrows('NOT_ASSIGNED_MEDIATOR');
      expect(recoveryDecider.decide(as(command, liu), given.state).map((e) => e.type)).toHaveLength(1);
    });
  });
});
