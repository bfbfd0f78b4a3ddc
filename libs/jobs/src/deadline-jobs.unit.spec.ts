import { DEFAULT_POLICIES, evolveCaseClock, evolveDisbursementClock, evolveRecoveryClock, type AidFundEvent, type CaseClock, type DisbursementClock, type DisputeCaseEvent, type RecoveryClock, type RecoveryEvent } from '#domain';
import { plannedDisbursementJobs, plannedJobs, plannedRecoveryJobs } from './deadline-jobs.js';

const opened: DisputeCaseEvent = {
  type: 'DisputeCaseOpened',
  data: {
    caseId: 'c1',
    title: '案件',
    category: 'unpaid_wages',
    description: '',
    application: { kind: 'written', receivedAt: '2026-03-01' },
    respondent: { employerId: null, name: '公司' },
    claimants: [],
    mediatorId: 'm1',
    openedBy: 'm1',
    openedAt: '2026-03-01T04:00:00.000Z',
  },
};

describe('deadline jobs planned from a case clock', () => {
  it('names each job by the event that started its deadline and the policy revision, the same on every replay', () => {
    const clock = evolveCaseClock(null, opened, 'ev-open') as CaseClock;
    const jobs = plannedJobs(clock, DEFAULT_POLICIES, '2026-03-02');
    expect(jobs.map((j) => j.id)).toEqual([
      'warned.mediation.c1.ev-open.p-1',
      'missed.mediation.c1.ev-open.p-1',
      'warned.follow_up.c1.ev-open.p-1',
      'missed.follow_up.c1.ev-open.p-1',
    ]);
    expect(plannedJobs(evolveCaseClock(null, opened, 'ev-open') as CaseClock, DEFAULT_POLICIES, '2026-03-02')).toEqual(jobs);
    expect(jobs[1].data).toEqual({ caseId: 'c1', kind: 'mediation', level: 'missed', at: '2026-03-16T16:00:00.000Z', cause: 'ev-open' });
  });

  it('plans nothing for a notice recorded, and new ids once a resume or a policy change moves the deadline', () => {
    let clock = evolveCaseClock(null, opened, 'ev-open') as CaseClock;
    clock = evolveCaseClock(clock, { type: 'DeadlineMissed', data: { caseId: 'c1', kind: 'mediation', dueOn: '2026-03-16', daysOver: 1, responsibleId: 'm1', policyRevision: -1 } }, 'ev-miss') as CaseClock;
    expect(plannedJobs(clock, DEFAULT_POLICIES, '2026-03-20').filter((j) => j.data.kind === 'mediation')).toEqual([]);
    const changed = plannedJobs(evolveCaseClock(null, opened, 'ev-open') as CaseClock, { ...DEFAULT_POLICIES, revision: 2 }, '2026-03-02');
    expect(changed[0].id).toBe('warned.mediation.c1.ev-open.p2');
  });
});

