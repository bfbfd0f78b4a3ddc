import { deciderSpec } from '../../shared/decider-spec.js';
import type { Actor, CommandContext } from '../../shared/messages.js';
import { householdFileDecider, type HouseholdFileCommand } from './household-file.decide.js';
import { householdOpenOn, householdStreamName, type HouseholdFileEvent } from './household-file.events.js';

const HH = 'hh-1';
/** 30 June 2026, 10:00 in Beijing. */
const NOW = '2026-06-30T02:00:00.000Z';
const officer: Actor = { staffId: 'staff-fund', role: 'fund_officer' };
const supervisor: Actor = { staffId: 'staff-liu', role: 'supervisor' };
const mediator: Actor = { staffId: 'staff-wang', role: 'mediator' };
const auditor: Actor = { staffId: 'staff-audit', role: 'auditor' };

const spec = deciderSpec(householdFileDecider);
type CommandOf<T extends HouseholdFileCommand['type']> = Extract<HouseholdFileCommand, { type: T }>;
type EventOf<T extends HouseholdFileEvent['type']> = Extract<HouseholdFileEvent, { type: T }>;

function cmd<T extends HouseholdFileCommand['type']>(type: T, data: Omit<CommandOf<T>['data'], 'householdId'>, actor: Actor = officer): CommandOf<T> {
  const ctx: CommandContext = { actor, now: NOW };
  return { type, ctx, data: { householdId: HH, ...data } } as unknown as CommandOf<T>;
}
function ev<T extends HouseholdFileEvent['type']>(type: T, data: Omit<EventOf<T>['data'], 'householdId'>): EventOf<T> {
  return { type, data: { householdId: HH, ...data } } as unknown as EventOf<T>;
}

const openData = (over: Partial<CommandOf<'OpenHouseholdFile'>['data']> = {}) => ({
  worker: { workerId: 'w-1', name: '张秀英' },
  householdSize: 3,
  cause: 'illness' as const,
  causeNote: '丈夫患尿毒症，长期透析',
  monthlyIncomePerPersonFen: 68_000,
  singleMother: false,
  openedOn: '2014-01-10',
  reason: '两节送温暖摸底',
  ...over,
});
const opened = ev('HouseholdFileOpened', {
  workerId: 'w-1',
  workerName: '张秀英',
  householdSize: 3,
  cause: 'illness',
  causeNote: '丈夫患尿毒症，长期透析',
  monthlyIncomePerPersonFen: 68_000,
  singleMother: false,
  openedOn: '2014-01-10',
  reason: '两节送温暖摸底',
  openedBy: officer.staffId,
});
const closed = ev('HouseholdFileClosed', { closedOn: '2016-03-01', reason: '家庭收入已超过困难标准', closedBy: officer.staffId });

