import { deciderSpec } from '../../shared/decider-spec.js';
import type { Actor, CommandContext } from '../../shared/messages.js';
import type { BeneficiaryFacts } from '../beneficiary-facts.js';
import { beneficiaryFactsOn } from './beneficiary-facts.fold.js';
import { describeBeneficiaryEvent } from './beneficiaries.describe.js';
import { careVisitDecider, type CareVisitCommand, type RecordCareVisit, type VisitDisbursement } from './care-visit.js';
import type { HouseholdFileEvent } from './household-file.events.js';
import { householdFileDecider } from './household-file.decide.js';
import { modelWorkerDecider, modelWorkerOnFileOn, type ModelWorkerCommand, type ModelWorkerEvent } from './model-worker.js';
import { membersOn, organisationDecider, organisationExistsOn, type OrganisationCommand, type OrganisationEvent } from './organisation.js';
import { schoolingOn, studentDecider, type StudentCommand, type StudentEvent } from './student.js';

/** 30 June 2026, 10:00 in Beijing. */
const NOW = '2026-06-30T02:00:00.000Z';
const officer: Actor = { staffId: 'staff-fund', role: 'fund_officer' };
const mediator: Actor = { staffId: 'staff-wang', role: 'mediator' };
const ctx = (actor: Actor = officer): CommandContext => ({ actor, now: NOW });

describe('ModelWorker (劳模)', () => {
  const spec = deciderSpec(modelWorkerDecider);
  const register = (over: Record<string, unknown> = {}, actor: Actor = officer): ModelWorkerCommand =>
    ({
      type: 'RegisterModelWorker',
      ctx: ctx(actor),
      data: { modelWorkerId: 'mw-1', worker: { workerId: 'w-7', name: '李建国' }, title: '北京市劳动模范', level: 'municipal', yearAwarded: 2010, ...over },
    }) as ModelWorkerCommand;
  const registered: ModelWorkerEvent = {
    type: 'ModelWorkerRegistered',
    data: { modelWorkerId: 'mw-1', workerId: 'w-7', workerName: '李建国', title: '北京市劳动模范', level: 'municipal', yearAwarded: 2010, registeredBy: officer.staffId },
  };
  const removed: ModelWorkerEvent = {
    type: 'ModelWorkerRemoved',
    data: { modelWorkerId: 'mw-1', removedOn: '2020-05-01', reason: '迁出本镇', removedBy: officer.staffId },
  };

  it('given nobody on the roll, when a model worker is registered, then the title, level and year are on file', () => {
    spec.given([]).when(register()).then([registered]);
  });
  it.each([
    [{ level: 'provincial' }, 'CHOICE_INVALID'],
    [{ yearAwarded: 1949 }, 'YEAR_INVALID'],
    [{ yearAwarded: 2027 }, 'YEAR_INVALID'],
    [{ title: '' }, 'TEXT_REQUIRED'],
  ])('refuses %p with %s', (over, code) => {
    spec.given([]).when(register(over)).thenThrows(code);
  });
  it('given a worker born in 1985 (by the ID number), when the title is said to be awarded before 2001 (age 16), then YEAR_INVALID before_working_age, the birth year not given back', () => {
    const born1985 = (yearAwarded: number) => register({ worker: { workerId: 'w-7', name: '李建国', birthYear: 1985 }, yearAwarded });
    const e = spec.given([]).when(born1985(1955)).thenThrows('YEAR_INVALID');
    expect(e.details).toEqual({ field: 'yearAwarded', value: 1955, reason: 'before_working_age', minAge: 16 });
    expect(e.messages.zh).toBe('授予年份（1955年）早于该职工年满16周岁（按登记的身份证号码中的出生日期），请核对。');
    expect(e.messages.en).not.toContain('1985');
    spec.given([]).when(born1985(2000)).thenThrows('YEAR_INVALID');
    spec.given([]).when(born1985(2001)).then([{ ...registered, data: { ...registered.data, yearAwarded: 2001 } } as ModelWorkerEvent]);
    // The birth year is not stored with the entry; unknown (null), only the 1950 bound holds.
    spec.given([]).when(register({ worker: { workerId: 'w-7', name: '李建国', birthYear: null } })).then([registered]);
  });
  it('MODEL_WORKER_ALREADY_ON_FILE, NOT_AID_RECORDER', () => {
    spec.given([registered]).when(register()).thenThrows('MODEL_WORKER_ALREADY_ON_FILE');
    spec.given([]).when(register({}, mediator)).thenThrows('NOT_AID_RECORDER');
  });
  it('leaves the roll on a day with a reason, once', () => {
    const remove = { type: 'RemoveModelWorker', ctx: ctx(), data: { modelWorkerId: 'mw-1', removedOn: '2020-05-01', reason: '迁出本镇' } } as ModelWorkerCommand;
    spec.given([registered]).when(remove).then([removed]);
    spec.given([registered, removed]).when(remove).thenThrows('MODEL_WORKER_NOT_ON_FILE');
    spec.given([]).when(remove).thenThrows('MODEL_WORKER_NOT_FOUND');
  });
  it('is on the roll from the year of the award until the day removed', () => {
    const state = spec.given([registered, removed]).state;
    expect(modelWorkerOnFileOn(state, '2009-12-31')).toBe(false);
    expect(modelWorkerOnFileOn(state, '2010-01-01')).toBe(true);
    expect(modelWorkerOnFileOn(state, '2020-04-30')).toBe(true);
    expect(modelWorkerOnFileOn(state, '2020-05-01')).toBe(false);
  });
});

