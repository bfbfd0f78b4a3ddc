import { firstUncoveredDueOn, recoveryDecider, recoveryTotals, type RecoveryEvent, type RecoveryLedger, type RecoveryState } from '#domain';
import { appendOnlyRows, defineProjection, entityRows, type Projected, type ReadModel, type RowChange, type RowStorage } from '#projections';
import { In, type EntityManager } from 'typeorm';
import { RecoveryMovement } from '../entities/recovery-movement.entity.js';
import { RecoveryRow } from '../entities/recovery-row.entity.js';
import { RecoveryTimelineEntry } from '../entities/recovery-timeline-entry.entity.js';
import { RecoveryWorkerRow } from '../entities/recovery-worker-row.entity.js';
import { beijingDate, instant } from './local-date.js';

type Event = Projected<RecoveryEvent>;

/** The ledger row's columns, from the ledger as the domain folds it. */
export function recoveryRow(ledger: RecoveryLedger, event: Event): RecoveryRow {
  const t = recoveryTotals(ledger);
  const row = new RecoveryRow();
  row.caseId = ledger.caseId;
  row.status = ledger.status;
  row.agreementId = ledger.agreementId;
  row.workerCount = ledger.workers.length;
  row.owedFen = t.owedFen;
  row.receivedFen = t.receivedFen;
  row.paidFen = t.paidFen;
  row.heldFen = t.heldFen;
  row.allocatedUnpaidFen = t.allocatedUnpaidFen;
  row.outstandingFen = t.outstandingFen;
  row.writtenOffFen = t.writtenOffFen;
  row.firstUncoveredDueOn = ledger.status === 'complete' ? null : firstUncoveredDueOn(ledger);
  row.detail = ledger as unknown as Record<string, unknown>;
  row.revision = event.streamRevision.toString();
  row.updatedAt = instant(event.metadata.occurredAt);
  return row;
}

/** The ledger row: the domain's own evolve, so the page shows what the decider sees. */
export function evolveRecoveryRow(row: RecoveryRow | null, event: Event): RecoveryRow | null {
  if (row && BigInt(row.revision) >= event.streamRevision) return row; // already applied
  const before: RecoveryState = (row?.detail as unknown as RecoveryLedger | undefined) ?? recoveryDecider.initialState();
  const after = recoveryDecider.evolve(before, { type: event.type, data: event.data } as RecoveryEvent);
  return after.status === 'not_started' ? row : recoveryRow(after, event);
}

const MONEY = ['owedFen', 'paidFen', 'heldFen', 'allocatedUnpaidFen', 'outstandingFen', 'writtenOffFen'] as const;
const workersOf = (row: RecoveryRow | null) => ((row?.detail as unknown as RecoveryLedger | undefined)?.workers ?? []);

/** Ledger rows, and beside each one row per worker (what the worker's and the employer's pages read). */
function recoveryStorage(): RowStorage<RecoveryRow> {
  const rows = entityRows(RecoveryRow, 'caseId');
  return {
    load: rows.load,
    async save(em: EntityManager, changes: readonly RowChange<RecoveryRow>[]) {
      await rows.save(em, changes);
      const workers: RecoveryWorkerRow[] = [];
      for (const { before, after } of changes) {
        // Only the workers whose money moved: a payout changes one row, not the case's 500.
        const was = new Map(workersOf(before).map((w) => [w.claimantId, w]));
        for (const w of workersOf(after)) {
          const old = was.get(w.claimantId);
          if (old && MONEY.every((k) => old[k] === w[k]) && old.name === w.name && old.workerId === w.workerId) continue;
          workers.push(
            Object.assign(new RecoveryWorkerRow(), {
              caseId: after!.caseId,
              claimantId: w.claimantId,
              workerId: w.workerId,
              name: w.name,
              owedFen: w.owedFen,
              paidFen: w.paidFen,
              heldFen: w.heldFen,
              allocatedUnpaidFen: w.allocatedUnpaidFen,
              outstandingFen: w.outstandingFen,
              writtenOffFen: w.writtenOffFen,
            }),
          );
        }
      }
      for (let i = 0; i < workers.length; i += 500) await em.upsert(RecoveryWorkerRow, workers.slice(i, i + 500) as never, ['caseId', 'claimantId']);
      const gone = changes.filter((c) => c.after === null && c.before !== null).map((c) => c.key);
      if (gone.length > 0) await em.delete(RecoveryWorkerRow, { caseId: In(gone) });
    },
    async reset(em: EntityManager) {
      await em.query('DELETE FROM recovery_workers');
      await rows.reset(em);
    },
  };
}

