import fc from 'fast-check';
import { deciderSpec } from '../shared/decider-spec.js';
import type { Actor, CommandContext } from '../shared/messages.js';
import { disputeCaseDecider, type DisputeCaseCommand } from '../disputes/dispute-case.decide.js';
import type { DisputeCaseEvent } from '../disputes/dispute-case.events.js';
import { describeDisputeEvent } from '../disputes/dispute-case.describe.js';
import { caseDeadlines, mediationDeadline, noticeDue, pendingNotices, standing, type CaseClockFacts } from './deadline-calculator.js';
import { addDays, daysBetween } from './deadline-days.js';
import { DEFAULT_POLICIES, type DeadlinePolicies } from './deadline-policies.js';

const CASE = 'case-1';
const wang: Actor = { staffId: 'staff-wang', role: 'mediator' };
const zhao: Actor = { staffId: 'staff-zhao', role: 'mediator' };
const liu: Actor = { staffId: 'staff-liu', role: 'supervisor' };
const system: Actor = { staffId: 'system', role: 'system' };
const policies = DEFAULT_POLICIES;
const spec = deciderSpec(disputeCaseDecider);

/** Beijing noon of a day, as an instant. */
const noon = (day: string) => `${day}T04:00:00.000Z`;
type CommandOf<T extends DisputeCaseCommand['type']> = Extract<DisputeCaseCommand, { type: T }>;
function cmd<T extends DisputeCaseCommand['type']>(type: T, data: Omit<CommandOf<T>['data'], 'caseId'>, on: string, actor: Actor = wang): CommandOf<T> {
  const ctx: CommandContext = { actor, now: on.includes('T') ? on : noon(on) };
  return { type, ctx, data: { caseId: CASE, ...data } } as unknown as CommandOf<T>;
}
const opened = (receivedAt = '2026-03-01'): DisputeCaseEvent => ({
  type: 'DisputeCaseOpened',
  data: {
    caseId: CASE,
    title: '宏达建材拖欠工资案',
    category: 'unpaid_wages',
    description: '',
    application: { kind: 'written', receivedAt },
    respondent: { employerId: null, name: '仁和镇宏达建材有限公司' },
    claimants: [{ claimantId: 'c-1', workerId: null, name: '张秀英' }],
    mediatorId: wang.staffId,
    openedBy: wang.staffId,
    openedAt: noon(receivedAt),
  },
});
const paused = (pausedOn: string): DisputeCaseEvent => ({
  type: 'MediationClockPaused',
  data: { caseId: CASE, reason: 'party_unreachable', note: '被申请人负责人电话无法接通', pausedOn, pausedBy: wang.staffId, pausedAt: noon(pausedOn) },
});
const check = (kind: 'mediation' | 'follow_up', at: string, p: DeadlinePolicies = policies) => cmd('CheckDeadline', { kind, policies: p }, at, system);