describe('Student (金秋助学)', () => {
  const spec = deciderSpec(studentDecider);
  const register = (household: { householdId: string } | null, over: Record<string, unknown> = {}): StudentCommand =>
    ({
      type: 'RegisterStudent',
      ctx: ctx(),
      data: { studentId: 's-1', householdId: 'hh-1', household, name: '王小明', school: '仁和中学', grade: '初二', ...over },
    }) as StudentCommand;
  const registered: StudentEvent = {
    type: 'StudentRegistered',
    data: { studentId: 's-1', householdId: 'hh-1', name: '王小明', school: '仁和中学', grade: '初二', registeredBy: officer.staffId },
  };
  it('given a household file, when its child is registered, then the student belongs to that household', () => {
    spec.given([]).when(register({ householdId: 'hh-1' })).then([registered]);
  });
  it('HOUSEHOLD_FILE_NOT_FOUND, NAME_REQUIRED, TEXT_REQUIRED, STUDENT_ALREADY_REGISTERED', () => {
    spec.given([]).when(register(null)).thenThrows('HOUSEHOLD_FILE_NOT_FOUND');
    spec.given([]).when(register({ householdId: 'hh-1' }, { name: ' ' })).thenThrows('NAME_REQUIRED');
    spec.given([]).when(register({ householdId: 'hh-1' }, { school: '' })).thenThrows('TEXT_REQUIRED');
    spec.given([registered]).when(register({ householdId: 'hh-1' })).thenThrows('STUDENT_ALREADY_REGISTERED');
  });
  it('a new school year applies from its day; the same schooling again records nothing', () => {
    const update = (grade: string): StudentCommand =>
      ({ type: 'UpdateStudentSchooling', ctx: ctx(), data: { studentId: 's-1', school: '仁和中学', grade, effectiveOn: '2025-09-01' } }) as StudentCommand;
    const [updated] = spec.given([registered]).when(update('初三')).then([
      { type: 'StudentSchoolingUpdated', data: { studentId: 's-1', school: '仁和中学', grade: '初三', effectiveOn: '2025-09-01', updatedBy: officer.staffId } },
    ]);
    spec.given([registered, updated!]).when(update('初三')).then([]);
    const state = spec.given([registered, updated!]).state!;
    expect(schoolingOn(state, '2025-08-31').grade).toBe('初二');
    expect(schoolingOn(state, '2025-09-01').grade).toBe('初三');
  });
});

