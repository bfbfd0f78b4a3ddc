import { randomUUID } from 'node:crypto';
import type { RecoveryEvent } from '#domain';
import type { Position } from '#event-store';
import type { Projected } from '#projections';
import { evolveRecoveryRow, movementOf, recoveriesProjection } from './recoveries.projection.js';

const CASE = '6f1d8c4e-1111-4a2b-9c3d-000000000001';
let revision = 0n;
function recorded<E extends RecoveryEvent>(type: E['type'], data: Omit<E['data'], 'caseId'>): Projected<RecoveryEvent> {
  return {
    id: randomUUID(),
    type,
    data: { caseId: CASE, ...data },
    metadata: { actor: { staffId: 'm-1', role: 'mediator' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-04-01T02:00:00.000Z', schemaVersion: 1 },
    streamName: `recovery-${CASE}`,
    streamRevision: revision++,
    position: `1:${revision}` as Position,
    recordedAt: new Date(),
    hash: '',
    prevHash: '',
  } as unknown as Projected<RecoveryEvent>;
}

const NOW = '2026-03-31T20:00:00.000Z'; // 2026-04-01 04:00 in Beijing
const events = [
  recorded('RecoveryOpened', { agreementId: 'a-1', workers: [{ claimantId: 'c-1', workerId: null, name: '张秀英', owedFen: 300 }, { claimantId: 'c-2', workerId: null, name: '李建国', owedFen: 100 }], totalOwedFen: 400, openedAt: NOW }),
  recorded('PaymentPlanSet', { instalments: [{ dueOn: '2026-04-30', amountFen: 200 }, { dueOn: '2026-05-31', amountFen: 200 }], totalFen: 400, setAt: NOW }),
  recorded('ReceiptRecorded', { receiptId: 'r-1', amountFen: 200, receivedOn: '2026-04-10', channel: 'cash', receiptNo: 'No.1', allocation: 'pro_rata', allocations: [{ claimantId: 'c-1', amountFen: 150 }, { claimantId: 'c-2', amountFen: 50 }], recordedAt: NOW }),
  recorded('PayoutRecorded', { payoutId: 'p-1', claimantId: 'c-1', amountFen: 150, fromHeldFen: 0, paidOn: '2026-04-11', method: 'cash', reference: '签收 1', recordedAt: NOW }),
];

describe('the recoveries read model', () => {
  it('folds the ledger as the domain does: its totals are the list’s columns, the first instalment not covered is the overdue date', () => {
    const row = events.reduce(evolveRecoveryRow, null)!;
    expect(row).toMatchObject({ caseId: CASE, status: 'recovering', owedFen: 400, receivedFen: 200, paidFen: 150, allocatedUnpaidFen: 50, outstandingFen: 200, firstUncoveredDueOn: '2026-05-31', workerCount: 2 });
    expect(evolveRecoveryRow(row, events[3]!)).toBe(row); // already applied
  });

  it('dates each money movement by the day it happened (Beijing), signed for the owed total', () => {
    expect(events.map(movementOf)).toEqual([
      { kind: 'owed', amountFen: 400, day: '2026-04-01' },
      null,
      { kind: 'received', amountFen: 200, day: '2026-04-10' },
      { kind: 'paid', amountFen: 150, day: '2026-04-11' },
    ]);
    const rebased = recorded('OwedRebased', { agreementId: 'a-2', previousAgreementId: 'a-1', reason: '下调', owed: [], previousTotalFen: 400, totalOwedFen: 250, rebasedAt: NOW });
    expect(movementOf(rebased)).toEqual({ kind: 'owed', amountFen: -150, day: '2026-04-01' });
  });

  it('handles every recovery event', () => {
    expect(Object.values(recoveriesProjection.handles).every(Boolean)).toBe(true);
  });
});
