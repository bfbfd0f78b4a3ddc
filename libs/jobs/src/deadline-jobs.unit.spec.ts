import { DEFAULT_POLICIES, evolveCaseClock, type CaseClock, type DisputeCaseEvent } from '#domain';
import { plannedJobs } from './deadline-jobs.js';

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