describe('Organisation (基层工会组织, 职工之家)', () => {
  const spec = deciderSpec(organisationDecider);
  const command = (type: OrganisationCommand['type'], data: Record<string, unknown>): OrganisationCommand =>
    ({ type, ctx: ctx(), data: { organisationId: 'o-1', ...data } }) as OrganisationCommand;
  const created: OrganisationEvent = {
    type: 'OrganisationCreated',
    data: { organisationId: 'o-1', name: '宏达建材有限公司工会', enterprise: { name: '仁和镇宏达建材有限公司' }, foundedOn: '2009-04-01', createdBy: officer.staffId },
  };
  const counted = (countedOn: string, members: number): OrganisationEvent => ({
    type: 'MemberCountRecorded',
    data: { organisationId: 'o-1', countedOn, members, recordedBy: officer.staffId },
  });
  const rated: OrganisationEvent = { type: 'WorkersHomeRated', data: { organisationId: 'o-1', year: 2015, level: 'district', ratedBy: officer.staffId } };

  it('given nothing, when an organisation is created, then it exists from its founding day', () => {
    spec.given([]).when(command('CreateOrganisation', { name: ' 宏达建材有限公司工会 ', enterprise: { name: '仁和镇宏达建材有限公司' }, foundedOn: '2009-04-01' })).then([created]);
    spec.given([created]).when(command('CreateOrganisation', { name: 'x', enterprise: { name: 'y' }, foundedOn: '2009-04-01' })).thenThrows('ORGANISATION_ALREADY_CREATED');
    spec.given([]).when(command('CreateOrganisation', { name: 'x', enterprise: { name: 'y' }, foundedOn: '1949-09-30' })).thenThrows('DATE_IMPLAUSIBLE');
  });
  it('members are counted at dates; the number on a day is the latest count by then', () => {
    spec.given([created]).when(command('RecordMemberCount', { countedOn: '2011-12-31', members: 120 })).then([counted('2011-12-31', 120)]);
    spec.given([created, counted('2011-12-31', 120)]).when(command('RecordMemberCount', { countedOn: '2011-12-31', members: 120 })).then([]);
    spec.given([created]).when(command('RecordMemberCount', { countedOn: '2009-03-31', members: 5 })).thenThrows('DATE_IMPLAUSIBLE');
    spec.given([created]).when(command('RecordMemberCount', { countedOn: '2011-12-31', members: -1 })).thenThrows('COUNT_INVALID');
    const state = spec.given([created, counted('2016-12-31', 180), counted('2011-12-31', 120)]).state;
    expect(membersOn(state, '2011-06-30')).toBe(0);
    expect(membersOn(state, '2012-01-01')).toBe(120);
    expect(membersOn(state, '2026-06-30')).toBe(180);
  });
  it('one Workers’ Home rating a year: the same again records nothing, another level is refused', () => {
    spec.given([created]).when(command('RateWorkersHome', { year: 2015, level: 'district' })).then([rated]);
    spec.given([created, rated]).when(command('RateWorkersHome', { year: 2015, level: 'district' })).then([]);
    const e = spec.given([created, rated]).when(command('RateWorkersHome', { year: 2015, level: 'municipal' })).thenThrows('WORKERS_HOME_ALREADY_RATED');
    expect(e.messages.zh).toContain('2015年度已评为职工之家');
    spec.given([created]).when(command('RateWorkersHome', { year: 2008, level: 'district' })).thenThrows('YEAR_INVALID');
  });
  it('a dissolved organisation takes nothing more and does not exist from that day', () => {
    const dissolved: OrganisationEvent = {
      type: 'OrganisationDissolved',
      data: { organisationId: 'o-1', dissolvedOn: '2020-01-01', reason: '企业注销', dissolvedBy: officer.staffId },
    };
    spec.given([created]).when(command('DissolveOrganisation', { dissolvedOn: '2020-01-01', reason: '企业注销' })).then([dissolved]);
    spec.given([created, dissolved]).when(command('RecordMemberCount', { countedOn: '2020-02-01', members: 1 })).thenThrows('ORGANISATION_DISSOLVED');
    const state = spec.given([created, counted('2011-12-31', 120), dissolved]).state;
    expect(organisationExistsOn(state, '2019-12-31')).toBe(true);
    expect(organisationExistsOn(state, '2020-01-01')).toBe(false);
    expect(membersOn(state, '2021-01-01')).toBe(0);
  });
});

