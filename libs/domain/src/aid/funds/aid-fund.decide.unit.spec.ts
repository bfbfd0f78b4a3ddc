import fc from 'fast-check';
import { deciderSpec } from '../../shared/decider-spec.js';
import { DomainError } from '../../shared/domain-error.js';
import type { Actor, CommandContext } from '../../shared/messages.js';
import type { BeneficiaryFacts, BeneficiaryRef } from '../beneficiary-facts.js';
import type { ProgrammeTerms } from '../programmes/aid-programme.events.js';
import { disbursementIndexDecider, disbursementIndexStreamName, type FileDisbursement } from '../disbursements/disbursement-index.js';
import { aidFundDecider, type AidFundCommand } from './aid-fund.decide.js';
import { aidFundStreamName, availableFen, balanceFen, requireExactTotals, type AidFund, type AidFundEvent } from './aid-fund.events.js';

const FUND = 'fund-1';
/** 15 September 2026, 10:00 in Beijing: inside the autumn student-grant season. */
const NOW = '2026-09-15T02:00:00.000Z';
const officer: Actor = { staffId: 'staff-sun', role: 'fund_officer' };
const officer2: Actor = { staffId: 'staff-zhou', role: 'fund_officer' };
const supervisor: Actor = { staffId: 'staff-liu', role: 'supervisor' };
/** Sun holds both roles: acting as supervisor she still may not decide her own request. */
const sunAsSupervisor: Actor = { staffId: 'staff-sun', role: 'supervisor' };
const admin: Actor = { staffId: 'staff-admin', role: 'administrator' };
const auditor: Actor = { staffId: 'staff-audit', role: 'auditor' };

const spec = deciderSpec(aidFundDecider);

type CommandType = AidFundCommand['type'];
type CommandOf<T extends CommandType> = Extract<AidFundCommand, { type: T }>;
type EventOf<T extends AidFundEvent['type']> = Extract<AidFundEvent, { type: T }>;

function cmd<T extends CommandType>(type: T, data: Omit<CommandOf<T>['data'], 'fundId'>, actor: Actor = officer, now = NOW): CommandOf<T> {
  const ctx: CommandContext = { actor, now };
  return { type, ctx, data: { fundId: FUND, ...data } } as unknown as CommandOf<T>;
}
function ev<T extends AidFundEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'fundId'>): EventOf<T> {
  return { type, data: { fundId: FUND, ...data } } as unknown as EventOf<T>;
}

