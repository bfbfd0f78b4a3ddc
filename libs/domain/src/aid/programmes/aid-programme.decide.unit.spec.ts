import { deciderSpec } from '../../shared/decider-spec.js';
import type { Actor } from '../../shared/messages.js';
import { aidProgrammeDecider, type AidProgrammeCommand, type CreateAidProgramme } from './aid-programme.decide.js';
import { inSeason, type AidProgrammeEvent } from './aid-programme.events.js';

const NOW = '2026-09-15T02:00:00.000Z';
const admin: Actor = { staffId: 'staff-admin', role: 'administrator' };
const officer: Actor = { staffId: 'staff-sun', role: 'fund_officer' };
const spec = deciderSpec(aidProgrammeDecider);
const hardshipFund = { fundId: 'fund-1', kind: 'hardship_aid' as const };

const create = (over: Partial<CreateAidProgramme['data']> = {}, actor = admin): AidProgrammeCommand => ({
  type: 'CreateAidProgramme',
  ctx: { actor, now: NOW },
  data: { programmeId: 'p-1', kind: 'student_grants', name: '金秋助学', fundId: 'fund-1', season: { from: '08-01', to: '10-31' }, perBeneficiaryCapFen: 200_000, fund: hardshipFund, ...over },
});
const created: AidProgrammeEvent = {
  type: 'AidProgrammeCreated',
  data: { programmeId: 'p-1', kind: 'student_grants', name: '金秋助学', fundId: 'fund-1', season: { from: '08-01', to: '10-31' }, perBeneficiaryCapFen: 200_000, createdBy: admin.staffId, createdAt: NOW },
};

describe('AidProgramme', () => {
  it('an administrator creates a programme with its fund, season and cap', () => {
    spec.given([]).when(create()).then([created]);
    expect(spec.given([created]).state).toMatchObject({ kind: 'student_grants', active: true, perBeneficiaryCapFen: 200_000 });
    // A season over New Year may end on 29 February.
    spec.given([]).when(create({ season: { from: '12-01', to: '02-29' } })).then([{ ...created, data: { ...created.data, season: { from: '12-01', to: '02-29' } } }]);
  });

  it.each([
    [{}, officer, 'ADMINISTRATOR_ONLY'],
    [{ fund: null }, admin, 'FUND_NOT_FOUND'],
    [{ kind: 'medical_mutual_aid' as const }, admin, 'PROGRAMME_WRONG_FUND'],
    [{ perBeneficiaryCapFen: 0 }, admin, 'CAP_INVALID'],
    [{ kind: 'workers_home_subsidy' as const, perBeneficiaryCapFen: 1_000_000 }, admin, 'WORKERS_HOME_SUBSIDY_FIXED'],
    [{ season: { from: '13-01', to: '10-31' } }, admin, 'SEASON_INVALID'],
    [{ season: { from: '02-30', to: '10-31' } }, admin, 'SEASON_INVALID'],
    [{ season: { from: '08-01', to: '04-31' } }, admin, 'SEASON_INVALID'],
    [{ name: '  ' }, admin, 'NAME_REQUIRED'],
    [{ kind: 'lottery' as never }, admin, 'CHOICE_INVALID'],
  ])('refuses %p by %p: %s', (over, actor, code) => {
    spec.given([]).when(create(over, actor)).thenThrows(code);
  });

  it('the cap is an amount a person enters: the kernel’s ceiling (1,000,000,000.00 yuan), CAP_INVALID naming the field and why', () => {
    const e = spec.given([]).when(create({ perBeneficiaryCapFen: 100_000_000_001 }, admin)).thenThrows('CAP_INVALID');
    expect(e.details).toEqual({ value: 100_000_000_001, field: 'perBeneficiaryCapFen', reason: 'implausible', limit: 100_000_000_000 });
    expect(e.messages.zh).toBe('每人限额最多为1,000,000,000.00元，请检查是否多输了位数。');
    expect(spec.given([]).when(create({ perBeneficiaryCapFen: 0 }, admin)).thenThrows('CAP_INVALID').details.reason).toBe('zero');
    expect(spec.given([]).when(create({ perBeneficiaryCapFen: 2.5 }, admin)).thenThrows('CAP_INVALID').details.reason).toBe('not_whole_fen');
    expect(spec.given([]).when(create({ perBeneficiaryCapFen: -1 }, admin)).thenThrows('CAP_INVALID').details.reason).toBe('negative');
  });

  it('terms change with a reason; a closed programme pays nothing more', () => {
    const change: AidProgrammeCommand = { type: 'ChangeAidProgrammeTerms', ctx: { actor: admin, now: NOW }, data: { programmeId: 'p-1', name: '金秋助学', season: null, perBeneficiaryCapFen: 150_000, reason: '预算调整' } };
    const [changed] = spec.given([created]).when(change).then([
      { type: 'AidProgrammeTermsChanged', data: { programmeId: 'p-1', name: '金秋助学', season: null, perBeneficiaryCapFen: 150_000, reason: '预算调整', changedBy: admin.staffId, changedAt: NOW } },
    ]);
    expect(spec.given([created, changed!]).state).toMatchObject({ season: null, perBeneficiaryCapFen: 150_000 });
    const close: AidProgrammeCommand = { type: 'CloseAidProgramme', ctx: { actor: admin, now: NOW }, data: { programmeId: 'p-1', reason: '年度结束' } };
    const [closed] = spec.given([created]).when(close).then([{ type: 'AidProgrammeClosed', data: { programmeId: 'p-1', reason: '年度结束', closedBy: admin.staffId, closedAt: NOW } }]);
    expect(spec.given([created, closed!]).state?.active).toBe(false);
    spec.given([created, closed!]).when(change).thenThrows('PROGRAMME_CLOSED');
    spec.given([created, closed!]).when(close).then([]);
  });

  it('a season may run over New Year (两节: December to February)', () => {
    expect(inSeason({ from: '12-01', to: '02-28' }, '2027-01-15')).toBe(true);
    expect(inSeason({ from: '12-01', to: '02-28' }, '2026-11-30')).toBe(false);
    expect(inSeason({ from: '08-01', to: '10-31' }, '2026-10-31')).toBe(true);
    expect(inSeason(null, '2026-04-01')).toBe(true);
  });
});