describe('CareVisit (走访慰问)', () => {
  const spec = deciderSpec(careVisitDecider);
  const facts = (over: Partial<BeneficiaryFacts> = {}): BeneficiaryFacts => ({
    ref: { kind: 'household', id: 'hh-1' },
    displayName: '张秀英',
    workerId: 'w-1',
    openHardshipFile: true,
    singleMotherHousehold: false,
    modelWorker: null,
    student: null,
    workersHomeRatedYears: [],
    ...over,
  });
  /** A 500-yuan grant of 两节送温暖 to household hh-1, paid. */
  const paidGrant = (over: Partial<VisitDisbursement> = {}): VisitDisbursement => ({
    disbursementId: 'd-1',
    programmeId: 'prog-warmth',
    beneficiary: { kind: 'household', id: 'hh-1' },
    status: 'paid',
    paidFen: 50_000,
    ...over,
  });
  const record = (over: Partial<RecordCareVisit['data']> = {}): CareVisitCommand => ({
    type: 'RecordCareVisit',
    ctx: ctx(),
    data: {
      visitId: 'v-1',
      visitee: { kind: 'household', id: 'hh-1' },
      visiteeFacts: facts(),
      visitedOn: '2015-02-10',
      programmeId: 'prog-warmth',
      programme: { programmeId: 'prog-warmth' },
      visitors: ['镇工会主席 刘明', ' '],
      goods: '米、面、油',
      moneyFen: 50_000,
      disbursementId: 'd-1',
      disbursement: paidGrant(),
      ...over,
    },
  });
  it('given a household on file that day, when visited, then one person-visit is recorded with what was given', () => {
    spec.given([]).when(record()).then([
      {
        type: 'CareVisitRecorded',
        data: {
          visitId: 'v-1',
          visitee: { kind: 'household', id: 'hh-1', name: '张秀英' },
          visitedOn: '2015-02-10',
          programmeId: 'prog-warmth',
          visitors: ['镇工会主席 刘明'],
          goods: '米、面、油',
          moneyFen: 50_000,
          disbursementId: 'd-1',
          recordedBy: officer.staffId,
        },
      },
    ]);
  });
  it('VISITEE_NOT_ELIGIBLE: a household without an open file that day, someone not a model worker that day', () => {
    const e = spec.given([]).when(record({ visiteeFacts: facts({ openHardshipFile: false }) })).thenThrows('VISITEE_NOT_ELIGIBLE');
    expect(e.messages.zh).toBe('该家庭在2015-02-10没有在册的困难职工档案：困难职工走访须针对在册家庭。');
    spec.given([]).when(record({ visitee: { kind: 'model_worker', id: 'mw-1' }, visiteeFacts: facts({ ref: { kind: 'model_worker', id: 'mw-1' } }) })).thenThrows('VISITEE_NOT_ELIGIBLE');
  });
  it.each([
    [{ visiteeFacts: null }, 'HOUSEHOLD_FILE_NOT_FOUND'],
    [{ visitee: { kind: 'model_worker' as const, id: 'mw-1' }, visiteeFacts: null }, 'MODEL_WORKER_NOT_FOUND'],
    [{ visitee: { kind: 'student' as never, id: 's-1' } }, 'CHOICE_INVALID'],
    [{ visitors: [] }, 'TEXT_REQUIRED'],
    [{ moneyFen: -5 }, 'AMOUNT_INVALID'],
    [{ moneyFen: 100_000_000_001, disbursementId: null }, 'AMOUNT_INVALID'],
    [{ visitedOn: '2026-07-01' }, 'DATE_IMPLAUSIBLE'],
  ])('refuses %p with %s', (over, code) => {
    spec.given([]).when(record(over)).thenThrows(code);
  });
  describe('what the visit names of the fund must be on record and fit the visit', () => {
    const recordedWith = (over: Partial<RecordCareVisit['data']>) => careVisitDecider.decide(record(over), null)[0]!.data as Record<string, unknown>;

    it('given a programme that does not exist, when a visit names it, then PROGRAMME_NOT_FOUND naming programmeId', () => {
      const e = spec.given([]).when(record({ programmeId: 'prog-nonexistent', programme: null, disbursementId: null, moneyFen: 0 })).thenThrows('PROGRAMME_NOT_FOUND');
      expect(e.details).toEqual({ field: 'programmeId', value: 'prog-nonexistent' });
      expect(e.messages.zh).toContain('帮扶项目 prog-nonexistent 不存在');
      // No programme named: none needed.
      expect(recordedWith({ programmeId: null, programme: null, disbursementId: null, moneyFen: 0 }).programmeId).toBeNull();
    });

    it('given a disbursement that does not exist, when a visit names it, then DISBURSEMENT_NOT_FOUND naming disbursementId', () => {
      const e = spec.given([]).when(record({ disbursementId: 'd-bogus', disbursement: null })).thenThrows('DISBURSEMENT_NOT_FOUND');
      expect(e.details).toEqual({ field: 'disbursementId', value: 'd-bogus' });
      expect(e.messages.en).toBe('No disbursement d-bogus was requested from the aid fund.');
    });

    it('given a disbursement to someone else, or under another programme, then it is refused naming the field', () => {
      const other = spec.given([]).when(record({ disbursement: paidGrant({ beneficiary: { kind: 'household', id: 'hh-2' } }) })).thenThrows('DISBURSEMENT_NOT_FOR_VISITEE');
      expect(other.details.field).toBe('disbursementId');
      spec.given([]).when(record({ disbursement: paidGrant({ beneficiary: { kind: 'student', id: 'hh-1' } }) })).thenThrows('DISBURSEMENT_NOT_FOR_VISITEE');
      const programme = spec.given([]).when(record({ disbursement: paidGrant({ programmeId: 'prog-students' }) })).thenThrows('DISBURSEMENT_OTHER_PROGRAMME');
      expect(programme.details).toEqual({ field: 'programmeId', value: 'prog-warmth', disbursementId: 'd-1', disbursementProgrammeId: 'prog-students' });
    });

    it('given no programme named, when a disbursement is, then the visit is under the disbursement’s programme', () => {
      expect(recordedWith({ programmeId: undefined, programme: null }).programmeId).toBe('prog-warmth');
    });

    it('the money handed over through a disbursement is at most what it paid: nothing before it is paid', () => {
      expect(recordedWith({ moneyFen: 50_000 }).moneyFen).toBe(50_000);
      expect(recordedWith({ moneyFen: 20_000 }).moneyFen).toBe(20_000);
      const more = spec.given([]).when(record({ moneyFen: 99_999_999 })).thenThrows('MONEY_ABOVE_DISBURSEMENT');
      expect(more.details).toEqual({ field: 'moneyFen', value: 99_999_999, paidFen: 50_000, disbursementId: 'd-1' });
      expect(more.messages.zh).toBe('慰问金（999,999.99元）超过该笔发放已支付的金额（500.00元；未支付前为零）。');
      spec.given([]).when(record({ moneyFen: 1, disbursement: paidGrant({ status: 'approved', paidFen: 0 }) })).thenThrows('MONEY_ABOVE_DISBURSEMENT');
      // Goods only, naming the approved disbursement: no money through it yet.
      expect(recordedWith({ moneyFen: 0, disbursement: paidGrant({ status: 'approved', paidFen: 0 }) }).disbursementId).toBe('d-1');
    });

    it('money is an amount a person enters: the kernel’s ceiling, the field named', () => {
      const e = spec.given([]).when(record({ moneyFen: 100_000_000_001, disbursementId: null })).thenThrows('AMOUNT_INVALID');
      expect(e.details).toEqual({ value: 100_000_000_001, reason: 'implausible', limit: 100_000_000_000, field: 'moneyFen' });
      expect(e.messages.zh.startsWith('慰问金：')).toBe(true);
      expect(spec.given([]).when(record({ moneyFen: 10.5 })).thenThrows('AMOUNT_INVALID').details.reason).toBe('not_whole_fen');
    });
  });

  it('a visit recorded in error is withdrawn with a reason, once', () => {
    const recorded = careVisitDecider.decide(record(), null);
    const withdraw = (reason: string): CareVisitCommand => ({ type: 'WithdrawCareVisit', ctx: ctx(), data: { visitId: 'v-1', reason } });
    const withdrawn = spec.given(recorded).when(withdraw('重复登记')).then([
      { type: 'CareVisitWithdrawn', data: { visitId: 'v-1', reason: '重复登记', withdrawnBy: officer.staffId } },
    ]);
    spec.given([...recorded, ...withdrawn]).when(withdraw('重复登记')).thenThrows('CARE_VISIT_WITHDRAWN');
    spec.given(recorded).when(withdraw(' ')).thenThrows('REASON_REQUIRED');
    spec.given([]).when(withdraw('x')).thenThrows('CARE_VISIT_NOT_FOUND');
    spec.given(recorded).when(record()).thenThrows('CARE_VISIT_ALREADY_RECORDED');
  });
});