describe('the mediation clock (LDMAL art. 14)', () => {
  it('is due 15 days after receipt, warned 3 days before, missed once the due day has ended in Beijing', () => {
    const d = mediationDeadline({ receivedOn: '2026-03-01', pauses: [], agreementOn: null, lastFollowUpOn: null, closedOn: null }, policies, '2026-03-01');
    expect(d).toMatchObject({ dueOn: '2026-03-16', warnOn: '2026-03-13', status: 'running' });
    expect(d.warnAt).toBe('2026-03-12T16:00:00.000Z'); // 13 March, 00:00 in Beijing
    expect(d.dueAt).toBe('2026-03-16T16:00:00.000Z'); // 17 March, 00:00 in Beijing
    expect(standing(d, '2026-03-12').state).toBe('upcoming');
    expect(standing(d, '2026-03-13')).toEqual({ state: 'due_soon', daysLeft: 3, daysOver: 0 });
    expect(standing(d, '2026-03-21')).toEqual({ state: 'overdue', daysLeft: -5, daysOver: 5 });
  });

  it('given a case received today, when checked: nothing before the warning day, a warning on it, a miss after the due day, each once', () => {
    const given = [opened('2026-03-01')];
    spec.given(given).when(check('mediation', '2026-03-12T15:59:59.000Z')).then([]);
    const warned = spec.given(given).when(check('mediation', '2026-03-12T16:00:00.000Z')).then([
      { type: 'DeadlineWarned', data: { caseId: CASE, kind: 'mediation', dueOn: '2026-03-16', responsibleId: wang.staffId, policyRevision: -1, warnOn: '2026-03-13', daysLeft: 3 } },
    ]);
    spec.given([...given, ...warned]).when(check('mediation', '2026-03-15')).then([]);
    const missed = spec.given([...given, ...warned]).when(check('mediation', '2026-03-17')).then([
      { type: 'DeadlineMissed', data: { caseId: CASE, kind: 'mediation', dueOn: '2026-03-16', responsibleId: wang.staffId, policyRevision: -1, daysOver: 1 } },
    ]);
    spec.given([...given, ...warned, ...missed]).when(check('mediation', '2026-03-20')).then([]);
  });

  it('given a case back-entered as received 20 days ago, when checked, records the miss and no warning', () => {
    const [event] = spec.given([opened('2026-03-01')]).when(check('mediation', '2026-03-21')).then([
      { type: 'DeadlineMissed', data: { caseId: CASE, kind: 'mediation', dueOn: '2026-03-16', responsibleId: wang.staffId, policyRevision: -1, daysOver: 5 } },
    ]);
    expect(describeDisputeEvent(event, 'zh', { staffName: () => '王芳' })).toBe(
      '系统记录：调解期限已于2026-03-16届满，未达成调解协议，当事人可依法申请仲裁（逾期5天，承办调解员：王芳）',
    );
    expect(describeDisputeEvent(event, 'en', { staffName: () => 'Wang Fang' })).toBe(
      'Recorded by the system: the mediation period ended on 2026-03-16 without an agreement; a party may now apply for arbitration (5 days over; mediator: Wang Fang)',
    );
  });

  it('records nothing once an agreement is reached in time, or the case is closed', () => {
    const agreed: DisputeCaseEvent = {
      type: 'AgreementReached',
      data: { caseId: CASE, agreementId: 'a-1', amounts: [{ claimantId: 'c-1', amountFen: 100 }], totalFen: 100, terms: '一次付清', paymentDates: [], reachedAt: noon('2026-03-10') },
    };
    spec.given([opened(), agreed]).when(check('mediation', '2026-03-30')).then([]);
    const closed: DisputeCaseEvent = { type: 'CaseClosed', data: { caseId: CASE, outcome: 'withdrawn', reason: '撤回', closedBy: wang.staffId, closedAt: noon('2026-03-05') } };
    spec.given([opened(), closed]).when(check('mediation', '2026-03-30')).then([]);
    spec.given([opened(), closed]).when(check('follow_up', '2026-05-30')).then([]);
  });

  it('given a pause with a reason the policy allows, the due date moves by the days paused', () => {
    const pause = spec.given([opened()]).when(cmd('PauseMediationClock', { reason: 'party_unreachable', note: '被申请人负责人电话无法接通', policies }, '2026-03-05')).then([paused('2026-03-05')]);
    // While paused, nothing is due even past the original date.
    spec.given([opened(), ...pause]).when(check('mediation', '2026-03-20')).then([]);
    spec.given([opened(), ...pause]).when(cmd('ResumeMediationClock', { policies }, '2026-03-09', liu)).then([
      { type: 'MediationClockResumed', data: { caseId: CASE, resumedOn: '2026-03-09', pausedDays: 4, dueOn: '2026-03-20', resumedBy: liu.staffId, resumedAt: noon('2026-03-09') } },
    ]);
  });

  it.each([
    ['a reason the policy does not allow', cmd('PauseMediationClock', { reason: 'parties_request', note: '双方申请', policies }, '2026-03-05'), [], 'PAUSE_REASON_NOT_ALLOWED'],
    ['no note', cmd('PauseMediationClock', { reason: 'party_unreachable', note: '  ', policies }, '2026-03-05'), [], 'PAUSE_NOTE_REQUIRED'],
    ['a clock already paused', cmd('PauseMediationClock', { reason: 'party_unreachable', note: '再次', policies }, '2026-03-06'), [paused('2026-03-05')], 'MEDIATION_CLOCK_ALREADY_PAUSED'],
    ['a period already ended', cmd('PauseMediationClock', { reason: 'party_unreachable', note: '迟了', policies }, '2026-03-17'), [], 'MEDIATION_PERIOD_ENDED'],
    ['another mediator', cmd('PauseMediationClock', { reason: 'party_unreachable', note: '无法联系', policies }, '2026-03-05', zhao), [], 'NOT_ASSIGNED_MEDIATOR'],
    ['a resume without a pause', cmd('ResumeMediationClock', { policies }, '2026-03-05'), [], 'MEDIATION_CLOCK_NOT_PAUSED'],
    ['a check by a person', cmd('CheckDeadline', { kind: 'mediation', policies }, '2026-03-20', liu), [], 'SYSTEM_ONLY'],
  ])('refuses %s', (_, command, before, code) => {
    spec.given([opened(), ...(before as DisputeCaseEvent[])]).when(command).thenThrows(code);
  });
});

