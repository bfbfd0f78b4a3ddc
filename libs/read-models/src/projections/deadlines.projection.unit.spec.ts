import type { AidFundEvent, DisputeCaseEvent, RecoveryEvent } from '#domain';
import type { Projected } from '#projections';
import type { Position } from '#event-store';
import { deadlinesProjection, evolveCaseDeadlineRow, evolveDisbursementDeadlineRow, evolveRecoveryDeadlineRow } from './deadlines.projection.js';

type Any = DisputeCaseEvent | RecoveryEvent | AidFundEvent;
let position = 0;
function recorded(streamName: string, streamRevision: number, type: Any['type'], data: Record<string, unknown>): Projected<Any> {
  position++;
  return {
    id: `ev-${position}`,
    type,
    data,
    metadata: { actor: { staffId: 'm1', role: 'mediator' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T04:00:00.000Z', schemaVersion: 1 },
    streamName,
    streamRevision: BigInt(streamRevision),
    position: `1:${position}` as Position,
    recordedAt: new Date(),
    hash: '',
    prevHash: '',
  } as unknown as Projected<Any>;
}

describe('the deadlines projection over three kinds of stream', () => {
  const opened = recorded('recovery-c1', 0, 'RecoveryOpened', { caseId: 'c1', agreementId: 'a1', workers: [], totalOwedFen: 300_000, openedAt: '2026-03-01T04:00:00.000Z' });
  const plan = recorded('recovery-c1', 1, 'PaymentPlanSet', { caseId: 'c1', instalments: [{ dueOn: '2026-04-30', amountFen: 300_000 }], totalFen: 300_000, setAt: '2026-03-01T04:00:00.000Z' });

  it('folds a recovery’s events into its own row, by its own stream’s revision, and never into the case’s clock (both carry the case id)', () => {
    expect(deadlinesProjection.readModels.map((m) => m.rowKey(plan))).toEqual([null, null, 'c1', null]);
    const row = [opened, plan].reduce(evolveRecoveryDeadlineRow, null);
    expect(row).toMatchObject({ caseId: 'c1', revision: '1', causes: { plan: plan.id, writeOffs: {} }, facts: { plan: [{ dueOn: '2026-04-30', amountFen: 300_000 }], planSetOn: '2026-03-01' } });
    expect(evolveRecoveryDeadlineRow(row, plan)).toBe(row); // already applied
    expect(evolveCaseDeadlineRow(null, plan)).toBeNull();
    // A case event of a lower revision (its own stream) is not taken for one already applied.
    const caseOpened = recorded('dispute-c1', 0, 'DisputeCaseOpened', {
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
    });
    expect(deadlinesProjection.readModels.map((m) => m.rowKey(caseOpened))).toEqual(['c1', null, null, null]);
    expect(evolveRecoveryDeadlineRow(row, caseOpened)).toBe(row);
  });

  it('keeps a disbursement’s wait on its own row, open until decided', () => {
    const requested = recorded('aid-fund-f1', 3, 'DisbursementRequested', {
      fundId: 'f1',
      disbursementId: 'd1',
      programmeId: 'p1',
      programmeKind: 'special_hardship',
      programmeName: '困难帮扶',
      beneficiary: { kind: 'household', id: 'h1' },
      beneficiaryName: '李四',
      amountFen: 80_000,
      reason: '因病致困',
      year: 2026,
      requestedBy: 'o1',
      requestedAt: '2026-09-10T04:00:00.000Z',
    });
    expect(deadlinesProjection.readModels.map((m) => m.rowKey(requested))).toEqual([null, null, null, 'd1']);
    const row = evolveDisbursementDeadlineRow(null, requested);
    expect(row).toMatchObject({ disbursementId: 'd1', fundId: 'f1', open: true, cause: requested.id, revision: '3' });
    const approved = evolveDisbursementDeadlineRow(row, recorded('aid-fund-f1', 4, 'DisbursementApproved', { fundId: 'f1', disbursementId: 'd1', amountFen: 80_000, approvedBy: 's1', approvedAt: '2026-09-11T04:00:00.000Z' }));
    expect(approved).toMatchObject({ open: false, facts: { decided: { outcome: 'approved', on: '2026-09-11' } }, revision: '4' });
  });
});