describe('BeneficiaryFacts from the streams, as of a day', () => {
  const household = householdFileDecider.decide(
    {
      type: 'OpenHouseholdFile',
      ctx: ctx(),
      data: {
        householdId: 'hh-1',
        worker: { workerId: 'w-1', name: '陈桂兰' },
        householdSize: 2,
        cause: 'single_parent',
        monthlyIncomePerPersonFen: 90_000,
        singleMother: true,
        openedOn: '2013-01-01',
      },
    },
    null,
  );
  const closing: HouseholdFileEvent = { type: 'HouseholdFileClosed', data: { householdId: 'hh-1', closedOn: '2017-01-01', reason: '子女已工作', closedBy: officer.staffId } };
  const householdState = [...household, closing].reduce(householdFileDecider.evolve, null);

  it('a household: open file and single mother on the day asked, not after it was closed', () => {
    const ref = { kind: 'household' as const, id: 'hh-1' };
    expect(beneficiaryFactsOn(ref, '2016-12-31', { household: householdState })).toMatchObject({
      displayName: '陈桂兰',
      workerId: 'w-1',
      openHardshipFile: true,
      singleMotherHousehold: true,
    });
    expect(beneficiaryFactsOn(ref, '2017-01-01', { household: householdState })).toMatchObject({ openHardshipFile: false, singleMotherHousehold: false });
    expect(beneficiaryFactsOn(ref, '2016-12-31', { household: null })).toBeNull();
  });

  it('a student: its own name, school and grade, its household’s hardship file', () => {
    const student = studentDecider.decide(
      { type: 'RegisterStudent', ctx: ctx(), data: { studentId: 's-1', householdId: 'hh-1', household: { householdId: 'hh-1' }, name: '陈小雨', school: '顺义一中', grade: '高一' } },
      null,
    ).reduce(studentDecider.evolve, null);
    expect(beneficiaryFactsOn({ kind: 'student', id: 's-1' }, '2015-09-01', { student, household: householdState })).toMatchObject({
      displayName: '陈小雨',
      workerId: 'w-1',
      openHardshipFile: true,
      student: { name: '陈小雨', school: '顺义一中', grade: '高一' },
    });
    expect(beneficiaryFactsOn({ kind: 'student', id: 's-1' }, '2018-09-01', { student, household: householdState })?.openHardshipFile).toBe(false);
  });

  it('a model worker: on the roll with its level; an organisation: the years rated by then', () => {
    const mw = modelWorkerDecider.decide(
      { type: 'RegisterModelWorker', ctx: ctx(), data: { modelWorkerId: 'mw-1', worker: { workerId: 'w-7', name: '李建国' }, title: '全国劳动模范', level: 'national', yearAwarded: 2005 } },
      null,
    ).reduce(modelWorkerDecider.evolve, null);
    expect(beneficiaryFactsOn({ kind: 'model_worker', id: 'mw-1' }, '2015-01-01', { modelWorker: mw })?.modelWorker).toEqual({ level: 'national', title: '全国劳动模范' });
    expect(beneficiaryFactsOn({ kind: 'model_worker', id: 'mw-1' }, '2004-01-01', { modelWorker: mw })?.modelWorker).toBeNull();

    const events: OrganisationEvent[] = [
      { type: 'OrganisationCreated', data: { organisationId: 'o-1', name: '工会', enterprise: { name: '企业' }, foundedOn: '2010-01-01', createdBy: 'x' } },
      { type: 'WorkersHomeRated', data: { organisationId: 'o-1', year: 2016, level: 'district', ratedBy: 'x' } },
      { type: 'WorkersHomeRated', data: { organisationId: 'o-1', year: 2014, level: 'town', ratedBy: 'x' } },
    ];
    const organisation = events.reduce(organisationDecider.evolve, null);
    const ref = { kind: 'organisation' as const, id: 'o-1' };
    expect(beneficiaryFactsOn(ref, '2015-06-01', { organisation })?.workersHomeRatedYears).toEqual([2014]);
    expect(beneficiaryFactsOn(ref, '2016-06-01', { organisation })?.workersHomeRatedYears).toEqual([2014, 2016]);
  });
});

