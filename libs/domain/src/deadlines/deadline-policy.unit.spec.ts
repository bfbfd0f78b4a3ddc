import type { DomainError } from '../shared/domain-error.js';
import { deadlineRules } from './deadline.errors.js';
import { deciderSpec } from '../shared/decider-spec.js';
import type { Actor } from '../shared/messages.js';
import { cadreActivityDecider, type RecordCadreActivity } from './cadre-activity.js';
import { cadreDutyStanding } from './cadre-duties.js';
import { deadlinePolicyDecider, type DeadlinePolicyCommand } from './deadline-policy.js';
import { DEFAULT_POLICIES } from './deadline-policies.js';

const NOW = '2026-11-26T02:00:00.000Z';
const admin: Actor = { staffId: 'staff-admin', role: 'administrator' };
const liu: Actor = { staffId: 'staff-liu', role: 'supervisor' };
const wang: Actor = { staffId: 'staff-wang', role: 'mediator' };
const policies = deciderSpec(deadlinePolicyDecider);
const set = (type: DeadlinePolicyCommand['type'], data: Record<string, unknown>, actor = admin) => ({ type, data, ctx: { actor, now: NOW } }) as unknown as DeadlinePolicyCommand;

describe('deadline policies (administrator, as events)', () => {
  it('given the defaults, when an administrator sets a shorter mediation target, records it with the one it replaces', () => {
    const [event] = policies.given([]).when(set('SetMediationPolicy', { days: 10, warnDaysBefore: 2, pauseReasons: ['party_unreachable'], reason: '镇总工会要求提速' })).then([
      {
        type: 'MediationPolicySet',
        data: { policy: { days: 10, warnDaysBefore: 2, pauseReasons: ['party_unreachable'] }, previous: DEFAULT_POLICIES.mediation, setBy: admin.staffId, setAt: NOW, reason: '镇总工会要求提速' },
      },
    ]);
    const state = deadlinePolicyDecider.evolve(DEFAULT_POLICIES, event);
    expect(state).toMatchObject({ mediation: { days: 10 }, revision: 0 });
    // The same policy again changes nothing.
    policies.given([event]).when(set('SetMediationPolicy', { days: 10, warnDaysBefore: 2, pauseReasons: ['party_unreachable'] })).then([]);
  });

  it('given the defaults (a week’s grace, five days to approve), when an administrator changes them, records each with the one it replaces', () => {
    expect([DEFAULT_POLICIES.instalment, DEFAULT_POLICIES.disbursementApproval, DEFAULT_POLICIES.writeOffApproval]).toEqual([
      { graceDays: 7, warnDaysBefore: 3 },
      { days: 5, warnDaysBefore: 1 },
      { days: 5, warnDaysBefore: 1 },
    ]);
    const [grace] = policies.given([]).when(set('SetInstalmentPolicy', { graceDays: 10, warnDaysBefore: 5, reason: '春节前后放宽' })).then([
      { type: 'InstalmentPolicySet', data: { policy: { graceDays: 10, warnDaysBefore: 5 }, previous: DEFAULT_POLICIES.instalment, setBy: admin.staffId, setAt: NOW, reason: '春节前后放宽' } },
    ]);
    const [approval] = policies.given([grace]).when(set('SetApprovalPolicy', { kind: 'write_off_approval', days: 3, warnDaysBefore: 1 })).then([
      { type: 'ApprovalPolicySet', data: { kind: 'write_off_approval', policy: { days: 3, warnDaysBefore: 1 }, previous: DEFAULT_POLICIES.writeOffApproval, setBy: admin.staffId, setAt: NOW } },
    ]);
    const state = [grace, approval].reduce(deadlinePolicyDecider.evolve, DEFAULT_POLICIES);
    expect(state).toMatchObject({ instalment: { graceDays: 10 }, writeOffApproval: { days: 3 }, disbursementApproval: DEFAULT_POLICIES.disbursementApproval, revision: 1 });
    policies.given([grace, approval]).when(set('SetApprovalPolicy', { kind: 'write_off_approval', days: 3, warnDaysBefore: 1 })).then([]);
  });

  it.each([
    ['a negative grace', set('SetInstalmentPolicy', { graceDays: -1, warnDaysBefore: 3 }), 'POLICY_VALUE_OUT_OF_RANGE'],
    ['a grace of a fraction of a day', set('SetInstalmentPolicy', { graceDays: 1.5, warnDaysBefore: 3 }), 'POLICY_VALUE_OUT_OF_RANGE'],
    ['no days at all to approve', set('SetApprovalPolicy', { kind: 'disbursement_approval', days: 0, warnDaysBefore: 0 }), 'POLICY_VALUE_OUT_OF_RANGE'],
    ['a warning not before the last day to approve', set('SetApprovalPolicy', { kind: 'disbursement_approval', days: 5, warnDaysBefore: 5 }), 'POLICY_VALUE_OUT_OF_RANGE'],
    ['an approval of another kind', set('SetApprovalPolicy', { kind: 'holiday_approval', days: 5, warnDaysBefore: 1 }), 'APPROVAL_KIND_UNKNOWN'],
    ['an instalment policy set by a supervisor', set('SetInstalmentPolicy', { graceDays: 3, warnDaysBefore: 1 }, liu), 'ADMINISTRATOR_ONLY'],
    ['more than the law allows', set('SetMediationPolicy', { days: 20, warnDaysBefore: 3, pauseReasons: [] }), 'MEDIATION_DAYS_BEYOND_LAW'],
    ['a warning not before the end', set('SetMediationPolicy', { days: 10, warnDaysBefore: 10, pauseReasons: [] }), 'POLICY_VALUE_OUT_OF_RANGE'],
    ['an unknown pause reason', set('SetMediationPolicy', { days: 10, warnDaysBefore: 3, pauseReasons: ['holiday'] }), 'PAUSE_REASON_UNKNOWN'],
    ['a fraction of a training', set('SetCadreDutiesPolicy', { trainingsPerYear: 2.5, keyEnterpriseVisitsPerQuarter: 1, followUpsPerMonth: 1 }), 'POLICY_VALUE_OUT_OF_RANGE'],
    ['a follow-up interval of no months', set('SetFollowUpPolicy', { intervalMonths: 0, warnDaysBefore: 3 }), 'POLICY_VALUE_OUT_OF_RANGE'],
    ['a supervisor', set('SetFollowUpPolicy', { intervalMonths: 1, warnDaysBefore: 3 }, liu), 'ADMINISTRATOR_ONLY'],
  ])('refuses %s', (_, command, code) => {
    policies.given([]).when(command).thenThrows(code);
  });
});

