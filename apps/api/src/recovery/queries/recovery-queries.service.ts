import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditedDisputeCase, auditedRecovery, type AsOfReplay } from '#audit';
import { CLOCK, type Clock } from '#commands';
import {
  beijingDay,
  daysBetween,
  describeRecoveryEvent,
  domainEventOf,
  heldMoney,
  INSTALMENT_STATUS_LABELS,
  instalmentStates,
  recoveryTotals,
  formatYuan,
  recoveryStreamName,
  type DisputeCase,
  type Lang,
  type RecoveryEvent,
  type RecoveryLedger,
} from '#domain';
import { DisputeCaseRow, RecoveryRow, RecoveryTimelineEntry } from '#read-models';
import type { DataSource } from 'typeorm';
import { isPosition } from '#event-store';
import { AsOfReplays } from '../../audit/as-of-replays.service.js';
import type { ListRecoveriesQuery } from './recovery-queries.query.js';
import type { CaseRecoverySummary, RecoveryLedgerView, RecoveryListPage } from './recovery-views.dto.js';

/** The recovery read models: one case's ledger, and the list of cases by what is most overdue. */
@Injectable()
export class RecoveryQueries {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly replays: AsOfReplays,
  ) {}

  today(): string {
    return beijingDay(this.clock.now().toISOString());
  }

  /** null when no such case; a case with an agreement and no money command yet has a ledger `not_started`. */
  async ledger(
    caseId: string,
    asOf: string,
    lang: Lang,
    names: { staffName: (id: string) => string | undefined },
  ): Promise<RecoveryLedgerView | null> {
    const row = await this.ds.getRepository(RecoveryRow).findOne({ where: { caseId } });
    const dispute = await this.ds.getRepository(DisputeCaseRow).findOne({ where: { id: caseId }, select: { id: true, detail: true } });
    if (!row && !dispute) return null;
    const entries = row ? await this.ds.getRepository(RecoveryTimelineEntry).find({ where: { caseId }, order: { revision: 'ASC' } }) : [];
    return ledgerView(
      {
        caseId,
        ledger: row ? (row.detail as unknown as RecoveryLedger) : null,
        revision: row ? Number(row.revision) : -1,
        dispute: (dispute?.detail as unknown as DisputeCase | undefined) ?? null,
        history: entries.map((e) => ({ revision: Number(e.revision), type: e.type, data: e.data, occurredAt: e.occurredAt.toISOString(), actor: { staffId: e.actorStaffId, role: e.actorRole } })),
      },
      asOf,
      lang,
      names,
    );
  }

  /**
   * The ledger as it stood at a moment (an instant or a log position): the ledger and the case
   * replayed from their events up to it (the case for the agreement then in force), the history
   * from the log, instalments and held money aged as of that moment's day. Null: no such case then.
   */
  async ledgerAsOf(caseId: string, asOf: string, lang: Lang, names: { staffName: (id: string) => string | undefined }): Promise<RecoveryLedgerView | null> {
    const [dispute, recovery] = await Promise.all([this.replays.replay(auditedDisputeCase, caseId, asOf), this.replays.replay(auditedRecovery, caseId, asOf)]);
    if (!dispute?.state) return null;
    const ledger = recovery && recovery.state.status !== 'not_started' ? recovery.state : null;
    const events = ledger ? await this.replays.events(recoveryStreamName(caseId), recovery!.lastEvent?.revision ?? null) : [];
    const view = ledgerView(
      {
        caseId,
        ledger,
        revision: ledger && recovery?.lastEvent ? Number(recovery.lastEvent.revision) : -1,
        dispute: dispute.state,
        history: events.map((e) => ({
          revision: Number(e.revision),
          type: e.type,
          data: e.data,
          occurredAt: new Date(String(e.metadata.occurredAt)).toISOString(),
          actor: { staffId: e.metadata.actor?.staffId ?? '', role: e.metadata.actor?.role ?? '' },
        })),
      },
      beijingDay(momentOf(asOf, [dispute, recovery], this.clock.now().toISOString())),
      lang,
      names,
    );
    return view && { ...view, asOfReplay: this.replays.page(ledger && recovery ? recovery : dispute, asOf, lang) };
  }

  /** The case page's word on the money as of a moment, from the ledger replayed up to it. */
  async summaryAsOf(caseId: string, agreementId: string | null, asOf: string, lang: Lang): Promise<CaseRecoverySummary> {
    const recovery = await this.replays.replay(auditedRecovery, caseId, asOf);
    const ledger = recovery && recovery.state.status !== 'not_started' ? recovery.state : null;
    if (!ledger) return recoverySummary(null, agreementId, lang);
    const t = recoveryTotals(ledger);
    return recoverySummary({ status: ledger.status, agreementId: ledger.agreementId, owedFen: t.owedFen, paidFen: t.paidFen, writtenOffFen: t.writtenOffFen }, agreementId, lang);
  }

  /** What the case page says about the money: whether "agreement fulfilled" may be recorded, and why not. */
  async summary(caseId: string, agreementId: string | null, lang: Lang): Promise<CaseRecoverySummary> {
    const row = await this.ds.getRepository(RecoveryRow).findOne({ where: { caseId }, select: { status: true, agreementId: true, owedFen: true, paidFen: true, outstandingFen: true, writtenOffFen: true } });
    return recoverySummary(row ? { status: row.status as 'recovering' | 'complete', agreementId: row.agreementId, owedFen: row.owedFen, paidFen: row.paidFen, writtenOffFen: row.writtenOffFen } : null, agreementId, lang);
  }

  async list(q: ListRecoveriesQuery): Promise<RecoveryListPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const today = this.today();
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (v: unknown) => (params.push(v), `$${params.length}`);
    const status = q.status ?? 'recovering';
    if (status !== 'all') where.push(`r.status = ${param(status)}`);
    if (q.employerId) where.push(`c.respondent_employer_id = ${param(q.employerId)}`);
    if (q.mediatorId) where.push(`c.mediator_id = ${param(q.mediatorId)}`);
    if (q.overdue === 'true') where.push(`r.status = 'recovering' AND r.first_uncovered_due_on < ${param(today)}`);
    if (q.overdue === 'false') where.push(`(r.first_uncovered_due_on IS NULL OR r.first_uncovered_due_on >= ${param(today)})`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM recoveries r JOIN dispute_cases c ON c.id = r.case_id ${filter}`;
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n ${from}`, params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT r.case_id, c.title, c.respondent_name, c.respondent_employer_id, c.mediator_id, r.status, r.worker_count,
              r.owed_fen, r.received_fen, r.paid_fen, r.held_fen, r.allocated_unpaid_fen, r.outstanding_fen, r.written_off_fen,
              to_char(r.first_uncovered_due_on, 'YYYY-MM-DD') AS first_uncovered_due_on
       ${from}
       ORDER BY r.first_uncovered_due_on ASC NULLS LAST, r.outstanding_fen DESC, r.case_id
       LIMIT ${param(pageSize)} OFFSET ${param((page - 1) * pageSize)}`,
      params,
    );
    const items = rows.map((r) => {
      const due = r.first_uncovered_due_on as string | null;
      return {
        caseId: r.case_id as string,
        title: r.title as string,
        respondentName: r.respondent_name as string,
        employerId: r.respondent_employer_id as string | null,
        mediatorId: r.mediator_id as string | null,
        status: r.status as string,
        workerCount: r.worker_count as number,
        totals: {
          owedFen: Number(r.owed_fen),
          receivedFen: Number(r.received_fen),
          paidFen: Number(r.paid_fen),
          heldFen: Number(r.held_fen),
          allocatedUnpaidFen: Number(r.allocated_unpaid_fen),
          outstandingFen: Number(r.outstanding_fen),
          writtenOffFen: Number(r.written_off_fen),
        },
        firstUncoveredDueOn: due,
        daysOverdue: due && r.status === 'recovering' ? Math.max(0, daysBetween(due, today)) : 0,
      };
    });
    return { items, page, pageSize, total: n as number };
  }
}

/** The instant a moment stands for: an instant as given; a position, the latest event the replays reached (now when none). */
function momentOf(asOf: string, replays: readonly (AsOfReplay<unknown> | null)[], now: string): string {
  if (!isPosition(asOf)) return asOf;
  const times = replays.flatMap((r) => (r?.lastEvent ? [r.lastEvent.recordedAt] : [])).sort();
  return times[times.length - 1] ?? now;
}

/** One event of the ledger's history, from the timeline read model or from the log (a page as of a moment). */
export interface LedgerHistoryItem {
  revision: number;
  type: string;
  data: unknown;
  occurredAt: string;
  actor: { staffId: string; role: string };
}

/**
 * The ledger page from a ledger state (null: not started), its revision, the case (for the
 * agreement in force) and its history: the same page whether the state came from the read
 * model or from the as-of replay.
 */
export function ledgerView(
  source: { caseId: string; ledger: RecoveryLedger | null; revision: number; dispute: DisputeCase | null; history: readonly LedgerHistoryItem[] },
  asOf: string,
  lang: Lang,
  names: { staffName: (id: string) => string | undefined },
): RecoveryLedgerView | null {
  const { ledger, dispute } = source;
  if (!ledger) return dispute ? notStarted(dispute, asOf) : null;
  const agreementId = dispute?.agreement?.agreementId;
  const claimantName = new Map(ledger.workers.map((w) => [w.claimantId, w.name]));
  const owed = recoveryTotals(ledger).owedFen;
  return {
    caseId: source.caseId,
    status: ledger.status,
    revision: source.revision,
    agreementId: ledger.agreementId,
    completedAt: ledger.status === 'complete' ? ledger.completedAt : null,
    agreementFulfilledAllowed: ledger.status === 'complete' && agreementId === ledger.agreementId,
    asOf,
    totals: recoveryTotals(ledger),
    workers: ledger.workers.map((w) => ({ ...w, receivedFen: w.paidFen + w.heldFen + w.allocatedUnpaidFen, payouts: [...w.payouts], holds: [...w.holds] })),
    plan: instalmentStates(ledger, asOf).map((i) => ({
      ...i,
      statusLabel: INSTALMENT_STATUS_LABELS[i.status][lang],
      missed: (ledger.deadlineNotices ?? []).some((n) => n.kind === 'instalment' && n.itemId === i.dueOn && n.level === 'missed'),
    })),
    planNeedsAmendment: ledger.plan.length > 0 && ledger.plan.reduce((s, i) => s + i.amountFen, 0) !== owed,
    receipts: ledger.receipts.map((r) => ({ ...r, allocations: [...r.allocations] })),
    held: heldMoney(ledger, asOf),
    writeOffs: ledger.writeOffs.map((o) => ({ ...o, decision: { ...o.decision } })),
    history: source.history.map((e) => ({
      revision: e.revision,
      type: e.type,
      occurredAt: e.occurredAt,
      actor: e.actor,
      description: describeRecoveryEvent(domainEventOf<RecoveryEvent>(e), lang, {
        actorId: e.actor.staffId,
        staffName: names.staffName,
        claimantName: (id) => claimantName.get(id),
      }),
    })),
  };
}

/** The case page's word on the money, from the ledger's figures (null: no money command yet). */
export function recoverySummary(
  ledger: { status: 'recovering' | 'complete'; agreementId: string; owedFen: number; paidFen: number; writtenOffFen: number } | null,
  agreementId: string | null,
  lang: Lang,
): CaseRecoverySummary {
  const complete = ledger?.status === 'complete' && ledger.agreementId === agreementId;
  const stillOwedFen = ledger ? ledger.owedFen - ledger.paidFen - ledger.writtenOffFen : null;
  const zh = lang === 'zh';
  const note = !agreementId
    ? zh ? '尚未登记调解协议；追欠台账以协议为起点。' : 'No agreement yet: the recovery ledger starts from the agreement.'
    : !ledger
      // Not started: nothing received yet, so no figure of "still owed" (0.00 would read as paid).
      ? zh ? '追欠尚未开始：本案协议项下尚无款项到账或发放；追欠完成后才能以“协议履行完毕”结案。' : 'Recovery has not started: no money has been received or paid under the agreement yet; "agreement fulfilled" is accepted once the recovery is complete.'
    : complete
      ? zh ? '追欠完成：每位职工均已足额领取（或余额已核销），可以“协议履行完毕”结案。' : 'Recovery complete: every worker has been paid (or the rest written off); the case can be closed as agreement fulfilled.'
      : zh
        ? `尚有${formatYuan(stillOwedFen!, 'zh')}未发放到职工手中（或未核销）；追欠完成后才能以“协议履行完毕”结案。`
        : `${formatYuan(stillOwedFen!, 'en')} has not yet reached the workers (nor been written off); "agreement fulfilled" is accepted once the recovery is complete.`;
  return {
    status: ledger ? ledger.status : 'not_started',
    agreementFulfilledAllowed: complete,
    owedFen: ledger?.owedFen ?? null,
    paidFen: ledger?.paidFen ?? null,
    stillOwedFen,
    note,
  };
}

/** The ledger as it will open: what each claimant is owed under the agreement, nothing moved yet. */
function notStarted(dispute: DisputeCase, asOf: string): RecoveryLedgerView {
  const names = new Map(dispute.claimants.map((c) => [c.claimantId, c]));
  const workers = (dispute.agreement?.amounts ?? []).map((a) => ({
    claimantId: a.claimantId,
    workerId: names.get(a.claimantId)?.workerId ?? null,
    name: names.get(a.claimantId)?.name ?? a.claimantId,
    owedFen: a.amountFen,
    receivedFen: 0,
    paidFen: 0,
    heldFen: 0,
    allocatedUnpaidFen: 0,
    outstandingFen: a.amountFen,
    writtenOffFen: 0,
    payouts: [],
    holds: [],
  }));
  const owedFen = workers.reduce((s, w) => s + w.owedFen, 0);
  return {
    caseId: dispute.caseId,
    status: 'not_started',
    revision: -1,
    agreementId: dispute.agreement?.agreementId ?? null,
    completedAt: null,
    agreementFulfilledAllowed: false,
    asOf,
    totals: { owedFen, receivedFen: 0, paidFen: 0, heldFen: 0, allocatedUnpaidFen: 0, outstandingFen: owedFen, writtenOffFen: 0 },
    workers,
    plan: [],
    planNeedsAmendment: false,
    receipts: [],
    held: [],
    writeOffs: [],
    history: [],
  };
}