describe('the monthly follow-up', () => {
  it('is owed a month after receipt, then a month after the last follow-up', () => {
    const followUp: DisputeCaseEvent = { type: 'FollowUpRecorded', data: { caseId: CASE, followUpId: 'f-1', at: '2026-03-25', result: '已电话回访' } };
    spec.given([opened()]).when(check('follow_up', '2026-04-02')).then([
      { type: 'DeadlineMissed', data: { caseId: CASE, kind: 'follow_up', dueOn: '2026-04-01', responsibleId: wang.staffId, policyRevision: -1, daysOver: 1 } },
    ]);
    spec.given([opened(), followUp]).when(check('follow_up', '2026-04-02')).then([]);
    spec.given([opened(), followUp]).when(check('follow_up', '2026-04-21')).then([
      { type: 'DeadlineWarned', data: { caseId: CASE, kind: 'follow_up', dueOn: '2026-04-25', responsibleId: wang.staffId, policyRevision: -1, warnOn: '2026-04-20', daysLeft: 4 } },
    ]);
  });
});

describe('the deadline calculator (properties)', () => {
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
  const facts = fc.record({
    receivedOn: day,
    pauseDays: fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 })), { maxLength: 3 }),
  });

  it('moves the due date by exactly the days paused, keeps the warning before it, and asks for each notice once', () => {
    fc.assert(
      fc.property(facts, fc.integer({ min: 0, max: 60 }), ({ receivedOn, pauseDays }, later) => {
        let cursor = receivedOn;
        const pauses = pauseDays.map(([gap, length]) => {
          const from = addDays(cursor, gap);
          cursor = addDays(from, length);
          return { from, to: cursor, reason: 'party_unreachable' as const };
        });
        const f: CaseClockFacts = { receivedOn, pauses, agreementOn: null, lastFollowUpOn: null, closedOn: null };
        const today = addDays(cursor, later);
        const d = mediationDeadline(f, policies, today);
        const paused = pauseDays.reduce((s, [, l]) => s + l, 0);
        expect(daysBetween(receivedOn, d.dueOn)).toBe(policies.mediation.days + paused);
        expect(d.warnOn <= d.dueOn && d.warnAt < d.dueAt).toBe(true);
        // Every instant after the end asks for the miss until it is recorded, then for nothing.
        const after = new Date(Date.parse(d.dueAt) + later * 3600_000).toISOString();
        expect(noticeDue(d, after, [])).toBe('missed');
        expect(noticeDue(d, after, [{ kind: 'mediation', level: 'missed', dueOn: d.dueOn }])).toBeNull();
        expect(pendingNotices(d, []).map((p) => p.level)).toEqual(['warned', 'missed']);
        for (const c of caseDeadlines(f, policies, today)) expect(standing(c, today).daysOver).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('the case clock the read model keeps', () => {
  it('holds the same facts and notices as the case folded by its own evolve', async () => {
    const { evolveCaseClock } = await import('./case-clock.js');
    const { caseClockFacts } = await import('./case-deadlines.js');
    const events: DisputeCaseEvent[] = [
      opened('2026-03-01'),
      paused('2026-03-03'),
      { type: 'MediationClockResumed', data: { caseId: CASE, resumedOn: '2026-03-06', pausedDays: 3, dueOn: '2026-03-19', resumedBy: wang.staffId, resumedAt: noon('2026-03-06') } },
      { type: 'FollowUpRecorded', data: { caseId: CASE, followUpId: 'f-2', at: '2026-03-20T09:00:00+08:00', result: '回访' } },
      { type: 'FollowUpRecorded', data: { caseId: CASE, followUpId: 'f-1', at: '2026-03-10', result: '补录的回访' } },
      { type: 'DeadlineMissed', data: { caseId: CASE, kind: 'mediation', dueOn: '2026-03-19', daysOver: 1, responsibleId: wang.staffId, policyRevision: -1 } },
      { type: 'CaseClosed', data: { caseId: CASE, outcome: 'referred_to_arbitration', reason: '转仲裁', closedBy: wang.staffId, closedAt: noon('2026-03-25') } },
    ];
    let clock = null as ReturnType<typeof evolveCaseClock>;
    events.forEach((e, i) => (clock = evolveCaseClock(clock, e, `e-${i}`)));
    const state = events.reduce(disputeCaseDecider.evolve, disputeCaseDecider.initialState())!;
    expect(clock!.facts).toEqual(caseClockFacts(state));
    expect(clock!.notices).toEqual(state.deadlineNotices);
    expect(clock!.causes).toEqual({ mediation: 'e-2', follow_up: 'e-4' });
  });
});

describe('history the date checks came after', () => {
  it('folds a case received at an instant no four-digit Beijing day holds, without throwing', async () => {
    const { evolveCaseClock } = await import('./case-clock.js');
    const clock = evolveCaseClock(null, opened('9999-12-31T23:00:00-12:00'), 'e-0');
    expect(clock!.facts.receivedOn).toBe('9999-12-31');
  });
});