describe('timeline sentences', () => {
  it('say what happened in Chinese and English', () => {
    const [visit] = careVisitDecider.decide(
      {
        type: 'RecordCareVisit',
        ctx: ctx(),
        data: {
          visitId: 'v-9',
          visitee: { kind: 'model_worker', id: 'mw-1' },
          visiteeFacts: {
            ref: { kind: 'model_worker', id: 'mw-1' },
            displayName: '李建国',
            workerId: 'w-7',
            openHardshipFile: false,
            singleMotherHousehold: false,
            modelWorker: { level: 'municipal', title: '北京市劳动模范' },
            student: null,
            workersHomeRatedYears: [],
          },
          visitedOn: '2016-01-20',
          visitors: ['刘明', '赵丽'],
          moneyFen: 100_000,
        },
      },
      null,
    );
    const staffName = (id: string) => (id === officer.staffId ? '王芳' : undefined);
    expect(describeBeneficiaryEvent(visit!, 'zh', { staffName })).toBe('王芳 登记：2016-01-20，刘明、赵丽走访慰问了劳模李建国，送去1,000.00元');
    expect(describeBeneficiaryEvent(visit!, 'en', { staffName })).toBe('刘明, 赵丽 visited model worker 李建国 on 2016-01-20, giving ¥1,000.00 (recorded by 王芳)');
    const rated: OrganisationEvent = { type: 'WorkersHomeRated', data: { organisationId: 'o-1', year: 2016, level: 'district', ratedBy: officer.staffId } };
    expect(describeBeneficiaryEvent(rated, 'zh', { staffName })).toBe('王芳 登记：2016年度评为区级职工之家');
    expect(describeBeneficiaryEvent(rated, 'en')).toBe('Rated a district Workers’ Home for 2016, recorded by staff member staff-fund');
  });
});