describe('cadre activities', () => {
  const activities = deciderSpec(cadreActivityDecider);
  const record = (data: Partial<RecordCadreActivity['data']>, actor: Actor = wang): RecordCadreActivity => ({
    type: 'RecordCadreActivity',
    ctx: { actor, now: NOW },
    data: { activityId: 'act-1', cadreId: wang.staffId, kind: 'training', on: '2026-11-20', title: '区总工会调解员培训', ...data },
  });

  it('are recorded by the cadre, or by a supervisor for them, once per id', () => {
    const [event] = activities.given([]).when(record({})).then([
      { type: 'CadreActivityRecorded', data: { activityId: 'act-1', cadreId: wang.staffId, kind: 'training', on: '2026-11-20', title: '区总工会调解员培训', recordedBy: wang.staffId } },
    ]);
    activities.given([event]).when(record({})).then([]);
    activities.given([]).when(record({ kind: 'key_enterprise_visit', enterpriseName: '仁和镇宏达建材有限公司' }, liu)).then([
      {
        type: 'CadreActivityRecorded',
        data: { activityId: 'act-1', cadreId: wang.staffId, kind: 'key_enterprise_visit', on: '2026-11-20', title: '区总工会调解员培训', enterpriseName: '仁和镇宏达建材有限公司', recordedBy: liu.staffId },
      },
    ]);
  });

  it.each([
    ['for another cadre', record({ cadreId: 'staff-zhao' }), 'NOT_THE_CADRE'],
    ['a visit without the enterprise', record({ kind: 'key_enterprise_visit' }), 'ENTERPRISE_REQUIRED'],
    ['a day still to come', record({ on: '2026-12-01' }), 'DATE_IMPLAUSIBLE'],
    ['an unknown kind', record({ kind: 'party' as never }), 'ACTIVITY_KIND_UNKNOWN'],
  ])('refuses a record %s', (_, command, code) => {
    activities.given([]).when(command).thenThrows(code);
  });
});