describe('HouseholdFile (困难职工档案)', () => {
  it('streams per household', () => {
    expect(householdStreamName(HH)).toBe('aid-household-hh-1');
  });

  describe('OpenHouseholdFile', () => {
    it('given no file, when a fund officer opens one, then the household is on file with its circumstances', () => {
      spec.given([]).when(cmd('OpenHouseholdFile', openData())).then([opened]);
    });

    it('a supervisor may open one too; a single mother’s household says so', () => {
      const [event] = spec.given([]).when(cmd('OpenHouseholdFile', openData({ singleMother: true, cause: 'single_parent' }), supervisor)).then([
        ev('HouseholdFileOpened', { ...opened.data, singleMother: true, cause: 'single_parent', openedBy: supervisor.staffId }),
      ]);
      expect(event?.type).toBe('HouseholdFileOpened');
    });

    it.each([mediator, auditor])('NOT_AID_RECORDER: a $role cannot open a file', (actor) => {
      spec.given([]).when(cmd('OpenHouseholdFile', openData(), actor)).thenThrows('NOT_AID_RECORDER');
    });

    it('HOUSEHOLD_FILE_ALREADY_OPEN: one open file per household', () => {
      spec.given([opened]).when(cmd('OpenHouseholdFile', openData())).thenThrows('HOUSEHOLD_FILE_ALREADY_OPEN');
    });

    it('given a closed file, when hardship returns, then it is opened again with the household as it is now', () => {
      spec
        .given([opened, closed])
        .when(cmd('OpenHouseholdFile', openData({ openedOn: '2018-01-05', householdSize: 4, reason: '再次因病致困' })))
        .then([
          ev('HouseholdFileReopened', {
            householdSize: 4,
            cause: 'illness',
            causeNote: '丈夫患尿毒症，长期透析',
            monthlyIncomePerPersonFen: 68_000,
            singleMother: false,
            openedOn: '2018-01-05',
            reason: '再次因病致困',
            openedBy: officer.staffId,
          }),
        ]);
    });

    it('REASON_REQUIRED / DATE_IMPLAUSIBLE: opening again needs a reason, and a day after the closing', () => {
      spec.given([opened, closed]).when(cmd('OpenHouseholdFile', openData({ openedOn: '2018-01-05', reason: ' ' }))).thenThrows('REASON_REQUIRED');
      const e = spec.given([opened, closed]).when(cmd('OpenHouseholdFile', openData({ openedOn: '2015-01-05' }))).thenThrows('DATE_IMPLAUSIBLE');
      expect(e.details).toMatchObject({ reason: 'before_closing', limit: '2016-03-01' });
      expect(e.messages.zh).toContain('不能早于上次销档日期');
    });

    it.each([
      [{ householdSize: 0 }, 'COUNT_INVALID'],
      [{ householdSize: 2.5 }, 'COUNT_INVALID'],
      [{ cause: 'bad_luck' as never }, 'CHOICE_INVALID'],
      [{ monthlyIncomePerPersonFen: -1 }, 'AMOUNT_INVALID'],
      [{ monthlyIncomePerPersonFen: 12.5 }, 'AMOUNT_INVALID'],
      [{ openedOn: '2014-02-30' }, 'DATE_INVALID'],
      [{ openedOn: '1989-12-31' }, 'DATE_IMPLAUSIBLE'],
      [{ openedOn: '2026-07-01' }, 'DATE_IMPLAUSIBLE'],
      [{ worker: { workerId: 'w-1', name: '  ' } }, 'NAME_REQUIRED'],
    ])('refuses %p with %s', (over, code) => {
      spec.given([]).when(cmd('OpenHouseholdFile', openData(over))).thenThrows(code);
    });
  });

  describe('CloseHouseholdFile', () => {
    it('given an open file, when closed with a reason, then it is closed on that day', () => {
      spec.given([opened]).when(cmd('CloseHouseholdFile', { closedOn: '2016-03-01', reason: '家庭收入已超过困难标准' })).then([closed]);
    });
    it('HOUSEHOLD_FILE_NOT_FOUND, HOUSEHOLD_FILE_NOT_OPEN, REASON_REQUIRED, DATE_IMPLAUSIBLE', () => {
      spec.given([]).when(cmd('CloseHouseholdFile', { closedOn: '2016-03-01', reason: 'x' })).thenThrows('HOUSEHOLD_FILE_NOT_FOUND');
      spec.given([opened, closed]).when(cmd('CloseHouseholdFile', { closedOn: '2016-04-01', reason: 'x' })).thenThrows('HOUSEHOLD_FILE_NOT_OPEN');
      spec.given([opened]).when(cmd('CloseHouseholdFile', { closedOn: '2016-03-01', reason: '' })).thenThrows('REASON_REQUIRED');
      const e = spec.given([opened]).when(cmd('CloseHouseholdFile', { closedOn: '2013-03-01', reason: 'x' })).thenThrows('DATE_IMPLAUSIBLE');
      expect(e.messages.en).toBe('The day the file was closed cannot be before the file was opened (2014-01-10): 2013-03-01.');
    });
  });

  describe('open on a day (for the programmes’ eligibility)', () => {
    const reopened = ev('HouseholdFileReopened', {
      householdSize: 4,
      cause: 'illness',
      monthlyIncomePerPersonFen: 50_000,
      singleMother: false,
      openedOn: '2018-01-05',
      reason: '再次因病致困',
      openedBy: officer.staffId,
    });
    const state = spec.given([opened, closed, reopened]).state;
    it.each([
      ['2014-01-09', false],
      ['2014-01-10', true],
      ['2016-02-29', true],
      ['2016-03-01', false],
      ['2017-06-01', false],
      ['2018-01-05', true],
      ['2026-06-30', true],
    ])('%s: %p', (day, open) => {
      expect(householdOpenOn(state, day)).toBe(open);
    });
  });
});
