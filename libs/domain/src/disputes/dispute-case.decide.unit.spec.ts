import { deciderSpec } from '../shared/decider-spec.js';
import type { Actor, CommandContext } from '../shared/messages.js';
import type { RegisteredParties } from './case-parties.js';
import { disputeCaseDecider, type DisputeCaseCommand, type OpenDisputeCase } from './dispute-case.decide.js';
import {
  claimedTotalFen,
  disputeStreamName,
  type ClaimantRef,
  type DisputeCase,
  type DisputeCaseEvent,
} from './dispute-case.events.js';

const CASE = 'case-1';
/** When the commands are issued: 30 June 2026, 10:00 in Beijing. */
const NOW = '2026-06-30T02:00:00.000Z';
/** When the case was referred, earlier in the case's history. */
const REFERRED_AT = '2026-03-02T01:00:00.000Z';
const wang: Actor = { staffId: 'staff-wang', role: 'mediator' };
const zhao: Actor = { staffId: 'staff-zhao', role: 'mediator' };
const liu: Actor = { staffId: 'staff-liu', role: 'supervisor' };
const admin: Actor = { staffId: 'staff-admin', role: 'administrator' };
const auditor: Actor = { staffId: 'staff-audit', role: 'auditor' };
const fundOfficer: Actor = { staffId: 'staff-fund', role: 'fund_officer' };
const system: Actor = { staffId: 'system', role: 'system' };

const spec = deciderSpec(disputeCaseDecider);

type CommandType = DisputeCaseCommand['type'];
type CommandOf<T extends CommandType> = Extract<DisputeCaseCommand, { type: T }>;
type EventOf<T extends DisputeCaseEvent['type']> = Extract<DisputeCaseEvent, { type: T }>;

/** A command on case-1, by Wang (the assigned mediator) unless said otherwise. */
function cmd<T extends CommandType>(type: T, data: Omit<CommandOf<T>['data'], 'caseId'>, actor: Actor = wang): CommandOf<T> {
  const ctx: CommandContext = { actor, now: NOW };
  // What the command path reads of the parties named (case-parties.ts): the workers below and employer e-1 are registered.
  if ((type === 'OpenDisputeCase' || type === 'AddClaimants') && !('registered' in data)) data = { ...data, registered: REGISTERED };
  // TypeScript cannot follow a generic type through Extract; the parameters above keep callers honest.
  return { type, ctx, data: { caseId: CASE, ...data } } as unknown as CommandOf<T>;
}
function ev<T extends DisputeCaseEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'caseId'>): EventOf<T> {
  return { type, data: { caseId: CASE, ...data } } as unknown as EventOf<T>;
}

const NAMES = ['张秀英', '李建国', '王淑芬', '刘志强', '陈桂兰', '杨国华', '赵丽娟'];
const workers = (n: number, from = 1): ClaimantRef[] =>
  Array.from({ length: n }, (_, i) => ({
    claimantId: `c-${from + i}`,
    workerId: `w-${from + i}`,
    name: NAMES[from + i - 1] ?? `职工${from + i}`,
  }));

const REGISTERED: RegisteredParties = {
  workers: Object.fromEntries(workers(2000).map((w) => [w.workerId!, { name: w.name }])),
  employers: ['e-1'],
};

const openData = (over: Partial<OpenDisputeCase['data']> = {}): Omit<OpenDisputeCase['data'], 'caseId'> => ({
  title: '宏达建材拖欠工资案',
  category: 'unpaid_wages',
  description: '2025年10月至12月工资未发放',
  application: { kind: 'written', receivedAt: '2026-03-01' },
  respondent: { employerId: 'e-1', name: '仁和镇宏达建材有限公司' },
  claimants: workers(3),
  mediatorId: null,
  ...over,
});

/** A group wage case opened by Wang, who therefore mediates it. */
function aGroupWageDispute(claimants = workers(3), mediatorId: string | null = wang.staffId): EventOf<'DisputeCaseOpened'> {
  const { title, category, description, application, respondent } = openData();
  return ev('DisputeCaseOpened', {
    title,
    category,
    description,
    application: { kind: 'written', receivedAt: application.receivedAt },
    respondent: { employerId: respondent.employerId ?? null, name: respondent.name },
    claimants,
    mediatorId,
    openedBy: mediatorId ?? liu.staffId,
    openedAt: NOW,
  });
}
const accepted = ev('IntakeAccepted', { acceptedBy: wang.staffId, acceptedAt: NOW });
const referred = ev('CaseReferred', { referralId: 'r-1', agency: 'social_security', note: '核实社保缴纳记录', referredAt: REFERRED_AT });
const agreementFor = (claimants: ClaimantRef[], amountFen = 500_000) =>
  ev('AgreementReached', {
    agreementId: 'a-1',
    amounts: claimants.map((c) => ({ claimantId: c.claimantId, amountFen })),
    totalFen: amountFen * claimants.length,
    terms: '公司分两期支付欠薪',
    paymentDates: ['2026-04-01', '2026-05-01'],
    reachedAt: NOW,
  });
const withdrawn = ev('CaseClosed', { outcome: 'withdrawn', reason: '申请人撤回', closedBy: wang.staffId, closedAt: NOW });

/** One valid command of each kind that changes an open case, for the rules every such command obeys. */
const changes = (): DisputeCaseCommand[] => [
  cmd('AddClaimants', { claimants: workers(1, 10) }),
  cmd('RecordClaim', { claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 100 }),
  cmd('RecordClaims', { claims: [{ claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 100 }] }),
  cmd('AcceptIntake', {}),
  cmd('DeclineIntake', { reason: '不属于劳动争议' }),
  cmd('ReferToAgency', { referralId: 'r-9', agency: 'judicial_office', note: '' }),
  cmd('RecordReferralAnswer', { referralId: 'r-1', answer: '已核实', answeredAt: '2026-03-05' }),
  cmd('RecordMediationSession', { sessionId: 's-1', heldAt: '2026-03-03', place: '调解室', attendees: [], summary: '公司同意核对工资表' }),
  cmd('RecordFollowUp', { followUpId: 'f-1', at: '2026-03-04', result: '已联系' }),
  cmd('ReachAgreement', {
    agreementId: 'a-9',
    amounts: workers(3).map((c) => ({ claimantId: c.claimantId, amountFen: 1 })),
    terms: '一次付清',
    paymentDates: [],
  }),
  cmd('RecordOutcome', { outcome: 'closed', reason: '调解不成', recoveryComplete: false }),
];
const amendment = () =>
  cmd('AmendAgreement', {
    agreementId: 'a-2',
    amounts: workers(3).map((c) => ({ claimantId: c.claimantId, amountFen: 400_000 })),
    terms: '公司分三期支付欠薪',
    paymentDates: ['2026-05-01', '2026-06-01', '2026-06-30'],
    reason: '公司资金困难，双方同意延长付款期',
    recovery: null,
  });
const withActor = (command: DisputeCaseCommand, actor: Actor): DisputeCaseCommand => ({
  ...command,
  ctx: { ...command.ctx, actor },
});