const opened = ev('AidFundOpened', { name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid', openedBy: admin.staffId, openedAt: NOW });
const income = (entryId: string, amountFen: number, source: 'district_allocation' | 'donation' = 'district_allocation') =>
  ev('AidIncomeRecorded', {
    entryId,
    source,
    amountFen,
    receivedOn: '2026-03-01',
    reference: `顺工拨〔2026〕${entryId}号`,
    ...(source === 'donation' ? { donor: { name: '仁和镇商会', receiptNumber: 'R-001' } } : {}),
    recordedBy: officer.staffId,
    recordedAt: NOW,
  });

const programme = (over: Partial<ProgrammeTerms> = {}): ProgrammeTerms => ({
  programmeId: 'p-students',
  kind: 'student_grants',
  name: '2026年金秋助学',
  fundId: FUND,
  season: { from: '08-01', to: '10-31' },
  perBeneficiaryCapFen: 200_000,
  active: true,
  ...over,
});
const workersHome = programme({ programmeId: 'p-home', kind: 'workers_home_subsidy', name: '职工之家补贴', season: null, perBeneficiaryCapFen: 2_000_000 });

const student = (id = 's-1', over: Partial<BeneficiaryFacts> = {}): BeneficiaryFacts => ({
  ref: { kind: 'student', id },
  displayName: '李小明',
  workerId: 'w-1',
  openHardshipFile: true,
  singleMotherHousehold: false,
  modelWorker: null,
  student: { name: '李小明', school: '仁和中学', grade: '初二' },
  workersHomeRatedYears: [],
  ...over,
});
const unit = (id = 'org-1', ratedYears = [2025, 2026]): BeneficiaryFacts => ({
  ref: { kind: 'organisation', id },
  displayName: '仁和镇宏达建材有限公司工会',
  workerId: null,
  openHardshipFile: false,
  singleMotherHousehold: false,
  modelWorker: null,
  student: null,
  workersHomeRatedYears: ratedYears,
});

const request = (disbursementId: string, amountFen: number, facts: BeneficiaryFacts = student(`s-${disbursementId}`), terms: ProgrammeTerms = programme(), actor = officer) =>
  cmd(
    'RequestDisbursement',
    { disbursementId, programmeId: terms.programmeId, programme: terms, beneficiary: facts.ref, facts, amountFen, reason: '家庭困难，子女就学' },
    actor,
  );
const requested = (disbursementId: string, amountFen: number, beneficiary: BeneficiaryRef = { kind: 'student', id: `s-${disbursementId}` }, terms = programme(), beneficiaryName = '李小明') =>
  ev('DisbursementRequested', {
    disbursementId,
    programmeId: terms.programmeId,
    programmeKind: terms.kind,
    programmeName: terms.name,
    beneficiary,
    beneficiaryName,
    amountFen,
    reason: '家庭困难，子女就学',
    year: 2026,
    requestedBy: officer.staffId,
    requestedAt: NOW,
    requestedOn: '2026-09-15',
  });
const approved = (disbursementId: string, amountFen: number) =>
  ev('DisbursementApproved', { disbursementId, amountFen, approvedBy: supervisor.staffId, approvedAt: NOW, approvedOn: '2026-09-15' });
const paid = (disbursementId: string, amountFen: number) =>
  ev('DisbursementPaid', { disbursementId, amountFen, method: 'bank_transfer', reference: 'B-1', paidOn: '2026-09-15', paidBy: officer.staffId, recordedAt: NOW });

const fundAfter = (events: AidFundEvent[]) => spec.given(events).state as AidFund;

describe('AidFund', () => {
  it('one stream per fund, holding its income and every disbursement', () => {
    expect(aidFundStreamName('fund-1')).toBe('aid-fund-fund-1');
  });

  describe('opening and income', () => {
    it('a fund officer or an administrator opens a fund', () => {
      spec.given([]).when(cmd('OpenAidFund', { name: ' 医疗互助资金 ', kind: 'medical_mutual_aid' }, admin)).then([
        ev('AidFundOpened', { name: '医疗互助资金', kind: 'medical_mutual_aid', openedBy: admin.staffId, openedAt: NOW }),
      ]);
      spec.given([]).when(cmd('OpenAidFund', { name: 'x', kind: 'hardship_aid' }, supervisor)).thenThrows('ROLE_NOT_PERMITTED');
      spec.given([opened]).when(cmd('OpenAidFund', { name: 'x', kind: 'hardship_aid' })).thenThrows('FUND_ALREADY_OPENED');
    });

    it('records income from the district, a donation with its donor and receipt, member contributions', () => {
      spec.given([opened]).when(cmd('RecordAidIncome', { entryId: 'i-1', source: 'district_allocation', amountFen: 10_000_000, receivedOn: '2026-03-01', reference: '顺工拨〔2026〕i-1号' })).then([income('i-1', 10_000_000)]);
      spec.given([opened]).when(cmd('RecordAidIncome', { entryId: 'i-2', source: 'donation', amountFen: 1, receivedOn: '2026-03-01', reference: 'x' })).thenThrows('DONOR_REQUIRED');
      spec.given([opened]).when(cmd('RecordAidIncome', { entryId: 'i-2', source: 'donation', amountFen: 1, receivedOn: '2026-03-01', reference: 'r', donor: { name: '仁和镇商会', receiptNumber: 'R-001' } })).then([
        { ...income('i-2', 1, 'donation'), data: { ...income('i-2', 1, 'donation').data, reference: 'r' } },
      ]);
      spec.given([opened, income('i-1', 100)]).when(cmd('RecordAidIncome', { entryId: 'i-1', source: 'other', amountFen: 1, receivedOn: '2026-03-01', reference: 'r' })).then([]);
    });

    it.each([
      [{ amountFen: 0 }, 'AMOUNT_INVALID'],
      [{ amountFen: 10.5 }, 'AMOUNT_INVALID'],
      [{ amountFen: -100 }, 'AMOUNT_INVALID'],
      [{ receivedOn: '2026-09-16' }, 'DATE_IMPLAUSIBLE'],
      [{ receivedOn: '1989-12-31' }, 'DATE_IMPLAUSIBLE'],
      [{ receivedOn: '2026-02-30' }, 'DATE_INVALID'],
      [{ reference: '  ' }, 'REFERENCE_REQUIRED'],
      [{ source: 'lottery' }, 'CHOICE_INVALID'],
    ])('refuses income %p: %s', (over, code) => {
      const data = { entryId: 'i-1', source: 'district_allocation' as const, amountFen: 100, receivedOn: '2026-03-01', reference: 'ref', ...over } as CommandOf<'RecordAidIncome'>['data'];
      spec.given([opened]).when(cmd('RecordAidIncome', data)).thenThrows(code);
    });

    it('an income is an amount a person enters: the kernel’s ceiling (1,000,000,000.00 yuan), the field named', () => {
      const entry = (amountFen: number) => cmd('RecordAidIncome', { entryId: 'i-9', source: 'district_allocation', amountFen, receivedOn: '2026-03-01', reference: 'r' });
      const e = spec.given([opened]).when(entry(9_007_199_254_740_991)).thenThrows('AMOUNT_INVALID');
      expect(e.details).toEqual({ value: 9_007_199_254_740_991, reason: 'implausible', limit: 100_000_000_000, field: 'amountFen' });
      expect(e.messages.zh).toBe('金额：单笔金额最多为 1,000,000,000.00 元，请检查是否多输了位数。');
      spec.given([opened]).when(entry(100_000_000_000)).then([{ ...income('i-9', 100_000_000_000), data: { ...income('i-9', 100_000_000_000).data, reference: 'r' } }]);
      expect(spec.given([opened]).when(entry(0)).thenThrows('AMOUNT_INVALID').details.reason).toBe('zero');
      const donation = cmd('RecordAidIncome', { entryId: 'i-9', source: 'donation', amountFen: 100_000_000_001, receivedOn: '2026-03-01', reference: 'r', donor: { name: '商会', receiptNumber: 'R' } });
      expect(spec.given([opened]).when(donation).thenThrows('AMOUNT_INVALID').details.reason).toBe('implausible');
    });

    it('given income recorded before the ceiling near the safe range, when more would make the total inexact, then AMOUNT_INVALID too_large', () => {
      const entry = cmd('RecordAidIncome', { entryId: 'i-9', source: 'other', amountFen: 100, receivedOn: '2026-03-01', reference: 'r' });
      const e = spec.given([opened, income('i-1', Number.MAX_SAFE_INTEGER - 50)]).when(entry).thenThrows('AMOUNT_INVALID');
      expect(e.details).toEqual({ value: 100, reason: 'too_large', field: 'amountFen', total: 'incomeFen' });
      expect(e.messages.en).toBe("The amount: recorded, it would make the fund's total income more than can be recorded exactly.");
      spec.given([opened, income('i-1', Number.MAX_SAFE_INTEGER - 100)]).when(entry).then([{ ...income('i-9', 100, 'district_allocation'), data: { ...income('i-9', 100).data, source: 'other', reference: 'r' } }]);
    });

    it('the fold is exact: a huge income of old history, reversed, leaves the total to the fen (it was 1 fen off the live page)', () => {
      const huge = income('i-2', 9_007_199_254_740_991);
      const reversal = ev('AidIncomeCorrected', { entryId: 'c-2', correctsEntryId: 'i-2', source: 'district_allocation', amountFen: 9_007_199_254_740_991, receivedOn: '2026-03-01', reason: '多输位数', correctedBy: officer.staffId, correctedAt: NOW });
      const fund = fundAfter([opened, income('i-1', 100), huge, reversal]);
      expect(fund.incomeFen).toBe(100);
      expect(balanceFen(fund)).toBe(100);
      // In between, the total is past the safe range: the page refuses it by name rather than show it a few fen off.
      const between = fundAfter([opened, income('i-1', 100), huge]);
      expect(Number.isSafeInteger(between.incomeFen)).toBe(false);
      expect(() => requireExactTotals(between)).toThrow(expect.objectContaining({ code: 'TOTAL_BEYOND_EXACT', details: { field: 'incomeFen' } }));
      expect(() => requireExactTotals(fund)).not.toThrow();
      // More income in between is refused: the total cannot take it exactly.
      spec.given([opened, income('i-1', 100), huge]).when(cmd('RecordAidIncome', { entryId: 'i-3', source: 'other', amountFen: 1, receivedOn: '2026-03-01', reference: 'r' })).thenThrows('AMOUNT_INVALID');
    });

    it('only a fund officer records income; never on a fund not opened', () => {
      for (const actor of [supervisor, admin, auditor]) {
        spec.given([opened]).when(cmd('RecordAidIncome', { entryId: 'i-1', source: 'other', amountFen: 1, receivedOn: '2026-03-01', reference: 'r' }, actor)).thenThrows('ROLE_NOT_PERMITTED');
      }
      spec.given([]).when(cmd('RecordAidIncome', { entryId: 'i-1', source: 'other', amountFen: 1, receivedOn: '2026-03-01', reference: 'r' })).thenThrows('FUND_NOT_FOUND');
    });

    it('a correction reverses the whole entry with a reason, once, and never overdraws', () => {
      const correct = cmd('CorrectAidIncome', { entryId: 'c-1', correctsEntryId: 'i-1', reason: '金额录入错误' });
      const [reversal] = spec.given([opened, income('i-1', 500_000)]).when(correct).then([
        ev('AidIncomeCorrected', { entryId: 'c-1', correctsEntryId: 'i-1', source: 'district_allocation', amountFen: 500_000, receivedOn: '2026-03-01', reason: '金额录入错误', correctedBy: officer.staffId, correctedAt: NOW }),
      ]);
      const after = fundAfter([opened, income('i-1', 500_000), reversal!]);
      expect(balanceFen(after)).toBe(0);
      expect(after.income.get('i-1')?.correctedByEntryId).toBe('c-1');
      spec.given([opened, income('i-1', 500_000), reversal!]).when(correct).then([]);
      spec.given([opened, income('i-1', 500_000), reversal!]).when(cmd('CorrectAidIncome', { entryId: 'c-2', correctsEntryId: 'i-1', reason: '再冲' })).thenThrows('INCOME_ALREADY_CORRECTED');
      spec.given([opened, income('i-1', 500_000)]).when(cmd('CorrectAidIncome', { entryId: 'c-1', correctsEntryId: 'i-9', reason: 'x' })).thenThrows('INCOME_ENTRY_NOT_FOUND');
      spec.given([opened, income('i-1', 500_000)]).when(cmd('CorrectAidIncome', { entryId: 'c-1', correctsEntryId: 'i-1', reason: ' ' })).thenThrows('REASON_REQUIRED');
      // 3,000 yuan of the 5,000 are approved: reversing the 5,000 would leave the fund owing.
      spec.given([opened, income('i-1', 500_000), requested('d-1', 300_000), approved('d-1', 300_000)]).when(correct).thenThrows('FUND_WOULD_BE_OVERDRAWN');
    });
  });

  describe('requesting a disbursement', () => {
    it('a fund officer requests a student grant for a student in a household with an open hardship file', () => {
      spec.given([opened]).when(request('d-1', 150_000, student('s-d-1'))).then([requested('d-1', 150_000)]);
    });

    it('the same request sent again records nothing more', () => {
      spec.given([opened, requested('d-1', 150_000)]).when(request('d-1', 150_000, student('s-d-1'))).then([]);
    });

    it.each([
      ['a student whose household has no open hardship file', student('s-1', { openHardshipFile: false }), 'no_open_hardship_file'],
      ['a household rather than a student', { ...student('h-1'), ref: { kind: 'household' as const, id: 'h-1' } }, 'wrong_kind'],
      ['a "student" with no student on file', student('s-1', { student: null }), 'not_a_student'],
    ])('NOT_ELIGIBLE for 金秋助学: %s', (_, facts, reason) => {
      const e = spec.given([opened]).when(request('d-1', 100_000, facts)).thenThrows('NOT_ELIGIBLE');
      expect(e.details.reason).toBe(reason);
      expect(e.messages.zh).toContain('金秋助学');
    });

    it('each programme checks its own rule', () => {
      const careTerms = programme({ programmeId: 'p-care', kind: 'model_worker_care', season: null });
      const modelWorker: BeneficiaryFacts = { ...student('m-1', { student: null }), ref: { kind: 'model_worker', id: 'm-1' }, modelWorker: { level: 'municipal', title: '北京市劳动模范' } };
      spec.given([opened]).when(request('d-1', 50_000, modelWorker, careTerms)).then([requested('d-1', 50_000, modelWorker.ref, careTerms)]);
      spec.given([opened]).when(request('d-1', 50_000, { ...modelWorker, modelWorker: null }, careTerms)).thenThrows('NOT_ELIGIBLE');
      const singleMothers = programme({ programmeId: 'p-38', kind: 'single_mothers', season: null });
      const household: BeneficiaryFacts = { ...student('h-1', { student: null }), ref: { kind: 'household', id: 'h-1' } };
      spec.given([opened]).when(request('d-1', 50_000, household, singleMothers)).thenThrows('NOT_ELIGIBLE');
      spec.given([opened]).when(request('d-1', 50_000, { ...household, singleMotherHousehold: true }, singleMothers)).then([
        requested('d-1', 50_000, household.ref, singleMothers),
      ]);
    });

    it('the amount asked for is an amount a person enters: the kernel’s ceiling, above zero, the field named', () => {
      const e = spec.given([opened]).when(request('d-1', 100_000_000_001, student('s-d-1'), programme({ perBeneficiaryCapFen: 100_000_000_000 }))).thenThrows('AMOUNT_INVALID');
      expect(e.details).toMatchObject({ reason: 'implausible', field: 'amountFen' });
      expect(spec.given([opened]).when(request('d-1', 0)).thenThrows('AMOUNT_INVALID').details).toMatchObject({ reason: 'zero', field: 'amountFen' });
      expect(spec.given([opened]).when(request('d-1', 1.5)).thenThrows('AMOUNT_INVALID').details).toMatchObject({ reason: 'not_whole_fen', field: 'amountFen' });
    });

    it("the Workers' Home subsidy: 20,000 yuan to a unit rated that year, at most once a year", () => {
      const first = request('d-1', 2_000_000, unit(), workersHome);
      const [r] = spec.given([opened]).when(first).then([requested('d-1', 2_000_000, unit().ref, workersHome, unit().displayName)]);
      const e = spec.given([opened, r!]).when(request('d-2', 2_000_000, unit(), workersHome)).thenThrows('WORKERS_HOME_SUBSIDY_ALREADY_GRANTED');
      expect(e.messages.en).toContain('at most once a year');
      // Rejected or cancelled, the year's subsidy may be requested again.
      const rejected = ev('DisbursementRejected', { disbursementId: 'd-1', amountFen: 2_000_000, reason: '材料不全', rejectedBy: supervisor.staffId, rejectedAt: NOW });
      spec.given([opened, r!, rejected]).when(request('d-2', 2_000_000, unit(), workersHome)).then([requested('d-2', 2_000_000, unit().ref, workersHome, unit().displayName)]);
      spec.given([opened]).when(request('d-1', 1_000_000, unit(), workersHome)).thenThrows('WORKERS_HOME_SUBSIDY_FIXED');
      spec.given([opened]).when(request('d-1', 2_000_000, unit('org-2', [2025]), workersHome)).thenThrows('NOT_ELIGIBLE');
    });

    it('CAP_EXCEEDED: one beneficiary gets at most the cap a year under one programme, rejected requests not counted', () => {
      const facts = student('s-1');
      const given = [opened, requested('d-1', 150_000, facts.ref)];
      spec.given(given).when(request('d-2', 50_000, facts)).then([requested('d-2', 50_000, facts.ref)]);
      const e = spec.given(given).when(request('d-2', 50_001, facts)).thenThrows('CAP_EXCEEDED');
      expect(e.details).toMatchObject({ capFen: 200_000, grantedFen: 150_000 });
      const cancelled = ev('DisbursementCancelled', { disbursementId: 'd-1', amountFen: 150_000, wasApproved: false, reason: '重复申请', cancelledBy: officer.staffId, cancelledAt: NOW });
      spec.given([...given, cancelled]).when(request('d-2', 200_000, facts)).then([requested('d-2', 200_000, facts.ref)]);
    });

    it('refuses outside the season, a closed programme, another fund’s programme, an unknown programme or beneficiary', () => {
      spec.given([opened]).when(cmd('RequestDisbursement', request('d-1', 1).data, officer, '2026-03-01T02:00:00.000Z')).thenThrows('OUT_OF_SEASON');
      spec.given([opened]).when(request('d-1', 1, student(), programme({ active: false }))).thenThrows('PROGRAMME_CLOSED');
      spec.given([opened]).when(request('d-1', 1, student(), programme({ fundId: 'fund-2' }))).thenThrows('PROGRAMME_WRONG_FUND');
      spec.given([opened]).when({ ...request('d-1', 1), data: { ...request('d-1', 1).data, programme: null } }).thenThrows('PROGRAMME_NOT_FOUND');
      spec.given([opened]).when({ ...request('d-1', 1), data: { ...request('d-1', 1).data, facts: null } }).thenThrows('BENEFICIARY_NOT_FOUND');
      spec.given([opened]).when(request('d-1', 0)).thenThrows('AMOUNT_INVALID');
    });

    it('only a fund officer requests', () => {
      for (const actor of [supervisor, admin, auditor]) spec.given([opened]).when(request('d-1', 100, student(), programme(), actor)).thenThrows('ROLE_NOT_PERMITTED');
    });
  });

  describe('approval by a second person', () => {
    const given = [opened, income('i-1', 1_000_000), requested('d-1', 300_000)];

    it('a supervisor who did not request it approves', () => {
      spec.given(given).when(cmd('ApproveDisbursement', { disbursementId: 'd-1' }, supervisor)).then([approved('d-1', 300_000)]);
      const fund = fundAfter([...given, approved('d-1', 300_000)]);
      expect({ balance: balanceFen(fund), available: availableFen(fund) }).toEqual({ balance: 1_000_000, available: 700_000 });
    });

    it('APPROVER_IS_REQUESTER: the requester cannot approve or reject, even holding the supervisor role; in both languages', () => {
      for (const actor of [officer, sunAsSupervisor]) {
        const e = spec.given(given).when(cmd('ApproveDisbursement', { disbursementId: 'd-1' }, actor)).thenThrows('APPROVER_IS_REQUESTER');
        expect(e.messages.zh).toContain('不能自行批准');
        expect(e.messages.en).toContain('cannot approve');
        spec.given(given).when(cmd('RejectDisbursement', { disbursementId: 'd-1', reason: 'x' }, actor)).thenThrows('APPROVER_IS_REQUESTER');
      }
    });

    it('SUPERVISOR_ONLY: another fund officer, an administrator or an auditor cannot approve', () => {
      for (const actor of [officer2, admin, auditor]) spec.given(given).when(cmd('ApproveDisbursement', { disbursementId: 'd-1' }, actor)).thenThrows('SUPERVISOR_ONLY');
    });

    it('FUND_WOULD_BE_OVERDRAWN: approval refused when available money (balance less approved-not-paid) is short', () => {
      const two = [...given, requested('d-2', 800_000)];
      spec.given(two).when(cmd('ApproveDisbursement', { disbursementId: 'd-2' }, supervisor)).then([approved('d-2', 800_000)]);
      const e = spec.given([...two, approved('d-1', 300_000)]).when(cmd('ApproveDisbursement', { disbursementId: 'd-2' }, supervisor)).thenThrows('FUND_WOULD_BE_OVERDRAWN');
      expect(e.details).toEqual({ amountFen: 800_000, availableFen: 700_000 });
      expect(e.messages.zh).toContain('7,000.00元');
      expect(e.messages.en).toContain('¥7,000.00');
    });

    it('rejection needs a reason; decided requests are not decided again', () => {
      spec.given(given).when(cmd('RejectDisbursement', { disbursementId: 'd-1', reason: '' }, supervisor)).thenThrows('REASON_REQUIRED');
      const rejected = ev('DisbursementRejected', { disbursementId: 'd-1', amountFen: 300_000, reason: '不符合条件', rejectedBy: supervisor.staffId, rejectedAt: NOW });
      spec.given(given).when(cmd('RejectDisbursement', { disbursementId: 'd-1', reason: '不符合条件' }, supervisor)).then([rejected]);
      spec.given([...given, rejected]).when(cmd('ApproveDisbursement', { disbursementId: 'd-1' }, supervisor)).thenThrows('DISBURSEMENT_WRONG_STATUS');
      // Approving again is refused, not answered as done: the new note and day would be dropped (an Idempotency-Key retry is answered by the command loop).
      const again = spec.given([...given, approved('d-1', 300_000)]).when(cmd('ApproveDisbursement', { disbursementId: 'd-1', note: '再批' }, supervisor)).thenThrows('DISBURSEMENT_WRONG_STATUS');
      expect(again.details).toEqual({ disbursementId: 'd-1', status: 'approved', act: 'approve' });
      spec.given([...given, approved('d-1', 300_000), paid('d-1', 300_000)]).when(cmd('ApproveDisbursement', { disbursementId: 'd-1' }, supervisor)).thenThrows('DISBURSEMENT_WRONG_STATUS');
      spec.given([...given, approved('d-1', 300_000)]).when(cmd('RejectDisbursement', { disbursementId: 'd-1', reason: 'x' }, supervisor)).thenThrows('DISBURSEMENT_WRONG_STATUS');
      // Rejecting again is refused too: the second reason would be dropped.
      const twice = spec.given([...given, rejected]).when(cmd('RejectDisbursement', { disbursementId: 'd-1', reason: '另一个理由' }, supervisor)).thenThrows('DISBURSEMENT_WRONG_STATUS');
      expect(twice.details).toEqual({ disbursementId: 'd-1', status: 'rejected', act: 'reject' });
      spec.given(given).when(cmd('ApproveDisbursement', { disbursementId: 'd-9' }, supervisor)).thenThrows('DISBURSEMENT_NOT_FOUND');
    });
  });

  describe('payment and cancellation', () => {
    const given = [opened, income('i-1', 1_000_000), requested('d-1', 300_000), approved('d-1', 300_000)];
    const pay = (over: Partial<CommandOf<'PayDisbursement'>['data']> = {}, actor = officer) =>
      cmd('PayDisbursement', { disbursementId: 'd-1', method: 'bank_transfer', reference: 'B-1', paidOn: '2026-09-15', ...over }, actor);

    it('an approved disbursement is paid: the balance falls, available stays', () => {
      spec.given(given).when(pay()).then([paid('d-1', 300_000)]);
      const fund = fundAfter([...given, paid('d-1', 300_000)]);
      expect({ balance: balanceFen(fund), available: availableFen(fund) }).toEqual({ balance: 700_000, available: 700_000 });
    });

    it('given a paid disbursement, when paid again (the same details or others), then DISBURSEMENT_WRONG_STATUS: the new method, reference and day are not dropped silently', () => {
      const e = spec.given([...given, paid('d-1', 300_000)]).when(pay({ method: 'cash', reference: 'B-2', paidOn: '2026-09-14' })).thenThrows('DISBURSEMENT_WRONG_STATUS');
      expect(e.details).toEqual({ disbursementId: 'd-1', status: 'paid', act: 'pay' });
      expect(e.messages.en).toBe('Only an approved disbursement can be paid; this one is paid.');
      spec.given([...given, paid('d-1', 300_000)]).when(pay()).thenThrows('DISBURSEMENT_WRONG_STATUS');
    });

    it('payment: only once approved, by a fund officer, with a method, a reference, a plausible day', () => {
      spec.given([opened, requested('d-1', 300_000)]).when(pay()).thenThrows('DISBURSEMENT_WRONG_STATUS');
      spec.given(given).when(pay({}, supervisor)).thenThrows('ROLE_NOT_PERMITTED');
      spec.given(given).when(pay({ method: 'bitcoin' as never })).thenThrows('CHOICE_INVALID');
      spec.given(given).when(pay({ reference: ' ' })).thenThrows('REFERENCE_REQUIRED');
      spec.given(given).when(pay({ paidOn: '2026-09-16' })).thenThrows('DATE_IMPLAUSIBLE');
      expect(spec.given(given).when(pay({ paidOn: '2026-09-14' })).thenThrows('DATE_IMPLAUSIBLE').details.reason).toBe('before_approval');
    });

    it('cancelling an approved disbursement gives its amount back to available; a paid one cannot be cancelled', () => {
      const cancelled = ev('DisbursementCancelled', { disbursementId: 'd-1', amountFen: 300_000, wasApproved: true, reason: '受助人已搬离', cancelledBy: supervisor.staffId, cancelledAt: NOW });
      spec.given(given).when(cmd('CancelDisbursement', { disbursementId: 'd-1', reason: '受助人已搬离' }, supervisor)).then([cancelled]);
      expect(availableFen(fundAfter([...given, cancelled]))).toBe(1_000_000);
      spec.given([...given, paid('d-1', 300_000)]).when(cmd('CancelDisbursement', { disbursementId: 'd-1', reason: 'x' })).thenThrows('DISBURSEMENT_WRONG_STATUS');
      spec.given(given).when(cmd('CancelDisbursement', { disbursementId: 'd-1', reason: 'x' }, auditor)).thenThrows('ROLE_NOT_PERMITTED');
      // Cancelled once: a second cancellation is refused, its reason not dropped silently.
      spec.given([...given, cancelled]).when(cmd('CancelDisbursement', { disbursementId: 'd-1', reason: '再撤销' }, supervisor)).thenThrows('DISBURSEMENT_WRONG_STATUS');
    });
  });

  describe('back-entered days: a request, an approval, a payment of years ago carry their own day beside the recorded instant', () => {
    const old = (over: Partial<CommandOf<'RequestDisbursement'>['data']> = {}) =>
      cmd('RequestDisbursement', {
        disbursementId: 'd-1',
        programmeId: 'p-students',
        programme: programme(),
        beneficiary: { kind: 'student', id: 's-d-1' },
        facts: student('s-d-1'),
        amountFen: 150_000,
        reason: '家庭困难，子女就学',
        requestedOn: '2013-08-20',
        ...over,
      });
    const oldRequest = { ...requested('d-1', 150_000), data: { ...requested('d-1', 150_000).data, year: 2013, requestedOn: '2013-08-20' } };
    const approve = (approvedOn?: string) => cmd('ApproveDisbursement', { disbursementId: 'd-1', ...(approvedOn ? { approvedOn } : {}) }, supervisor);
    const oldApproval = { ...approved('d-1', 150_000), data: { ...approved('d-1', 150_000).data, approvedOn: '2013-08-28' } };

    it('the request keeps the day asked for and the instant recorded; the programme’s season and the year of its cap are that day’s', () => {
      spec.given([opened, income('i-1', 1_000_000)]).when(old()).then([oldRequest]);
      // Out of the autumn season on the day asked for, though in season today.
      expect(spec.given([opened]).when(old({ requestedOn: '2013-03-01' })).thenThrows('OUT_OF_SEASON').details).toEqual({ day: '2013-03-01', season: { from: '08-01', to: '10-31' } });
      // The cap counts per year asked for: 2013's grant leaves 2026's whole.
      spec.given([opened, oldRequest]).when(request('d-2', 200_000, student('s-d-1'))).then([{ ...requested('d-2', 200_000), data: { ...requested('d-2', 200_000).data, beneficiary: { kind: 'student', id: 's-d-1' } } }]);
      spec.given([opened, oldRequest]).when(old({ disbursementId: 'd-3', amountFen: 60_000 })).thenThrows('CAP_EXCEEDED');
    });

    it('the approval keeps its day, not before the request; the payment not before the approval day', () => {
      const given = [opened, income('i-1', 1_000_000), oldRequest];
      spec.given(given).when(approve('2013-08-28')).then([oldApproval]);
      const early = spec.given(given).when(approve('2013-08-19')).thenThrows('DATE_IMPLAUSIBLE');
      expect(early.details).toEqual({ field: 'approvedOn', value: '2013-08-19', reason: 'before_request' });
      expect(early.messages.zh).toBe('批准日期不能早于申请日期（2013-08-20）：2013-08-19。');
      expect(early.messages.en).toBe('The date of approval cannot be before the disbursement was requested (2013-08-20): 2013-08-19.');
      // Unset: approved today, which is after any request.
      spec.given(given).when(approve()).then([{ ...oldApproval, data: { ...oldApproval.data, approvedOn: '2026-09-15' } }]);
      const pay = (paidOn: string) => cmd('PayDisbursement', { disbursementId: 'd-1', method: 'cash', reference: 'B-7', paidOn });
      spec.given([...given, oldApproval]).when(pay('2013-09-02')).then([{ ...paid('d-1', 150_000), data: { ...paid('d-1', 150_000).data, method: 'cash', reference: 'B-7', paidOn: '2013-09-02' } }]);
      expect(spec.given([...given, oldApproval]).when(pay('2013-08-27')).thenThrows('DATE_IMPLAUSIBLE').details.reason).toBe('before_approval');
    });

    it('by the kernel’s rules: a calendar day, not after today by the clock, not before 1990; bilingual', () => {
      const cases: [string, string, string | undefined][] = [
        ['2026-09-16', 'DATE_IMPLAUSIBLE', 'in_future'],
        ['1989-12-31', 'DATE_IMPLAUSIBLE', 'before_1990'],
        ['2013-02-30', 'DATE_INVALID', undefined],
        ['2013-8-20', 'DATE_INVALID', undefined],
      ];
      for (const [day, code, reason] of cases) {
        const e = spec.given([opened]).when(old({ requestedOn: day })).thenThrows(code);
        expect(e.details.reason).toBe(reason);
        expect(e.messages.zh).toContain('申请日期');
        expect(e.messages.en).toContain('The date of the request');
        const a = spec.given([opened, income('i-1', 1_000_000), oldRequest]).when(approve(day)).thenThrows(code);
        expect(a.details.field).toBe('approvedOn');
        expect(a.messages.zh).toContain('批准日期');
      }
      // The clock decides what "today" is: the same day is fine a day later.
      spec.given([opened, income('i-1', 1_000_000), oldRequest]).when(cmd('ApproveDisbursement', { disbursementId: 'd-1', approvedOn: '2026-09-16' }, supervisor, '2026-09-16T01:00:00.000Z')).then([
        { ...oldApproval, data: { ...oldApproval.data, approvedOn: '2026-09-16', approvedAt: '2026-09-16T01:00:00.000Z' } },
      ]);
    });

    it('events recorded before these days came read as the day they were recorded (Beijing)', () => {
      const legacy = (e: AidFundEvent) => {
        const { requestedOn: _r, approvedOn: _a, ...data } = e.data as Record<string, unknown>;
        return { ...e, data } as unknown as AidFundEvent;
      };
      const late = '2026-09-14T17:30:00.000Z'; // 01:30 on 15 September in Beijing
      const fund = fundAfter([opened, income('i-1', 1_000_000), legacy({ ...requested('d-1', 1), data: { ...requested('d-1', 1).data, requestedAt: late } } as AidFundEvent), legacy(approved('d-1', 1))]);
      const d = fund.disbursements.get('d-1')!;
      expect(d.requestedOn).toBe('2026-09-15');
      expect(d.status === 'approved' && d.approval.approvedOn).toBe('2026-09-15');
    });
  });

  describe('properties over random sequences of commands', () => {
    const commandArb: fc.Arbitrary<AidFundCommand> = fc.oneof(
      fc.record({ id: fc.integer({ min: 1, max: 6 }), fen: fc.integer({ min: 1, max: 500_000 }) }).map(({ id, fen }) =>
        cmd('RecordAidIncome', { entryId: `i-${id}`, source: 'district_allocation', amountFen: fen, receivedOn: '2026-03-01', reference: 'r' }),
      ),
      fc.record({ id: fc.integer({ min: 1, max: 6 }), c: fc.integer({ min: 1, max: 3 }) }).map(({ id, c }) =>
        cmd('CorrectAidIncome', { entryId: `c-${c}-${id}`, correctsEntryId: `i-${id}`, reason: '更正' }),
      ),
      fc.record({ id: fc.integer({ min: 1, max: 12 }), fen: fc.integer({ min: 1, max: 200_000 }), who: fc.integer({ min: 1, max: 4 }) }).map(({ id, fen, who }) =>
        request(`d-${id}`, fen, student(`s-${who}`)),
      ),
      fc.record({ id: fc.integer({ min: 1, max: 12 }), self: fc.boolean() }).map(({ id, self }) => cmd('ApproveDisbursement', { disbursementId: `d-${id}` }, self ? sunAsSupervisor : supervisor)),
      fc.integer({ min: 1, max: 12 }).map((id) => cmd('RejectDisbursement', { disbursementId: `d-${id}`, reason: '不符合' }, supervisor)),
      fc.integer({ min: 1, max: 12 }).map((id) => cmd('PayDisbursement', { disbursementId: `d-${id}`, method: 'cash', reference: 'p', paidOn: '2026-09-15' })),
      fc.integer({ min: 1, max: 12 }).map((id) => cmd('CancelDisbursement', { disbursementId: `d-${id}`, reason: '撤销' }, supervisor)),
    );

    /** Runs the commands as the command path would: a broken rule appends nothing. */
    function run(commands: AidFundCommand[]): { events: AidFundEvent[]; fund: AidFund } {
      const events: AidFundEvent[] = [opened];
      let state = aidFundDecider.evolve(null, opened);
      for (const c of commands) {
        try {
          const decided = aidFundDecider.decide(c, state);
          events.push(...decided);
          state = decided.reduce(aidFundDecider.evolve, state);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
        }
        const fund = state as AidFund;
        if (balanceFen(fund) < 0 || availableFen(fund) < 0) throw new Error(`overdrawn after ${c.type}: ${JSON.stringify({ balance: balanceFen(fund), available: availableFen(fund) })}`);
      }
      return { events, fund: state as AidFund };
    }

    it('the balance and the available money are never negative, and the money adds up', () => {
      fc.assert(
        fc.property(fc.array(commandArb, { maxLength: 60 }), (commands) => {
          const { events, fund } = run(commands);
          const sum = (type: AidFundEvent['type']) => events.filter((e) => e.type === type).reduce((s, e) => s + (e.data as { amountFen: number }).amountFen, 0);
          const ds = fund.disbursements.values();
          const amount = (status: string) => ds.filter((d) => d.status === status).reduce((s, d) => s + d.amountFen, 0);
          // income less reversals less payments is the balance; approved-not-paid is what is committed.
          expect(balanceFen(fund)).toBe(sum('AidIncomeRecorded') - sum('AidIncomeCorrected') - sum('DisbursementPaid'));
          expect(fund.paidFen).toBe(amount('paid'));
          expect(fund.committedFen).toBe(amount('approved'));
          expect(availableFen(fund)).toBe(balanceFen(fund) - amount('approved'));
          // Nobody ever approved or rejected their own request.
          for (const e of events) {
            if (e.type === 'DisbursementApproved' || e.type === 'DisbursementRejected') {
              const by = e.type === 'DisbursementApproved' ? e.data.approvedBy : e.data.rejectedBy;
              expect(by).not.toBe(fund.disbursements.get(e.data.disbursementId)?.requestedBy);
            }
          }
        }),
        { numRuns: 300 },
      );
    });

    it('however approvals interleave, what was approved never exceeds what came in', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 20 }), (incomeFen, amounts) => {
          const commands: AidFundCommand[] = [
            ...(incomeFen > 0 ? [cmd('RecordAidIncome', { entryId: 'i-1', source: 'other', amountFen: incomeFen, receivedOn: '2026-03-01', reference: 'r' })] : []),
            ...amounts.map((fen, i) => request(`d-${i}`, fen, student(`s-${i}`), programme({ perBeneficiaryCapFen: 300_000 }))),
            ...amounts.map((_, i) => cmd('ApproveDisbursement', { disbursementId: `d-${i}` }, supervisor)),
          ];
          const { fund } = run(commands);
          const approvedFen = fund.disbursements.values().filter((d) => d.status === 'approved').reduce((s, d) => s + d.amountFen, 0);
          expect(approvedFen).toBeLessThanOrEqual(incomeFen);
          // Greedy in order: every refused approval was one the remaining money could not cover.
          let left = incomeFen;
          for (const d of fund.disbursements.values()) {
            if (d.amountFen <= left) {
              expect(d.status).toBe('approved');
              left -= d.amountFen;
            } else expect(d.status).toBe('requested');
          }
        }),
      );
    });
  });
});

describe('DisbursementIndex', () => {
  const index = deciderSpec(disbursementIndexDecider);
  const file = (fundId: string): FileDisbursement => ({ type: 'FileDisbursement', ctx: { actor: officer, now: NOW }, data: { disbursementId: 'd-1', fundId } });
  const filed = { type: 'DisbursementFiled' as const, data: { disbursementId: 'd-1', fundId: 'fund-1' } };

  it('files a disbursement under its fund once; the same filing again records nothing; another fund is refused', () => {
    expect(disbursementIndexStreamName('d-1')).toBe('aid-disbursement-d-1');
    index.given([]).when(file('fund-1')).then([filed]);
    index.given([filed]).when(file('fund-1')).then([]);
    index.given([filed]).when(file('fund-2')).thenThrows('DISBURSEMENT_ID_TAKEN');
    expect(index.given([filed]).state).toBe('fund-1');
  });
});