const ledgers: ReadModel<RecoveryEvent, RecoveryRow> = {
  table: 'recoveries',
  rowKey: (e) => e.data.caseId,
  evolve: evolveRecoveryRow,
  storage: recoveryStorage(),
};

/** The money an event moves, for the period report; null for an event that moves none. */
export function movementOf(event: Event): Pick<RecoveryMovement, 'kind' | 'amountFen' | 'day'> | null {
  switch (event.type) {
    case 'RecoveryOpened':
      return { kind: 'owed', amountFen: event.data.totalOwedFen, day: beijingDate(event.data.openedAt) };
    case 'OwedRebased':
      return { kind: 'owed', amountFen: event.data.totalOwedFen - event.data.previousTotalFen, day: beijingDate(event.data.rebasedAt) };
    case 'ReceiptRecorded':
      return { kind: 'received', amountFen: event.data.amountFen, day: event.data.receivedOn };
    case 'PayoutRecorded':
      return { kind: 'paid', amountFen: event.data.amountFen, day: event.data.paidOn };
    case 'WriteOffApproved':
      return { kind: 'written_off', amountFen: event.data.amountFen, day: beijingDate(event.data.approvedAt) };
    case 'PaymentPlanSet':
    case 'PaymentPlanAmended':
    case 'MoneyHeld':
    case 'WriteOffRequested':
    case 'WriteOffRejected':
    case 'RecoveryCompleted':
    case 'InstalmentDueWarned':
    case 'InstalmentMissed':
    case 'WriteOffApprovalWarned':
    case 'WriteOffApprovalMissed':
      return null;
    default:
      void (event satisfies never);
      return null;
  }
}

const movements: ReadModel<RecoveryEvent, RecoveryMovement> = {
  table: 'recovery_movements',
  rowKey: (e) => (movementOf(e) ? `${e.data.caseId}:${e.streamRevision}` : null),
  evolve: (row, e) => {
    const moved = movementOf(e);
    return row ?? (moved && Object.assign(new RecoveryMovement(), { caseId: e.data.caseId, revision: e.streamRevision.toString(), ...moved }));
  },
  storage: appendOnlyRows(RecoveryMovement),
};

const timeline: ReadModel<RecoveryEvent, RecoveryTimelineEntry> = {
  table: 'recovery_timeline',
  rowKey: (e) => `${e.data.caseId}:${e.streamRevision}`,
  evolve: (row, e) =>
    row ??
    Object.assign(new RecoveryTimelineEntry(), {
      caseId: e.data.caseId,
      revision: e.streamRevision.toString(),
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      actorStaffId: e.metadata.actor.staffId,
      actorRole: e.metadata.actor.role,
      occurredAt: new Date(e.metadata.occurredAt),
    }),
  storage: appendOnlyRows(RecoveryTimelineEntry),
};

/** Wage recovery: the ledger per case and per worker, its money movements, its history. */
export const recoveriesProjection = defineProjection<RecoveryEvent>({
  name: 'recoveries',
  handles: {
    RecoveryOpened: true,
    OwedRebased: true,
    PaymentPlanSet: true,
    PaymentPlanAmended: true,
    ReceiptRecorded: true,
    PayoutRecorded: true,
    MoneyHeld: true,
    WriteOffRequested: true,
    WriteOffApproved: true,
    WriteOffRejected: true,
    RecoveryCompleted: true,
    // The system's deadline notices: on the ledger (its notices) and in its history.
    InstalmentDueWarned: true,
    InstalmentMissed: true,
    WriteOffApprovalWarned: true,
    WriteOffApprovalMissed: true,
  },
  readModels: [ledgers, movements, timeline],
});