describe('DisputeCase', () => {
  it('streams per case', () => {
    expect(disputeStreamName('case-1')).toBe('dispute-case-1');
  });

  describe('rules every command obeys', () => {
    it.each([...changes(), amendment(), cmd('AssignMediator', { mediatorId: zhao.staffId }, liu), cmd('ReopenCase', { reason: 'x' }, liu)])(
      'CASE_NOT_FOUND: $type on a case never opened',
      (command) => {
        spec.given([]).when(command).thenThrows('CASE_NOT_FOUND');
      },
    );

    it('CASE_NOT_FOUND: a command addressed to another case than the stream holds', () => {
      const command = { ...cmd('AcceptIntake', {}), data: { caseId: 'case-2' } };
      spec.given([aGroupWageDispute()]).when(command).thenThrows('CASE_NOT_FOUND');
    });

    it.each([...changes(), amendment(), cmd('AssignMediator', { mediatorId: zhao.staffId }, liu)])(
      'CASE_CLOSED: $type on a closed case, even by a supervisor',
      (command) => {
        spec.given([aGroupWageDispute(), referred, withdrawn]).when(command).thenThrows('CASE_CLOSED');
        spec.given([aGroupWageDispute(), referred, withdrawn]).when(withActor(command, liu)).thenThrows('CASE_CLOSED');
      },
    );

    it.each([...changes(), amendment()])('NOT_ASSIGNED_MEDIATOR: $type by another mediator, an administrator, an auditor, a fund officer or the system', (command) => {
      for (const actor of [zhao, admin, auditor, fundOfficer, system]) {
        spec.given([aGroupWageDispute(), referred]).when(withActor(command, actor)).thenThrows('NOT_ASSIGNED_MEDIATOR');
      }
    });

    it.each(changes())('a supervisor may $type on any case', (command) => {
      // An agreement follows intake; a declined intake comes before it.
      const { state } = spec.given([aGroupWageDispute(), referred, ...(command.type === 'ReachAgreement' ? [accepted] : [])]);
      expect(disputeCaseDecider.decide(withActor(command, liu), state)).toHaveLength(1);
    });

    it('NOT_ASSIGNED_MEDIATOR: while no mediator is assigned, only supervisors change the case', () => {
      spec.given([aGroupWageDispute(workers(3), null)]).when(cmd('AcceptIntake', {})).thenThrows('NOT_ASSIGNED_MEDIATOR');
      spec
        .given([aGroupWageDispute(workers(3), null)])
        .when(cmd('AcceptIntake', {}, liu))
        .then([ev('IntakeAccepted', { acceptedBy: liu.staffId, acceptedAt: NOW })]);
    });
  });

  describe('OpenDisputeCase', () => {
    it('a mediator takes in a written application and becomes its mediator', () => {
      spec.given([]).when(cmd('OpenDisputeCase', openData())).then([aGroupWageDispute()]);
    });

    it('a supervisor may open a case for a named mediator, or leave it unassigned', () => {
      spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ mediatorId: zhao.staffId }), liu))
        .then([{ ...aGroupWageDispute(), data: { ...aGroupWageDispute().data, mediatorId: zhao.staffId, openedBy: liu.staffId } }]);
      spec.given([]).when(cmd('OpenDisputeCase', openData(), liu)).then([aGroupWageDispute(workers(3), null)]);
    });

    it('CLAIMANTS_REQUIRED: a case is brought by at least one worker (issue 8.17)', () => {
      const error = spec.given([]).when(cmd('OpenDisputeCase', openData({ claimants: [] }))).thenThrows('CLAIMANTS_REQUIRED');
      expect(error.messages.zh).toContain('至少有一名申请人');
      spec.given([]).when(cmd('OpenDisputeCase', openData({ claimants: undefined as never }))).thenThrows('CLAIMANTS_REQUIRED');
      spec.given([]).when(cmd('OpenDisputeCase', openData({ claimants: workers(1) }))).then([aGroupWageDispute(workers(1))]);
    });

    it('may be opened with a thousand claimants', () => {
      const many = workers(1200);
      spec.given([]).when(cmd('OpenDisputeCase', openData({ claimants: many }))).then([aGroupWageDispute(many)]);
    });

    it('records the oral application as the law asks', () => {
      const oral = { applicantName: '张秀英', dispute: '拖欠三个月工资', reasons: '公司称资金周转困难', recordedAt: '2026-03-01T09:30:00+08:00' };
      spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ application: { kind: 'oral', receivedAt: '2026-03-01', oral } })))
        .then([{ ...aGroupWageDispute(), data: { ...aGroupWageDispute().data, application: { kind: 'oral', receivedAt: '2026-03-01', oral } } }]);
    });

    it('ORAL_APPLICATION_DETAILS_REQUIRED: an oral application without its record, or with a part missing', () => {
      spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ application: { kind: 'oral', receivedAt: '2026-03-01' } })))
        .thenThrows('ORAL_APPLICATION_DETAILS_REQUIRED');
      const error = spec
        .given([])
        .when(
          cmd(
            'OpenDisputeCase',
            openData({
              application: {
                kind: 'oral',
                receivedAt: '2026-03-01',
                oral: { applicantName: '张秀英', dispute: '欠薪', reasons: ' ', recordedAt: '2026-03-01' },
              },
            }),
          ),
        )
        .thenThrows('ORAL_APPLICATION_DETAILS_REQUIRED');
      expect(error.details).toEqual({ missing: ['reasons'] });
      expect(error.messages.zh).toContain('第十二条');
    });

    it('CASE_ALREADY_OPENED', () => {
      spec.given([aGroupWageDispute()]).when(cmd('OpenDisputeCase', openData())).thenThrows('CASE_ALREADY_OPENED');
    });

    it('TITLE_REQUIRED: blank, whitespace only (full-width spaces, tabs, line breaks too), or not text', () => {
      for (const title of ['', '  ', '\u3000\u3000', '\t\r\n', 42 as unknown as string]) {
        spec.given([]).when(cmd('OpenDisputeCase', openData({ title }))).thenThrows('TITLE_REQUIRED');
      }
    });

    it('NAME_REQUIRED: a respondent or claimant named only by whitespace', () => {
      spec.given([]).when(cmd('OpenDisputeCase', openData({ respondent: { employerId: null, name: '\u3000' } }))).thenThrows('NAME_REQUIRED');
      spec.given([]).when(cmd('OpenDisputeCase', openData({ respondent: undefined as never }))).thenThrows('NAME_REQUIRED');
      spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ claimants: [...workers(2), { claimantId: 'c-3', workerId: null, name: '\n\t' }] })))
        .thenThrows('NAME_REQUIRED');
    });

    it('NAME_REQUIRED: for the respondent and for every claimant', () => {
      spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ respondent: { employerId: null, name: '' } })))
        .thenThrows('NAME_REQUIRED');
      spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ claimants: [{ claimantId: 'c-1', workerId: null, name: ' ' }] })))
        .thenThrows('NAME_REQUIRED');
    });

    it.each([admin, auditor, fundOfficer, system])('NOT_ASSIGNED_MEDIATOR: a $role may not open a case', (actor) => {
      spec.given([]).when(cmd('OpenDisputeCase', openData(), actor)).thenThrows('NOT_ASSIGNED_MEDIATOR');
    });

    it('SUPERVISOR_ONLY: a mediator may not open a case for another mediator', () => {
      spec.given([]).when(cmd('OpenDisputeCase', openData({ mediatorId: zhao.staffId }))).thenThrows('SUPERVISOR_ONLY');
    });

    it('CLAIMANT_ALREADY_ADDED: the same worker listed twice', () => {
      const twice = [...workers(2), { claimantId: 'c-9', workerId: 'w-1', name: '张秀英' }];
      const error = spec.given([]).when(cmd('OpenDisputeCase', openData({ claimants: twice }))).thenThrows('CLAIMANT_ALREADY_ADDED');
      expect(error.messages.zh).toContain('张秀英');
    });

    it('DATE_INVALID: a day that does not exist, or a time without its offset', () => {
      for (const receivedAt of ['2026-02-30', '2026-03-01T09:30', '3月1日']) {
        spec
          .given([])
          .when(cmd('OpenDisputeCase', openData({ application: { kind: 'written', receivedAt } })))
          .thenThrows('DATE_INVALID');
      }
      const opened = disputeCaseDecider.decide(
        cmd('OpenDisputeCase', openData({ application: { kind: 'written', receivedAt: '2026-03-01T09:30+08:00' } })),
        null,
      );
      expect(opened).toHaveLength(1);
    });

    const receivedOn = (receivedAt: string) => cmd('OpenDisputeCase', openData({ application: { kind: 'written', receivedAt } }));

    it('DATE_INVALID: the poison date of issue 8 (year 10000 in Beijing) and expanded years', () => {
      for (const receivedAt of ['9999-12-31T23:00:00-12:00', '+010000-01-01', '+010000-01-01T00:00:00Z', '10000-01-01']) {
        spec.given([]).when(receivedOn(receivedAt)).thenThrows('DATE_INVALID');
      }
    });

    it('DATE_IMPLAUSIBLE: an application received after today in Beijing, or before 1990', () => {
      const future = spec.given([]).when(receivedOn('9999-12-30')).thenThrows('DATE_IMPLAUSIBLE');
      expect(future.details).toEqual({ field: 'receivedAt', value: '9999-12-30', reason: 'in_future' });
      expect(future.messages.zh).toBe('收到申请的时间不能晚于今天（北京时间）：9999-12-30。');
      expect(future.messages.en).toBe('The date the application was received cannot be later than today (Beijing time): 9999-12-30.');
      // NOW is 10:00 on 30 June in Beijing; midnight in Beijing is 16:00 UTC the day before.
      spec.given([]).when(receivedOn('2026-07-01')).thenThrows('DATE_IMPLAUSIBLE');
      spec.given([]).when(receivedOn('2026-06-30T16:00:00Z')).thenThrows('DATE_IMPLAUSIBLE');
      expect(spec.given([]).when(receivedOn('1989-12-31')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ reason: 'before_1990' });
      for (const plausible of ['2026-06-30', '2026-06-30T23:59:59+08:00', '1990-01-01', '2011-05-10']) {
        expect(disputeCaseDecider.decide(receivedOn(plausible), null)).toHaveLength(1);
      }
    });

    it('DATE_IMPLAUSIBLE: an oral application recorded in the future', () => {
      const oral = { applicantName: '张秀英', dispute: '欠薪', reasons: '资金困难', recordedAt: '2027-01-01T09:30:00+08:00' };
      const error = spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ application: { kind: 'oral', receivedAt: '2026-03-01', oral } })))
        .thenThrows('DATE_IMPLAUSIBLE');
      expect(error.details).toMatchObject({ field: 'oral.recordedAt', reason: 'in_future' });
    });

    describe('an oral application is recorded when it is received (LDMAL art. 12: on the spot)', () => {
      const openOral = (receivedAt: string, recordedAt: string) =>
        cmd('OpenDisputeCase', openData({ application: { kind: 'oral', receivedAt, oral: { applicantName: '张秀英', dispute: '欠薪', reasons: '资金困难', recordedAt } } }));

      it('given no case, when the record is dated the day received or the next morning (Beijing days), then the case is opened', () => {
        for (const [receivedAt, recordedAt] of [
          ['2026-03-01', '2026-03-01'],
          ['2026-03-01T22:30:00+08:00', '2026-03-01T23:10:00+08:00'],
          ['2026-03-01T22:30:00+08:00', '2026-03-02T08:30:00+08:00'],
          // 23:30 UTC on 1 March is 07:30 on 2 March in Beijing: the same day as the application.
          ['2026-03-02', '2026-03-01T23:30:00Z'],
        ] as const) {
          expect(disputeCaseDecider.decide(openOral(receivedAt, recordedAt), null)).toHaveLength(1);
        }
      });

      it('given no case, when the record is dated before the day the application was received, then DATE_IMPLAUSIBLE before_application', () => {
        const error = spec.given([]).when(openOral('2026-03-01', '2026-01-01')).thenThrows('DATE_IMPLAUSIBLE');
        expect(error.details).toMatchObject({ field: 'oral.recordedAt', value: '2026-01-01', reason: 'before_application', limit: '2026-03-01' });
        expect(error.messages.en).toContain('before the application was received');
      });

      it('given no case, when the record is dated more than a day after the application, then DATE_IMPLAUSIBLE oral_record_late', () => {
        const error = spec.given([]).when(openOral('2026-03-01T22:30:00+08:00', '2026-03-03T09:00:00+08:00')).thenThrows('DATE_IMPLAUSIBLE');
        expect(error.details).toMatchObject({ field: 'oral.recordedAt', reason: 'oral_record_late', limit: '2026-03-01 22:30' });
        expect(error.messages.zh).toContain('当场记录');
        expect(error.messages.en).toContain('on the spot');
      });
    });

    it('CHOICE_INVALID: a category the system does not know', () => {
      spec
        .given([])
        .when(cmd('OpenDisputeCase', openData({ category: 'wages' as never })))
        .thenThrows('CHOICE_INVALID');
    });
  });

  describe('AddClaimants', () => {
    it('adds workers to a group case', () => {
      spec.given([aGroupWageDispute()]).when(cmd('AddClaimants', { claimants: workers(2, 4) })).then([
        ev('ClaimantsAdded', { claimants: workers(2, 4) }),
      ]);
    });

    it('adds a thousand at once', () => {
      const many = workers(1000, 4);
      spec.given([aGroupWageDispute()]).when(cmd('AddClaimants', { claimants: many })).then([ev('ClaimantsAdded', { claimants: many })]);
    });

    it('records nothing when there is nobody to add', () => {
      spec.given([aGroupWageDispute()]).when(cmd('AddClaimants', { claimants: [] })).then([]);
    });

    it('lets several not-yet-registered workers be added (no worker id is not a duplicate)', () => {
      const unregistered = [
        { claimantId: 'c-8', workerId: null, name: '孙立' },
        { claimantId: 'c-9', workerId: null, name: '周敏' },
      ];
      spec.given([aGroupWageDispute()]).when(cmd('AddClaimants', { claimants: unregistered })).then([
        ev('ClaimantsAdded', { claimants: unregistered }),
      ]);
    });

    it('CLAIMANT_ALREADY_ADDED: by claimant id, by worker id, or twice in one batch', () => {
      const given = spec.given([aGroupWageDispute()]);
      given.when(cmd('AddClaimants', { claimants: [{ claimantId: 'c-1', workerId: 'w-77', name: '张秀英' }] })).thenThrows('CLAIMANT_ALREADY_ADDED');
      const byWorker = given
        .when(cmd('AddClaimants', { claimants: [{ claimantId: 'c-77', workerId: 'w-2', name: '李建国' }] }))
        .thenThrows('CLAIMANT_ALREADY_ADDED');
      expect(byWorker.details).toEqual({ claimantIds: ['c-77'] });
      given.when(cmd('AddClaimants', { claimants: [...workers(1, 5), ...workers(1, 5)] })).thenThrows('CLAIMANT_ALREADY_ADDED');
    });

    it('CLAIMANTS_LOCKED_BY_AGREEMENT: no claimant joins after an agreement', () => {
      spec
        .given([aGroupWageDispute(), agreementFor(workers(3))])
        .when(cmd('AddClaimants', { claimants: workers(1, 4) }))
        .thenThrows('CLAIMANTS_LOCKED_BY_AGREEMENT');
    });
  });

  describe('RecordClaim', () => {
    it('records what a claimant asks for, in fen, with a note', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordClaim', { claimantId: 'c-2', kind: 'overtime', amountFen: 1_234_56, note: '周末加班' }))
        .then([ev('ClaimRecorded', { claimantId: 'c-2', kind: 'overtime', amountFen: 1_234_56, note: '周末加班' })]);
    });

    it('accepts a claim of zero', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordClaim', { claimantId: 'c-2', kind: 'social_insurance', amountFen: 0 }))
        .then([ev('ClaimRecorded', { claimantId: 'c-2', kind: 'social_insurance', amountFen: 0 })]);
    });

    it('CLAIMANT_NOT_FOUND', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordClaim', { claimantId: 'c-99', kind: 'unpaid_wages', amountFen: 100 }))
        .thenThrows('CLAIMANT_NOT_FOUND');
    });

    it.each([-1, 10.5, Number.NaN, Infinity, 2 ** 53, '100'])('AMOUNT_INVALID: %p fen', (amountFen) => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordClaim', { claimantId: 'c-1', kind: 'unpaid_wages', amountFen: amountFen as number }))
        .thenThrows('AMOUNT_INVALID');
    });

    it('CHOICE_INVALID: a kind of claim the system does not know', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordClaim', { claimantId: 'c-1', kind: 'bonus' as never, amountFen: 100 }))
        .thenThrows('CHOICE_INVALID');
    });
  });

  describe('RecordClaims', () => {
    it('records the claims of many claimants at once, one event each, in the order sent', () => {
      spec
        .given([aGroupWageDispute()])
        .when(
          cmd('RecordClaims', {
            claims: [
              { claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 800_000 },
              { claimantId: 'c-3', kind: 'overtime', amountFen: 12_000, note: '周末加班' },
              { claimantId: 'c-1', kind: 'social_insurance', amountFen: 0 },
            ],
          }),
        )
        .then([
          ev('ClaimRecorded', { claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 800_000 }),
          ev('ClaimRecorded', { claimantId: 'c-3', kind: 'overtime', amountFen: 12_000, note: '周末加班' }),
          ev('ClaimRecorded', { claimantId: 'c-1', kind: 'social_insurance', amountFen: 0 }),
        ]);
    });

    it('CLAIMANT_NOT_FOUND names every claimant not on the case, and records none of the claims', () => {
      const error = spec
        .given([aGroupWageDispute()])
        .when(
          cmd('RecordClaims', {
            claims: [
              { claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 100 },
              { claimantId: 'c-98', kind: 'unpaid_wages', amountFen: 100 },
              { claimantId: 'c-99', kind: 'overtime', amountFen: 100 },
            ],
          }),
        )
        .thenThrows('CLAIMANT_NOT_FOUND');
      expect(error.details).toEqual({ claimantIds: ['c-98', 'c-99'] });
    });

    it('AMOUNT_INVALID in any row refuses the whole list', () => {
      spec
        .given([aGroupWageDispute()])
        .when(
          cmd('RecordClaims', {
            claims: [
              { claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 100 },
              { claimantId: 'c-2', kind: 'unpaid_wages', amountFen: -5 },
            ],
          }),
        )
        .thenThrows('AMOUNT_INVALID');
    });
  });

  describe('AcceptIntake', () => {
    it('accepts the case', () => {
      spec.given([aGroupWageDispute()]).when(cmd('AcceptIntake', {})).then([accepted]);
    });

    it('records nothing when the case is already accepted', () => {
      spec.given([aGroupWageDispute(), accepted]).when(cmd('AcceptIntake', {})).then([]);
    });
  });

  describe('DeclineIntake', () => {
    it('declines the case with its reason, which closes it', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('DeclineIntake', { reason: ' 不属于劳动争议 ' }))
        .then([ev('IntakeDeclined', { reason: '不属于劳动争议', declinedBy: wang.staffId, declinedAt: NOW })]);
    });

    it('REASON_REQUIRED', () => {
      spec.given([aGroupWageDispute()]).when(cmd('DeclineIntake', { reason: '' })).thenThrows('REASON_REQUIRED');
    });

    it('given a case with an agreement (recorded before intake had to come first), when it is declined, then AGREEMENT_ALREADY_REACHED', () => {
      const error = spec
        .given([aGroupWageDispute(), agreementFor(workers(3))])
        .when(cmd('DeclineIntake', { reason: '不属于劳动争议' }))
        .thenThrows('AGREEMENT_ALREADY_REACHED');
      expect(error.details).toMatchObject({ caseId: CASE, agreementId: 'a-1' });
      expect(error.messages.zh).toContain('不能再不予受理');
    });

    it('given a declined case reopened with its agreement, when it is declined again, then AGREEMENT_ALREADY_REACHED', () => {
      const declined = ev('IntakeDeclined', { reason: '不属于劳动争议', declinedBy: wang.staffId, declinedAt: NOW });
      const reopened = ev('CaseReopened', { reason: '重新审查', reopenedBy: liu.staffId, reopenedAt: NOW });
      spec
        .given([aGroupWageDispute(), agreementFor(workers(3)), declined, reopened])
        .when(cmd('DeclineIntake', { reason: '不属于劳动争议' }))
        .thenThrows('AGREEMENT_ALREADY_REACHED');
    });

    it('INTAKE_ALREADY_DECIDED: an accepted case ends with an outcome instead', () => {
      spec.given([aGroupWageDispute(), accepted]).when(cmd('DeclineIntake', { reason: '不属于劳动争议' })).thenThrows('INTAKE_ALREADY_DECIDED');
    });
  });

  describe('AssignMediator', () => {
    it('a supervisor reassigns the case; the previous mediator is recorded', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('AssignMediator', { mediatorId: zhao.staffId }, liu))
        .then([
          ev('MediatorAssigned', { mediatorId: zhao.staffId, previousMediatorId: wang.staffId, assignedBy: liu.staffId, assignedAt: NOW }),
        ]);
    });

    it('from then on the new mediator changes the case and the old one may not', () => {
      const reassigned = ev('MediatorAssigned', {
        mediatorId: zhao.staffId,
        previousMediatorId: wang.staffId,
        assignedBy: liu.staffId,
        assignedAt: NOW,
      });
      spec.given([aGroupWageDispute(), reassigned]).when(cmd('AcceptIntake', {})).thenThrows('NOT_ASSIGNED_MEDIATOR');
      spec
        .given([aGroupWageDispute(), reassigned])
        .when(cmd('AcceptIntake', {}, zhao))
        .then([ev('IntakeAccepted', { acceptedBy: zhao.staffId, acceptedAt: NOW })]);
    });

    it('records nothing when the mediator is already assigned', () => {
      spec.given([aGroupWageDispute()]).when(cmd('AssignMediator', { mediatorId: wang.staffId }, liu)).then([]);
    });

    it.each([wang, admin])('SUPERVISOR_ONLY: even the $role may not assign', (actor) => {
      spec.given([aGroupWageDispute()]).when(cmd('AssignMediator', { mediatorId: zhao.staffId }, actor)).thenThrows('SUPERVISOR_ONLY');
    });
  });

  describe('ReferToAgency and RecordReferralAnswer', () => {
    it('refers the case to an agency of the linkage mechanism, named or not', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('ReferToAgency', { referralId: 'r-1', agency: 'social_security', note: '核实社保缴纳记录' }))
        .then([{ ...referred, data: { ...referred.data, referredAt: NOW } }]);
      spec
        .given([aGroupWageDispute()])
        .when(cmd('ReferToAgency', { referralId: 'r-2', agency: 'other', agencyName: '顺义区总工会法律服务站', note: '' }))
        .then([ev('CaseReferred', { referralId: 'r-2', agency: 'other', agencyName: '顺义区总工会法律服务站', note: '', referredAt: NOW })]);
    });

    it('dates a referral entered after the fact: plausible, not before the application', () => {
      const refer = (referredAt: string) => cmd('ReferToAgency', { referralId: 'r-1', agency: 'social_security', note: '', referredAt });
      spec
        .given([aGroupWageDispute()])
        .when(refer('2026-03-02'))
        .then([ev('CaseReferred', { referralId: 'r-1', agency: 'social_security', note: '', referredAt: '2026-03-02' })]);
      const given = spec.given([aGroupWageDispute()]);
      expect(given.when(refer('2026-02-27')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ field: 'referredAt', reason: 'before_application' });
      expect(given.when(refer('2026-07-01')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ reason: 'in_future' });
      given.when(refer('2026-03-02T10:00')).thenThrows('DATE_INVALID');
      // Then its answer may be dated from that day on.
      const [referral] = given.when(refer('2026-03-02')).then([ev('CaseReferred', { referralId: 'r-1', agency: 'social_security', note: '', referredAt: '2026-03-02' })]);
      spec
        .given([aGroupWageDispute(), referral!])
        .when(cmd('RecordReferralAnswer', { referralId: 'r-1', answer: '已核实', answeredAt: '2026-03-02' }))
        .then([ev('ReferralAnswered', { referralId: 'r-1', agency: 'social_security', answer: '已核实', answeredAt: '2026-03-02' })]);
    });

    it('records nothing for a referral already recorded (the same form sent twice)', () => {
      spec
        .given([aGroupWageDispute(), referred])
        .when(cmd('ReferToAgency', { referralId: 'r-1', agency: 'social_security', note: '核实社保缴纳记录' }))
        .then([]);
    });

    it('CHOICE_INVALID: an agency the system does not know', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('ReferToAgency', { referralId: 'r-1', agency: 'police' as never, note: '' }))
        .thenThrows('CHOICE_INVALID');
    });

    it('records the answer, naming the agency again', () => {
      spec
        .given([aGroupWageDispute(), referred])
        .when(cmd('RecordReferralAnswer', { referralId: 'r-1', answer: '单位欠缴三个月社保', answeredAt: '2026-03-05' }))
        .then([ev('ReferralAnswered', { referralId: 'r-1', agency: 'social_security', answer: '单位欠缴三个月社保', answeredAt: '2026-03-05' })]);
    });

    it('REFERRAL_NOT_FOUND', () => {
      spec
        .given([aGroupWageDispute(), referred])
        .when(cmd('RecordReferralAnswer', { referralId: 'r-2', answer: '已核实', answeredAt: '2026-03-05' }))
        .thenThrows('REFERRAL_NOT_FOUND');
    });

    it('REFERRAL_ALREADY_ANSWERED', () => {
      const answered = ev('ReferralAnswered', { referralId: 'r-1', agency: 'social_security', answer: '已核实', answeredAt: '2026-03-05' });
      spec
        .given([aGroupWageDispute(), referred, answered])
        .when(cmd('RecordReferralAnswer', { referralId: 'r-1', answer: '补充答复', answeredAt: '2026-03-06' }))
        .thenThrows('REFERRAL_ALREADY_ANSWERED');
    });

    it('DATE_IMPLAUSIBLE: an answer before the referral, in the future, or before 1990', () => {
      const answer = (answeredAt: string) => cmd('RecordReferralAnswer', { referralId: 'r-1', answer: '已核实', answeredAt });
      const given = spec.given([aGroupWageDispute(), referred]);
      const early = given.when(answer('2026-03-01')).thenThrows('DATE_IMPLAUSIBLE');
      expect(early.details).toEqual({ field: 'answeredAt', value: '2026-03-01', reason: 'before_referral', limit: '2026-03-02 09:00' });
      expect(early.messages.zh).toBe('答复时间不能早于转办日期（2026-03-02 09:00）：2026-03-01。');
      expect(given.when(answer('2026-07-01')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ reason: 'in_future' });
      expect(given.when(answer('1989-01-01')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ reason: 'before_1990' });
      // The same Beijing day as the referral is fine, whatever the hour.
      expect(disputeCaseDecider.decide(answer('2026-03-02T08:00:00+08:00'), given.state)).toHaveLength(1);
    });

    it('TEXT_REQUIRED: an answer that says nothing', () => {
      for (const text of ['', '   ', '\u3000\n']) {
        const error = spec
          .given([aGroupWageDispute(), referred])
          .when(cmd('RecordReferralAnswer', { referralId: 'r-1', answer: text, answeredAt: '2026-03-05' }))
          .thenThrows('TEXT_REQUIRED');
        expect(error.details).toEqual({ field: 'answer' });
      }
    });

    it('DATE_INVALID: when the answer came', () => {
      spec
        .given([aGroupWageDispute(), referred])
        .when(cmd('RecordReferralAnswer', { referralId: 'r-1', answer: '已核实', answeredAt: 'yesterday' }))
        .thenThrows('DATE_INVALID');
    });
  });

  describe('RecordMediationSession', () => {
    const session = (sessionId: string, number: number) =>
      ev('MediationSessionRecorded', {
        sessionId,
        number,
        heldAt: '2026-03-03T09:00:00+08:00',
        place: '镇工会调解室',
        attendees: ['张秀英', '公司代表 王经理'],
        summary: '公司同意核对工资表',
      });
    const record = (sessionId: string) =>
      cmd('RecordMediationSession', {
        sessionId,
        heldAt: '2026-03-03T09:00:00+08:00',
        place: '镇工会调解室',
        attendees: ['张秀英', '公司代表 王经理'],
        summary: '公司同意核对工资表',
      });

    it('numbers sessions in the order they are recorded', () => {
      spec.given([aGroupWageDispute()]).when(record('s-1')).then([session('s-1', 1)]);
      spec.given([aGroupWageDispute(), session('s-1', 1)]).when(record('s-2')).then([session('s-2', 2)]);
    });

    it('records nothing for a session already recorded', () => {
      spec.given([aGroupWageDispute(), session('s-1', 1)]).when(record('s-1')).then([]);
    });

    it('DATE_INVALID: when it was held', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordMediationSession', { sessionId: 's-1', heldAt: '2026-13-01', place: '', attendees: [], summary: '调解' }))
        .thenThrows('DATE_INVALID');
    });

    it('DATE_IMPLAUSIBLE: a session before the application was received, or in the future', () => {
      const held = (heldAt: string) => cmd('RecordMediationSession', { sessionId: 's-1', heldAt, place: '', attendees: [], summary: '调解' });
      const given = spec.given([aGroupWageDispute()]);
      const early = given.when(held('2026-02-28T18:00:00+08:00')).thenThrows('DATE_IMPLAUSIBLE');
      expect(early.details).toEqual({ field: 'heldAt', value: '2026-02-28T18:00:00+08:00', reason: 'before_application', limit: '2026-03-01' });
      expect(early.messages.en).toBe(
        'The date of the session cannot be before the application was received (2026-03-01): 2026-02-28T18:00:00+08:00.',
      );
      expect(given.when(held('2026-07-01')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ reason: 'in_future' });
      expect(disputeCaseDecider.decide(held('2026-03-01'), given.state)).toHaveLength(1);
    });

    it('TEXT_REQUIRED: a session without a summary', () => {
      for (const summary of ['', ' \n ', undefined as unknown as string]) {
        const error = spec
          .given([aGroupWageDispute()])
          .when(cmd('RecordMediationSession', { sessionId: 's-1', heldAt: '2026-03-03', place: '', attendees: [], summary }))
          .thenThrows('TEXT_REQUIRED');
        expect(error.details).toEqual({ field: 'summary' });
      }
    });
  });

  describe('RecordFollowUp', () => {
    it('records a follow-up with or without its method', () => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordFollowUp', { followUpId: 'f-1', at: '2026-04-02', method: 'phone', result: '第一期已到账' }))
        .then([ev('FollowUpRecorded', { followUpId: 'f-1', at: '2026-04-02', method: 'phone', result: '第一期已到账' })]);
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordFollowUp', { followUpId: 'f-2', at: '2026-04-02', result: '未联系上' }))
        .then([ev('FollowUpRecorded', { followUpId: 'f-2', at: '2026-04-02', result: '未联系上' })]);
    });

    it('records nothing for a follow-up already recorded', () => {
      const done = ev('FollowUpRecorded', { followUpId: 'f-1', at: '2026-04-02', result: '已联系' });
      spec.given([aGroupWageDispute(), done]).when(cmd('RecordFollowUp', { followUpId: 'f-1', at: '2026-04-02', result: '已联系' })).then([]);
    });

    it('CHOICE_INVALID and DATE_INVALID', () => {
      const given = spec.given([aGroupWageDispute()]);
      given.when(cmd('RecordFollowUp', { followUpId: 'f-1', at: '2026-04-02', method: 'pigeon' as never, result: '' })).thenThrows('CHOICE_INVALID');
      given.when(cmd('RecordFollowUp', { followUpId: 'f-1', at: '', result: '' })).thenThrows('DATE_INVALID');
    });

    it('DATE_IMPLAUSIBLE: a follow-up in the future, before 1990 or before the application', () => {
      const given = spec.given([aGroupWageDispute()]);
      const at = (day: string) => cmd('RecordFollowUp', { followUpId: 'f-1', at: day, result: '已联系' });
      expect(given.when(at('2026-07-01')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ field: 'at', reason: 'in_future' });
      expect(given.when(at('1980-07-01')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ reason: 'before_1990' });
      expect(given.when(at('2026-02-01')).thenThrows('DATE_IMPLAUSIBLE').details).toMatchObject({ reason: 'before_application' });
    });

    it('TEXT_REQUIRED: a follow-up without its result', () => {
      const error = spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordFollowUp', { followUpId: 'f-1', at: '2026-04-02', result: '\u3000' }))
        .thenThrows('TEXT_REQUIRED');
      expect(error.details).toEqual({ field: 'result' });
    });
  });

  describe('ReachAgreement', () => {
    const reach = (amounts: { claimantId: string; amountFen: number }[], over: { terms?: string; paymentDates?: string[] } = {}) =>
      cmd('ReachAgreement', { agreementId: 'a-1', amounts, terms: '公司分两期支付欠薪', paymentDates: ['2026-04-01', '2026-05-01'], ...over });
    const each = (claimants: ClaimantRef[], amountFen = 500_000) => claimants.map((c) => ({ claimantId: c.claimantId, amountFen }));

    it('given a case whose intake is still undecided, when an agreement is reached, then INTAKE_NOT_ACCEPTED', () => {
      const error = spec.given([aGroupWageDispute()]).when(reach(each(workers(3)))).thenThrows('INTAKE_NOT_ACCEPTED');
      expect(error.details).toEqual({ caseId: CASE });
      expect(error.messages.zh).toContain('请先受理');
    });

    it('given a declined case reopened (intake pending again), when an agreement is reached, then INTAKE_NOT_ACCEPTED', () => {
      const declined = ev('IntakeDeclined', { reason: '不属于劳动争议', declinedBy: wang.staffId, declinedAt: NOW });
      const reopened = ev('CaseReopened', { reason: '重新审查', reopenedBy: liu.staffId, reopenedAt: NOW });
      spec.given([aGroupWageDispute(), declined, reopened]).when(withActor(reach(each(workers(3))), liu)).thenThrows('INTAKE_NOT_ACCEPTED');
    });

    it('given an accepted case, when an amount is above the plausible ceiling, then AMOUNT_INVALID implausible naming amounts[i].amountFen', () => {
      const error = spec
        .given([aGroupWageDispute(), accepted])
        .when(reach([...each(workers(2)), { claimantId: 'c-3', amountFen: 100_000_000_001 }]))
        .thenThrows('AMOUNT_INVALID');
      expect(error.details).toMatchObject({ field: 'amounts[2].amountFen', reason: 'implausible', limit: 100_000_000_000 });
      expect(disputeCaseDecider.decide(reach([...each(workers(2)), { claimantId: 'c-3', amountFen: 100_000_000_000 }]), spec.given([aGroupWageDispute(), accepted]).state)).toHaveLength(1);
    });

    it('records one amount for every claimant, and the total', () => {
      spec.given([aGroupWageDispute(), accepted]).when(reach(each(workers(3)))).then([agreementFor(workers(3))]);
    });

    it('covers a group case of a thousand workers', () => {
      const many = workers(1000);
      spec.given([aGroupWageDispute(many), accepted]).when(reach(each(many))).then([agreementFor(many)]);
    });

    it('records nothing for the agreement already recorded', () => {
      spec.given([aGroupWageDispute(), agreementFor(workers(3))]).when(reach(each(workers(3)))).then([]);
    });

    it('AGREEMENT_AMOUNT_MISSING names the claimants left out', () => {
      const error = spec.given([aGroupWageDispute(), accepted]).when(reach(each(workers(1)))).thenThrows('AGREEMENT_AMOUNT_MISSING');
      expect(error.details).toEqual({ claimantIds: ['c-2', 'c-3'] });
      expect(error.messages.zh).toContain('李建国、王淑芬');
      expect(error.messages.en).toContain('李建国, 王淑芬');
    });

    it('AGREEMENT_AMOUNT_MISSING for a thousand names shows ten and a count', () => {
      const many = workers(1000);
      const error = spec.given([aGroupWageDispute(many), accepted]).when(reach(each(many.slice(0, 2)))).thenThrows('AGREEMENT_AMOUNT_MISSING');
      expect(error.messages.zh).toMatch(/等998人。$/);
      expect(error.messages.en).toMatch(/and 993 more\.$/);
    });

    it('CLAIMANT_NOT_FOUND: an amount for someone not on the case', () => {
      spec
        .given([aGroupWageDispute(), accepted])
        .when(reach([...each(workers(3)), { claimantId: 'c-99', amountFen: 1 }]))
        .thenThrows('CLAIMANT_NOT_FOUND');
    });

    it('AGREEMENT_AMOUNT_DUPLICATED: two amounts for one claimant', () => {
      spec
        .given([aGroupWageDispute(), accepted])
        .when(reach([...each(workers(3)), { claimantId: 'c-1', amountFen: 1 }]))
        .thenThrows('AGREEMENT_AMOUNT_DUPLICATED');
    });

    it('AGREEMENT_WITHOUT_CLAIMANTS', () => {
      spec.given([aGroupWageDispute([]), accepted]).when(reach([])).thenThrows('AGREEMENT_WITHOUT_CLAIMANTS');
    });

    it('AMOUNT_INVALID: fractional or negative fen, or a total beyond exact arithmetic', () => {
      const given = spec.given([aGroupWageDispute(), accepted]);
      given.when(reach([...each(workers(2)), { claimantId: 'c-3', amountFen: 0.5 }])).thenThrows('AMOUNT_INVALID');
      given.when(reach([...each(workers(2)), { claimantId: 'c-3', amountFen: -100 }])).thenThrows('AMOUNT_INVALID');
      given.when(reach(each(workers(3), Number.MAX_SAFE_INTEGER))).thenThrows('AMOUNT_INVALID');
    });

    it('AGREEMENT_TERMS_REQUIRED', () => {
      spec.given([aGroupWageDispute(), accepted]).when(reach(each(workers(3)), { terms: ' ' })).thenThrows('AGREEMENT_TERMS_REQUIRED');
    });

    it('DATE_INVALID: a payment date is a day', () => {
      spec
        .given([aGroupWageDispute(), accepted])
        .when(reach(each(workers(3)), { paymentDates: ['2026-04-01T00:00:00Z'] }))
        .thenThrows('DATE_INVALID');
    });

    it('DATE_IMPLAUSIBLE: a payment date before the application, or more than ten years ahead', () => {
      const given = spec.given([aGroupWageDispute(), accepted]);
      const early = given.when(reach(each(workers(3)), { paymentDates: ['2026-04-01', '2026-02-28'] })).thenThrows('DATE_IMPLAUSIBLE');
      // Which of the dates: the second.
      expect(early.details).toEqual({ field: 'paymentDates[1]', value: '2026-02-28', reason: 'before_application', limit: '2026-03-01' });
      expect(early.messages.zh).toContain('支付日期（第2个）');
      const late = given.when(reach(each(workers(3)), { paymentDates: ['2036-07-01'] })).thenThrows('DATE_IMPLAUSIBLE');
      expect(late.details).toEqual({ field: 'paymentDates[0]', value: '2036-07-01', reason: 'beyond_payment_horizon', limit: '2036-06-30' });
      expect(late.messages.zh).toBe('支付日期（第1个）不能晚于今天起十年（2036-06-30之后）：2036-07-01。');
      expect(disputeCaseDecider.decide(reach(each(workers(3)), { paymentDates: ['2036-06-30'] }), given.state)).toHaveLength(1);
    });

    it('AGREEMENT_ALREADY_REACHED: a second agreement does not silently replace the first (issue 8.15)', () => {
      const second = cmd('ReachAgreement', { ...reach(each(workers(3), 50)).data, agreementId: 'a-2' });
      const error = spec.given([aGroupWageDispute(), agreementFor(workers(3))]).when(second).thenThrows('AGREEMENT_ALREADY_REACHED');
      expect(error.details).toEqual({ caseId: CASE, agreementId: 'a-1' });
      expect(error.messages.zh).toContain('请登记协议变更并说明理由');
      expect(error.messages.en).toContain('¥15,000.00');
      // Not even on a reopened case: a change is an amendment there too.
      const reopened = ev('CaseReopened', { reason: '公司未按期支付，重新调解', reopenedBy: liu.staffId, reopenedAt: NOW });
      spec.given([aGroupWageDispute(), agreementFor(workers(3)), withdrawn, reopened]).when(second).thenThrows('AGREEMENT_ALREADY_REACHED');
    });
  });

  describe('AmendAgreement', () => {
    const amended = (over: Partial<EventOf<'AgreementAmended'>['data']> = {}) =>
      ev('AgreementAmended', {
        agreementId: 'a-2',
        amendsAgreementId: 'a-1',
        previousTotalFen: 1_500_000,
        reason: '公司资金困难，双方同意延长付款期',
        amounts: workers(3).map((c) => ({ claimantId: c.claimantId, amountFen: 400_000 })),
        totalFen: 1_200_000,
        terms: '公司分三期支付欠薪',
        paymentDates: ['2026-05-01', '2026-06-01', '2026-06-30'],
        amendedAt: NOW,
        ...over,
      });

    it('amends the agreement in force, with the reason, referring to it', () => {
      spec.given([aGroupWageDispute(), agreementFor(workers(3))]).when(amendment()).then([amended()]);
    });

    it('the amended version is in force; the first stays in the history', () => {
      const { state } = spec.given([aGroupWageDispute(), agreementFor(workers(3)), amended()]);
      expect(state?.agreement).toMatchObject({ agreementId: 'a-2', totalFen: 1_200_000, amends: { agreementId: 'a-1', reason: '公司资金困难，双方同意延长付款期' } });
      expect(state?.agreements.map((a) => [a.agreementId, a.totalFen])).toEqual([
        ['a-1', 1_500_000],
        ['a-2', 1_200_000],
      ]);
    });

    it('a second amendment refers to the first amendment', () => {
      const again = cmd('AmendAgreement', { ...amendment().data, agreementId: 'a-3', reason: '再次协商' });
      spec
        .given([aGroupWageDispute(), agreementFor(workers(3)), amended()])
        .when(again)
        .then([amended({ agreementId: 'a-3', amendsAgreementId: 'a-2', previousTotalFen: 1_200_000, reason: '再次协商' })]);
    });

    it('records nothing for an amendment already recorded (the same form sent twice)', () => {
      spec.given([aGroupWageDispute(), agreementFor(workers(3)), amended()]).when(amendment()).then([]);
    });

    it('a supervisor may amend', () => {
      spec
        .given([aGroupWageDispute(), agreementFor(workers(3))])
        .when(withActor(amendment(), liu))
        .then([{ ...amended() }]);
    });

    describe('not below what the recovery ledger already holds for a worker (README: refused if it would owe less than was received)', () => {
      // c-1 has had 700,000 fen received (paid or held or allocated), c-2 300,000 received and 100,000 written off.
      const recovery = {
        workers: [
          { claimantId: 'c-1', receivedFen: 700_000, writtenOffFen: 0 },
          { claimantId: 'c-2', receivedFen: 300_000, writtenOffFen: 100_000 },
          { claimantId: 'c-3', receivedFen: 0, writtenOffFen: 0 },
        ],
      };
      const amend = (amounts: number[]) =>
        cmd('AmendAgreement', { ...amendment().data, amounts: workers(3).map((c, i) => ({ claimantId: c.claimantId, amountFen: amounts[i]! })), recovery });

      it('given money received for c-1, when the amendment owes c-1 less than that, then AGREEMENT_BELOW_RECOVERED naming amounts[0].amountFen and the worker', () => {
        const error = spec.given([aGroupWageDispute(), agreementFor(workers(3), 1_000_000)]).when(amend([500_000, 400_000, 0])).thenThrows('AGREEMENT_BELOW_RECOVERED');
        expect(error.details).toEqual({ field: 'amounts[0].amountFen', claimantId: 'c-1', name: '张秀英', amountFen: 500_000, receivedFen: 700_000, writtenOffFen: 0, minimumFen: 700_000 });
        expect(error.messages.zh).toContain('张秀英');
        expect(error.messages.zh).toContain('7,000.00元');
        expect(error.messages.en).toContain('¥7,000.00 received');
      });

      it('given money received and written off for c-2, when the amendment owes c-2 less than both together, then AGREEMENT_BELOW_RECOVERED naming amounts[1].amountFen', () => {
        const error = spec.given([aGroupWageDispute(), agreementFor(workers(3), 1_000_000)]).when(amend([700_000, 399_999, 0])).thenThrows('AGREEMENT_BELOW_RECOVERED');
        expect(error.details).toMatchObject({ field: 'amounts[1].amountFen', claimantId: 'c-2', minimumFen: 400_000 });
        expect(error.messages.en).toContain('written off');
      });

      it('given money received, when the amendment owes each worker exactly what they have had or more, then it is recorded', () => {
        const { state } = spec.given([aGroupWageDispute(), agreementFor(workers(3), 1_000_000)]);
        expect(disputeCaseDecider.decide(amend([700_000, 400_000, 0]), state)).toHaveLength(1);
      });

      it('given no recovery ledger yet (recovery null), when the amendment lowers every amount, then it is recorded', () => {
        const { state } = spec.given([aGroupWageDispute(), agreementFor(workers(3), 1_000_000)]);
        expect(disputeCaseDecider.decide(cmd('AmendAgreement', { ...amend([1, 1, 1]).data, recovery: null }), state)).toHaveLength(1);
      });
    });

    it('AGREEMENT_NOT_REACHED: nothing to amend', () => {
      const error = spec.given([aGroupWageDispute()]).when(amendment()).thenThrows('AGREEMENT_NOT_REACHED');
      expect(error.messages.zh).toContain('无从变更');
    });

    it('REASON_REQUIRED: an amendment says why', () => {
      for (const reason of ['', ' \u3000 ', undefined as unknown as string]) {
        spec
          .given([aGroupWageDispute(), agreementFor(workers(3))])
          .when(cmd('AmendAgreement', { ...amendment().data, reason }))
          .thenThrows('REASON_REQUIRED');
      }
    });

    it('obeys every rule of the agreement itself', () => {
      const given = spec.given([aGroupWageDispute(), agreementFor(workers(3))]);
      const with_ = (over: object) => cmd('AmendAgreement', { ...amendment().data, ...over });
      given.when(with_({ amounts: amendment().data.amounts.slice(1) })).thenThrows('AGREEMENT_AMOUNT_MISSING');
      given.when(with_({ terms: '\n' })).thenThrows('AGREEMENT_TERMS_REQUIRED');
      given.when(with_({ paymentDates: ['2040-01-01'] })).thenThrows('DATE_IMPLAUSIBLE');
      given.when(with_({ paymentDates: ['soon'] })).thenThrows('DATE_INVALID');
      given.when(with_({ amounts: [...amendment().data.amounts.slice(1), { claimantId: 'c-1', amountFen: 0.5 }] })).thenThrows('AMOUNT_INVALID');
    });
  });

  describe('RecordOutcome', () => {
    it('RECOVERY_NOT_COMPLETE: not fulfilled until the recovery ledger shows every worker paid (issue 10)', () => {
      const given = spec.given([aGroupWageDispute(), agreementFor(workers(3))]);
      const error = given.when(cmd('RecordOutcome', { outcome: 'agreement_fulfilled', recoveryComplete: false })).thenThrows('RECOVERY_NOT_COMPLETE');
      expect(error.details).toEqual({ caseId: CASE });
      expect(error.messages.zh).toContain('追欠台账');
      expect(error.messages.en).toContain('recovery ledger');
      // Other outcomes do not wait for the money.
      given.when(cmd('RecordOutcome', { outcome: 'closed', reason: '公司破产', recoveryComplete: false })).then([
        ev('CaseClosed', { outcome: 'closed', reason: '公司破产', closedBy: wang.staffId, closedAt: NOW }),
      ]);
    });

    it('closes as agreement fulfilled once the recovery is complete; no reason needed', () => {
      spec
        .given([aGroupWageDispute(), agreementFor(workers(3))])
        .when(cmd('RecordOutcome', { outcome: 'agreement_fulfilled', recoveryComplete: true }))
        .then([ev('CaseClosed', { outcome: 'agreement_fulfilled', closedBy: wang.staffId, closedAt: NOW })]);
    });

    it('AGREEMENT_NOT_REACHED: no fulfilment without an agreement', () => {
      spec.given([aGroupWageDispute()]).when(cmd('RecordOutcome', { outcome: 'agreement_fulfilled', recoveryComplete: true })).thenThrows('AGREEMENT_NOT_REACHED');
    });

    it.each(['referred_to_arbitration', 'withdrawn', 'closed'] as const)('closes as %s with its reason', (outcome) => {
      spec
        .given([aGroupWageDispute()])
        .when(cmd('RecordOutcome', { outcome, reason: '十五日内未达成协议', recoveryComplete: false }))
        .then([ev('CaseClosed', { outcome, reason: '十五日内未达成协议', closedBy: wang.staffId, closedAt: NOW })]);
    });

    it.each(['referred_to_arbitration', 'withdrawn', 'closed'] as const)('OUTCOME_REASON_REQUIRED: %s', (outcome) => {
      spec.given([aGroupWageDispute()]).when(cmd('RecordOutcome', { outcome, recoveryComplete: false })).thenThrows('OUTCOME_REASON_REQUIRED');
      spec.given([aGroupWageDispute()]).when(cmd('RecordOutcome', { outcome, reason: '  ', recoveryComplete: false })).thenThrows('OUTCOME_REASON_REQUIRED');
    });

    it('CHOICE_INVALID: an outcome the system does not know', () => {
      spec.given([aGroupWageDispute()]).when(cmd('RecordOutcome', { outcome: 'won' as never, reason: 'x', recoveryComplete: false })).thenThrows('CHOICE_INVALID');
    });
  });

  describe('ReopenCase', () => {
    const reopen = (reason = '公司未按期支付', actor: Actor = liu) => cmd('ReopenCase', { reason }, actor);

    it('a supervisor reopens a closed case with a reason', () => {
      spec
        .given([aGroupWageDispute(), withdrawn])
        .when(reopen())
        .then([ev('CaseReopened', { reason: '公司未按期支付', reopenedBy: liu.staffId, reopenedAt: NOW })]);
    });

    it('SUPERVISOR_ONLY: not even the case’s mediator', () => {
      spec.given([aGroupWageDispute(), withdrawn]).when(reopen('x', wang)).thenThrows('SUPERVISOR_ONLY');
      spec.given([aGroupWageDispute(), withdrawn]).when(reopen('x', admin)).thenThrows('SUPERVISOR_ONLY');
    });

    it('CASE_NOT_CLOSED', () => {
      spec.given([aGroupWageDispute()]).when(reopen()).thenThrows('CASE_NOT_CLOSED');
    });

    it('REASON_REQUIRED', () => {
      spec.given([aGroupWageDispute(), withdrawn]).when(reopen(' ')).thenThrows('REASON_REQUIRED');
    });

    it('after reopening, the mediator records again', () => {
      const reopened = ev('CaseReopened', { reason: '公司未按期支付', reopenedBy: liu.staffId, reopenedAt: NOW });
      spec
        .given([aGroupWageDispute(), withdrawn, reopened])
        .when(cmd('RecordFollowUp', { followUpId: 'f-1', at: '2026-04-02', result: '已催告公司' }))
        .then([ev('FollowUpRecorded', { followUpId: 'f-1', at: '2026-04-02', result: '已催告公司' })]);
    });
  });

  describe('the case as a page and as of a moment', () => {
    const history: DisputeCaseEvent[] = [
      aGroupWageDispute(),
      accepted,
      ev('ClaimRecorded', { claimantId: 'c-1', kind: 'unpaid_wages', amountFen: 900_000 }),
      ev('ClaimRecorded', { claimantId: 'c-1', kind: 'overtime', amountFen: 120_000, note: '周末加班' }),
      referred,
      ev('ReferralAnswered', { referralId: 'r-1', agency: 'social_security', answer: '已核实', answeredAt: '2026-03-05' }),
      ev('MediationSessionRecorded', { sessionId: 's-1', number: 1, heldAt: '2026-03-06', place: '镇工会调解室', attendees: [], summary: '' }),
      agreementFor(workers(3)),
      ev('FollowUpRecorded', { followUpId: 'f-1', at: '2026-04-02', method: 'phone', result: '第一期已到账' }),
      ev('CaseClosed', { outcome: 'agreement_fulfilled', closedBy: wang.staffId, closedAt: '2026-05-03T02:00:00.000Z' }),
    ];
    const replay = (events: DisputeCaseEvent[]) => events.reduce(disputeCaseDecider.evolve, disputeCaseDecider.initialState()) as DisputeCase;

    it('holds what the case page shows', () => {
      const page = replay(history);
      expect(page).toMatchObject({
        status: 'closed',
        receivedAt: '2026-03-01',
        mediatorId: wang.staffId,
        intake: { decision: 'accepted', by: wang.staffId, at: NOW },
        outcome: 'agreement_fulfilled',
        closedAt: '2026-05-03T02:00:00.000Z',
        closeReason: null,
      });
      expect(claimedTotalFen(page.claimants[0]!)).toBe(1_020_000);
      expect(page.referrals[0]!.answer).toEqual({ text: '已核实', answeredAt: '2026-03-05' });
      expect(page.sessions.map((s) => s.number)).toEqual([1]);
      expect(page.followUps).toHaveLength(1);
      expect(page.agreement?.totalFen).toBe(1_500_000);
    });

    it('replayed up to a moment, shows the case as it stood then', () => {
      const asOfSession = replay(history.slice(0, 7));
      expect(asOfSession.status).toBe('accepted');
      expect(asOfSession.agreement).toBeNull();
      expect(asOfSession.referrals[0]!.answer).not.toBeNull();
    });

    it('a declined intake closes the case; reopening puts the intake back to pending', () => {
      const declined = ev('IntakeDeclined', { reason: '已进入仲裁程序', declinedBy: wang.staffId, declinedAt: NOW });
      const reopened = ev('CaseReopened', { reason: '仲裁申请已撤回', reopenedBy: liu.staffId, reopenedAt: NOW });
      expect(replay([aGroupWageDispute(), declined])).toMatchObject({ status: 'closed', closeReason: '已进入仲裁程序', outcome: null });
      expect(replay([aGroupWageDispute(), declined, reopened])).toMatchObject({ status: 'open', intake: { decision: 'pending' }, closedAt: null });
      expect(replay([aGroupWageDispute(), accepted, withdrawn, reopened])).toMatchObject({ status: 'accepted', outcome: null });
    });
  });
});
