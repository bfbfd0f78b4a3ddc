import { randomUUID } from 'node:crypto';
import type { BeneficiaryEvent, CareVisitEvent, HouseholdFileEvent } from '#domain';
import type { Position } from '#event-store';
import type { Projected } from '#projections';
import { evolveCareVisitRow, evolveHouseholdRow } from './aid-people.projection.js';

function recorded<E extends BeneficiaryEvent>(stream: string, revision: bigint, type: E['type'], data: E['data']): Projected<E> {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: { staffId: 'fund', role: 'fund_officer' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00.000Z', schemaVersion: 1 },
    streamName: stream,
    streamRevision: revision,
    position: `1:${revision}` as Position,
    recordedAt: new Date(),
    hash: '',
    prevHash: '',
  } as unknown as Projected<E>;
}

describe('aid people rows', () => {
  const opened = recorded<HouseholdFileEvent>('aid-household-h1', 0n, 'HouseholdFileOpened', {
    householdId: 'h1',
    workerId: 'w1',
    workerName: '张秀英',
    householdSize: 3,
    cause: 'illness',
    monthlyIncomePerPersonFen: 68_000,
    singleMother: true,
    openedOn: '2014-01-10',
    reason: '',
    openedBy: 'fund',
  });
  const closed = recorded<HouseholdFileEvent>('aid-household-h1', 1n, 'HouseholdFileClosed', { householdId: 'h1', closedOn: '2016-03-01', reason: '脱困', closedBy: 'fund' });
  const reopened = recorded<HouseholdFileEvent>('aid-household-h1', 2n, 'HouseholdFileReopened', {
    householdId: 'h1',
    householdSize: 4,
    cause: 'disability',
    monthlyIncomePerPersonFen: 50_000,
    singleMother: false,
    openedOn: '2018-01-05',
    reason: '再次致困',
    openedBy: 'fund',
  });

  it('a household row: the current period in columns, every period in the file, as the domain folds it', () => {
    const row = [opened, closed, reopened].reduce(evolveHouseholdRow, null);
    expect(row).toMatchObject({
      id: 'h1',
      workerName: '张秀英',
      status: 'open',
      householdSize: 4,
      cause: 'disability',
      monthlyIncomePerPersonFen: '50000',
      singleMother: false,
      firstOpenedOn: '2014-01-10',
      openedOn: '2018-01-05',
      closedOn: null,
      revision: '2',
    });
    expect((row!.detail as { periods: unknown[] }).periods).toEqual([
      { openedOn: '2014-01-10', closedOn: '2016-03-01' },
      { openedOn: '2018-01-05', closedOn: null },
    ]);
  });

  it('an event met again (a rebuild, a second runner) changes nothing', () => {
    const row = [opened, closed].reduce(evolveHouseholdRow, null);
    expect(evolveHouseholdRow(row, closed)).toBe(row);
    expect(evolveHouseholdRow(row, opened)).toBe(row);
  });

  it('a visit withdrawn stays, marked, so it no longer counts', () => {
    const visit = recorded<CareVisitEvent>('aid-care-visit-v1', 0n, 'CareVisitRecorded', {
      visitId: 'v1',
      visitee: { kind: 'model_worker', id: 'm1', name: '李建国' },
      visitedOn: '2015-04-28',
      programmeId: null,
      visitors: ['刘明'],
      moneyFen: 100_000,
      recordedBy: 'fund',
    });
    const withdrawn = recorded<CareVisitEvent>('aid-care-visit-v1', 1n, 'CareVisitWithdrawn', { visitId: 'v1', reason: '重复登记', withdrawnBy: 'fund' });
    const row = [visit, withdrawn].reduce(evolveCareVisitRow, null);
    expect(row).toMatchObject({ id: 'v1', visiteeKind: 'model_worker', visitedOn: '2015-04-28', moneyFen: '100000', goods: null, withdrawn: true, revision: '1' });
    expect(evolveCareVisitRow(row, visit)).toBe(row);
  });
});