describe('deadline jobs planned for instalments and requests waiting', () => {
  const recovery: RecoveryEvent[] = [
    { type: 'RecoveryOpened', data: { caseId: 'c1', agreementId: 'a1', workers: [{ claimantId: 'k1', workerId: null, name: '张三', owedFen: 300_000 }], totalOwedFen: 300_000, openedAt: '2026-03-01T04:00:00.000Z' } },
    {
      type: 'PaymentPlanSet',
      data: { caseId: 'c1', instalments: [{ dueOn: '2026-04-30', amountFen: 100_000 }, { dueOn: '2026-05-31', amountFen: 200_000 }], totalFen: 300_000, setAt: '2026-03-01T04:00:00.000Z' },
    },
    { type: 'ReceiptRecorded', data: { caseId: 'c1', receiptId: 'r1', amountFen: 100_000, receivedOn: '2026-04-28', channel: 'cash', receiptNo: 'R1', allocation: 'pro_rata', allocations: [{ claimantId: 'k1', amountFen: 100_000 }], recordedAt: '2026-04-28T04:00:00.000Z' } },
    { type: 'WriteOffRequested', data: { caseId: 'c1', writeOffId: 'w1', claimantId: 'k1', amountFen: 50_000, reason: '无法追回', requestedBy: 'm1', requestedAt: '2026-04-29T04:00:00.000Z' } },
  ];
  const clockOf = (events: RecoveryEvent[]) => events.reduce<RecoveryClock | null>((c, e, i) => evolveRecoveryClock(c, e, `ev${i}`), null)!;

  it('names an instalment’s jobs by its due day and the plan’s event; a paid one needs none; a write-off’s by its request', () => {
    const jobs = plannedRecoveryJobs(clockOf(recovery), DEFAULT_POLICIES, '2026-04-29');
    expect(jobs.map((j) => j.id)).toEqual([
      'warned.instalment.c1.2026-05-31.ev1.p-1',
      'missed.instalment.c1.2026-05-31.ev1.p-1',
      'warned.write_off_approval.c1.w1.ev3.p-1',
      'missed.write_off_approval.c1.w1.ev3.p-1',
    ]);
    expect(jobs[1].data).toEqual({ caseId: 'c1', kind: 'instalment', itemId: '2026-05-31', level: 'missed', at: '2026-06-07T16:00:00.000Z', cause: 'ev1' });
  });

  it('plans new ids when the plan is amended, and none for an instalment whose miss is recorded', () => {
    const amended: RecoveryEvent = {
      type: 'PaymentPlanAmended',
      data: { caseId: 'c1', instalments: [{ dueOn: '2026-04-30', amountFen: 100_000 }, { dueOn: '2026-06-30', amountFen: 200_000 }], totalFen: 300_000, previous: [], reason: '延期', amendedAt: '2026-05-01T04:00:00.000Z' },
    };
    const jobs = plannedRecoveryJobs(clockOf([...recovery, amended]), DEFAULT_POLICIES, '2026-05-02').filter((j) => j.data.kind === 'instalment');
    expect(jobs.map((j) => j.id)).toEqual(['warned.instalment.c1.2026-06-30.ev4.p-1', 'missed.instalment.c1.2026-06-30.ev4.p-1']);
    const missed: RecoveryEvent = {
      type: 'InstalmentMissed',
      data: { caseId: 'c1', number: 2, dueOn: '2026-06-30', amountFen: 200_000, coveredFen: 0, graceDays: 7, lastDay: '2026-07-07', daysOver: 8, responsibleId: 'm1', policyRevision: -1 },
    };
    expect(plannedRecoveryJobs(clockOf([...recovery, amended, missed]), DEFAULT_POLICIES, '2026-07-08').filter((j) => j.data.kind === 'instalment')).toEqual([]);
  });

  it('names a disbursement’s jobs by its fund, itself and its request, and plans none once it is decided', () => {
    const requested: AidFundEvent = {
      type: 'DisbursementRequested',
      data: { fundId: 'f1', disbursementId: 'd1', programmeId: 'p1', programmeKind: 'special_hardship', programmeName: '困难帮扶', beneficiary: { kind: 'household', id: 'h1' }, beneficiaryName: '李四', amountFen: 80_000, reason: '因病致困', year: 2026, requestedBy: 'o1', requestedAt: '2026-09-10T04:00:00.000Z' },
    };
    const clock = evolveDisbursementClock(null, requested, 'ev-req') as DisbursementClock;
    expect(plannedDisbursementJobs(clock, DEFAULT_POLICIES).map((j) => [j.id, j.data.at])).toEqual([
      ['warned.disbursement_approval.f1.d1.ev-req.p-1', '2026-09-13T16:00:00.000Z'],
      ['missed.disbursement_approval.f1.d1.ev-req.p-1', '2026-09-15T16:00:00.000Z'],
    ]);
    const approved = evolveDisbursementClock(clock, { type: 'DisbursementApproved', data: { fundId: 'f1', disbursementId: 'd1', amountFen: 80_000, approvedBy: 's1', approvedAt: '2026-09-11T04:00:00.000Z' } }, 'ev-ok') as DisbursementClock;
    expect(plannedDisbursementJobs(approved, DEFAULT_POLICIES)).toEqual([]);
  });
});