describe('cadre duties', () => {
  const base = { year: 2026, quarter: 4 as const, today: '2026-11-26', policy: DEFAULT_POLICIES.cadreDuties, trainings: [], visits: [], followUps: [] };

  it('shows a cadre with no training this year as missed (three quarters ended), and one with four as met', () => {
    expect(cadreDutyStanding(base).trainings).toEqual({ count: 0, required: 4, state: 'missed', expectedByNow: 3 });
    expect(cadreDutyStanding({ ...base, trainings: ['2026-01-05', '2026-04-05', '2026-07-05', '2026-10-05', '2025-12-31'] }).trainings.state).toBe('met');
    // Early in the year nobody is behind yet.
    expect(cadreDutyStanding({ ...base, quarter: 1, today: '2026-02-10' }).trainings.state).toBe('due');
  });

  it('counts key-enterprise visits in the quarter and lists the ended months without a follow-up', () => {
    const s = cadreDutyStanding({ ...base, visits: ['2026-09-30'], followUps: ['2026-01-10', ...['03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}-02`)] });
    expect(s.keyEnterpriseVisits).toEqual({ count: 0, required: 1, state: 'due' });
    expect(s.followUps.monthsWithout).toEqual(['2026-02']);
    expect(s.followUps.state).toBe('missed');
    expect(s.followUps.months.at(-1)).toEqual({ month: '2026-11', count: 0, required: 1, state: 'due' });
    expect(cadreDutyStanding({ ...base, quarter: 3, visits: [] }).keyEnterpriseVisits.state).toBe('missed');
  });

  it('asks nothing of a cadre for the periods before they became one (a period counts from its first day)', () => {
    // Became a mediator on 1 July: two quarters of trainings, nothing owed for January to June.
    const july = cadreDutyStanding({ ...base, since: '2026-07-01' });
    expect(july.trainings).toEqual({ count: 0, required: 2, state: 'missed', expectedByNow: 1 });
    expect(july.followUps.monthsWithout).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    expect(july.followUps.months[0]).toEqual({ month: '2026-01', count: 0, required: 0, state: 'met' });
    // Joined on 25 November: nothing missed this year, the fourth quarter's visit not asked, November not asked.
    const late = cadreDutyStanding({ ...base, since: '2026-11-25' });
    expect(late.trainings).toEqual({ count: 0, required: 0, state: 'met', expectedByNow: 0 });
    expect(late.keyEnterpriseVisits).toEqual({ count: 0, required: 0, state: 'met' });
    expect(late.followUps).toMatchObject({ state: 'met', monthsWithout: [] });
    // Known from before the year: the same as not known.
    expect(cadreDutyStanding({ ...base, since: '2024-03-08' })).toEqual(cadreDutyStanding(base));
  });
});

describe('deadline refusals speak in words, not codes or field names', () => {
  it('names a policy number by what it is, and an activity day by what is wrong with it', () => {
    const policyError = (() => {
      try {
        deadlineRules.numberOutOfRange('warnDaysBefore', 5, 0, 1);
      } catch (e) {
        return e as DomainError;
      }
    })()!;
    expect(policyError.messages.zh).toBe('提前提醒天数须为 0 至 1 之间的整数（收到 5）。');
    expect(policyError.messages.en).toBe('The days of warning before must be a whole number from 0 to 1 (got 5).');
    expect(policyError.details).toMatchObject({ field: 'warnDaysBefore' });
    const dayError = (() => {
      try {
        deadlineRules.activityDateInvalid('2026-12-01', 'in_future');
      } catch (e) {
        return e as DomainError;
      }
    })()!;
    expect(dayError.messages.zh).toContain('晚于今天');
    expect(dayError.messages.zh).not.toContain('in_future');
    expect(dayError.details).toMatchObject({ reason: 'in_future' });
  });
});