describe('every event has a sentence in both languages', () => {
  const events: Parameters<typeof describeBeneficiaryEvent>[0][] = [
    { type: 'HouseholdFileOpened', data: { householdId: 'h', workerId: 'w', workerName: '张秀英', householdSize: 3, cause: 'illness', monthlyIncomePerPersonFen: 68_000, singleMother: true, openedOn: '2014-01-10', reason: '摸底', openedBy: 's' } },
    { type: 'HouseholdFileClosed', data: { householdId: 'h', closedOn: '2016-03-01', reason: '脱困', closedBy: 's' } },
    { type: 'HouseholdFileReopened', data: { householdId: 'h', householdSize: 2, cause: 'disability', monthlyIncomePerPersonFen: 1, singleMother: false, openedOn: '2018-01-01', reason: '再次致困', openedBy: 's' } },
    { type: 'ModelWorkerRegistered', data: { modelWorkerId: 'm', workerId: 'w', workerName: '李建国', title: '全国劳动模范', level: 'national', yearAwarded: 2005, registeredBy: 's' } },
    { type: 'ModelWorkerRemoved', data: { modelWorkerId: 'm', removedOn: '2020-05-01', reason: '迁出', removedBy: 's' } },
    { type: 'StudentRegistered', data: { studentId: 'st', householdId: 'h', name: '王小明', school: '仁和中学', grade: '初二', registeredBy: 's' } },
    { type: 'StudentSchoolingUpdated', data: { studentId: 'st', school: '仁和中学', grade: '初三', effectiveOn: '2025-09-01', updatedBy: 's' } },
    { type: 'OrganisationCreated', data: { organisationId: 'o', name: '宏达工会', enterprise: { name: '宏达建材' }, foundedOn: '2009-04-01', createdBy: 's' } },
    { type: 'MemberCountRecorded', data: { organisationId: 'o', countedOn: '2016-06-30', members: 1, recordedBy: 's' } },
    { type: 'WorkersHomeRated', data: { organisationId: 'o', year: 2015, level: 'town', ratedBy: 's' } },
    { type: 'OrganisationDissolved', data: { organisationId: 'o', dissolvedOn: '2020-01-01', reason: '企业注销', dissolvedBy: 's' } },
    { type: 'CareVisitRecorded', data: { visitId: 'v', visitee: { kind: 'household', id: 'h', name: '张秀英' }, visitedOn: '2015-02-10', programmeId: null, visitors: ['刘明'], goods: '米、面、油', recordedBy: 's' } },
    { type: 'CareVisitWithdrawn', data: { visitId: 'v', reason: '重复登记', withdrawnBy: 's' } },
  ];
  it.each(events.map((e) => [e.type, e] as const))('%s', (_, event) => {
    const zh = describeBeneficiaryEvent(event, 'zh', { staffName: () => '王芳' });
    const en = describeBeneficiaryEvent(event, 'en', { staffName: () => 'Wang Fang' });
    expect(zh).toContain('王芳');
    expect(en).toContain('Wang Fang');
    expect(zh).not.toBe(en);
    expect(en).not.toMatch(/undefined|null|\[object/);
    expect(zh).not.toMatch(/undefined|null|\[object/);
  });
  it('a household visit and a single mother’s file read as a clerk would write them', () => {
    expect(describeBeneficiaryEvent(events[11]!, 'zh', { staffName: () => '王芳' })).toBe('王芳 登记：2015-02-10，刘明走访慰问了困难职工张秀英家，送去米、面、油');
    expect(describeBeneficiaryEvent(events[0]!, 'en', { staffName: () => 'Wang Fang' })).toBe(
      'Hardship file opened for 张秀英 by Wang Fang (2014-01-10; household of 3; illness; monthly income per person ¥680.00; single mother); reason: 摸底',
    );
  });
});
