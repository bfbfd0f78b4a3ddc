import { aidProgrammeDecider, evolveDisbursement, type AidFundEvent, type AidProgrammeEvent, type Disbursement, type ProgrammeTerms } from '#domain';
import { appendOnlyRows, defineProjection, entityRows, type Projected, type ReadModel } from '#projections';
import { AidDisbursementRow, AidFundRow, AidIncomeRow, AidProgrammeRow, AidTimelineEntry } from '../entities/aid-fund-rows.entity.js';
import { beijingDate, instant } from './local-date.js';

type AidEvent = AidFundEvent | AidProgrammeEvent;
type Event = Projected<AidEvent>;

const add = (a: string, b: number) => (BigInt(a) + BigInt(b)).toString();

/** The fund's running totals, moved by the events that move money (each appended only on a valid change of state). */
export function evolveFundRow(row: AidFundRow | null, e: Event): AidFundRow | null {
  if (row && BigInt(row.revision) >= e.streamRevision) return row; // already applied
  const next = (change: Partial<AidFundRow>): AidFundRow | null =>
    row && { ...row, ...change, revision: e.streamRevision.toString(), updatedAt: instant(e.metadata.occurredAt) };
  switch (e.type) {
    case 'AidFundOpened': {
      const r = new AidFundRow();
      Object.assign(r, { id: e.data.fundId, name: e.data.name, kind: e.data.kind, incomeFen: '0', paidFen: '0', committedFen: '0' });
      r.revision = e.streamRevision.toString();
      r.openedAt = instant(e.data.openedAt);
      r.updatedAt = instant(e.metadata.occurredAt);
      return row ?? r;
    }
    case 'AidIncomeRecorded':
      return next(row ? { incomeFen: add(row.incomeFen, e.data.amountFen) } : {});
    case 'AidIncomeCorrected':
      return next(row ? { incomeFen: add(row.incomeFen, -e.data.amountFen) } : {});
    case 'DisbursementApproved':
      return next(row ? { committedFen: add(row.committedFen, e.data.amountFen) } : {});
    case 'DisbursementPaid':
      return next(row ? { committedFen: add(row.committedFen, -e.data.amountFen), paidFen: add(row.paidFen, e.data.amountFen) } : {});
    case 'DisbursementCancelled':
      return next(row && e.data.wasApproved ? { committedFen: add(row.committedFen, -e.data.amountFen) } : {});
    default:
      return next({});
  }
}

/** Income entries; a reversal is its own row, negative, on the day of the entry it reverses. */
export function evolveIncomeRow(row: AidIncomeRow | null, e: Event): AidIncomeRow | null {
  if (row) return row;
  if (e.type === 'AidIncomeRecorded') {
    const { fundId, entryId, source, amountFen, receivedOn, reference, donor, recordedBy, recordedAt } = e.data;
    return { entryId, fundId, source, amountFen: String(amountFen), receivedOn, reference, donorName: donor?.name ?? null, receiptNumber: donor?.receiptNumber ?? null, correctsEntryId: null, reason: null, recordedBy, recordedAt: instant(recordedAt) };
  }
  if (e.type === 'AidIncomeCorrected') {
    const { fundId, entryId, correctsEntryId, source, amountFen, receivedOn, reason, correctedBy, correctedAt } = e.data;
    return { entryId, fundId, source, amountFen: String(-amountFen), receivedOn, reference: null, donorName: null, receiptNumber: null, correctsEntryId, reason, recordedBy: correctedBy, recordedAt: instant(correctedAt) };
  }
  return row;
}

/** The disbursement's row, folded by the domain's own evolveDisbursement. */
export function evolveDisbursementRow(row: AidDisbursementRow | null, e: Event): AidDisbursementRow | null {
  if (row && BigInt(row.fundRevision) >= e.streamRevision) return row;
  if (e.type !== 'DisbursementRequested' && e.type !== 'DisbursementApproved' && e.type !== 'DisbursementRejected' && e.type !== 'DisbursementPaid' && e.type !== 'DisbursementCancelled') return row;
  const before = (row?.detail as unknown as Disbursement | undefined) ?? undefined;
  const d = evolveDisbursement(before, { type: e.type, data: e.data } as never);
  if (!d || d === before) return row;
  const approval = d.status === 'approved' || d.status === 'paid' ? d.approval : null;
  return {
    id: d.disbursementId,
    fundId: d.fundId,
    programmeId: d.programmeId,
    programmeKind: d.programmeKind,
    programmeName: d.programmeName,
    beneficiaryKind: d.beneficiary.kind,
    beneficiaryId: d.beneficiary.id,
    beneficiaryName: d.beneficiaryName,
    amountFen: String(d.amountFen),
    year: d.year,
    status: d.status,
    requestedBy: d.requestedBy,
    // The business days (entered after the fact, or the day recorded); a row kept from before they came has none in its detail.
    requestedOn: d.requestedOn ?? beijingDate(d.requestedAt),
    approvedBy: approval?.approvedBy ?? null,
    approvedOn: approval ? (approval.approvedOn ?? beijingDate(approval.approvedAt)) : null,
    paidOn: d.status === 'paid' ? d.payment.paidOn : null,
    detail: d as unknown as Record<string, unknown>,
    version: d.version,
    fundRevision: e.streamRevision.toString(),
    requestedAt: instant(d.requestedAt),
    updatedAt: instant(e.metadata.occurredAt),
  };
}

export function evolveProgrammeRow(row: AidProgrammeRow | null, e: Event): AidProgrammeRow | null {
  if (row && BigInt(row.revision) >= e.streamRevision) return row;
  if (e.type !== 'AidProgrammeCreated' && e.type !== 'AidProgrammeTermsChanged' && e.type !== 'AidProgrammeClosed') return row;
  const before: ProgrammeTerms | null = row && programmeTermsOf(row);
  const after = aidProgrammeDecider.evolve(before, { type: e.type, data: e.data } as AidProgrammeEvent);
  if (!after) return row;
  return {
    id: after.programmeId,
    kind: after.kind,
    name: after.name,
    fundId: after.fundId,
    seasonFrom: after.season?.from ?? null,
    seasonTo: after.season?.to ?? null,
    capFen: String(after.perBeneficiaryCapFen),
    active: after.active,
    revision: e.streamRevision.toString(),
    createdAt: row?.createdAt ?? instant(e.metadata.occurredAt),
  };
}

/** A programme row as the domain's terms (what a disbursement request is checked against). */
export function programmeTermsOf(row: AidProgrammeRow): ProgrammeTerms {
  return {
    programmeId: row.id,
    kind: row.kind as ProgrammeTerms['kind'],
    name: row.name,
    fundId: row.fundId,
    season: row.seasonFrom && row.seasonTo ? { from: row.seasonFrom, to: row.seasonTo } : null,
    perBeneficiaryCapFen: Number(row.capFen),
    active: row.active,
  };
}

const isFundEvent = (e: Event) => !e.type.startsWith('AidProgramme');

const funds: ReadModel<AidEvent, AidFundRow> = { table: 'aid_funds', rowKey: (e) => (isFundEvent(e) ? (e.data as { fundId: string }).fundId : null), evolve: evolveFundRow, storage: entityRows(AidFundRow, 'id') };
const income: ReadModel<AidEvent, AidIncomeRow> = {
  table: 'aid_fund_income',
  rowKey: (e) => (e.type === 'AidIncomeRecorded' || e.type === 'AidIncomeCorrected' ? e.data.entryId : null),
  evolve: evolveIncomeRow,
  storage: appendOnlyRows(AidIncomeRow),
};
const disbursements: ReadModel<AidEvent, AidDisbursementRow> = {
  table: 'aid_disbursements',
  rowKey: (e) => ((e.data as { disbursementId?: string }).disbursementId ?? null),
  evolve: evolveDisbursementRow,
  storage: entityRows(AidDisbursementRow, 'id'),
};
const programmes: ReadModel<AidEvent, AidProgrammeRow> = {
  table: 'aid_programmes',
  rowKey: (e) => (isFundEvent(e) ? null : (e.data as { programmeId: string }).programmeId),
  evolve: evolveProgrammeRow,
  storage: entityRows(AidProgrammeRow, 'id'),
};
const timeline: ReadModel<AidEvent, AidTimelineEntry> = {
  table: 'aid_timeline',
  rowKey: (e) => `${e.streamName}:${e.streamRevision}`,
  evolve: (row, e) => {
    if (row) return row;
    const data = e.data as { fundId?: string; programmeId?: string; disbursementId?: string };
    return {
      streamName: e.streamName,
      revision: e.streamRevision.toString(),
      fundId: isFundEvent(e) ? (data.fundId ?? null) : null,
      programmeId: data.programmeId ?? null,
      disbursementId: data.disbursementId ?? null,
      eventId: e.id,
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      actorStaffId: e.metadata.actor.staffId,
      actorRole: e.metadata.actor.role,
      occurredAt: instant(e.metadata.occurredAt),
      position: e.position,
    };
  },
  storage: appendOnlyRows(AidTimelineEntry),
};

/** The aid funds: totals, income entries, disbursements (the approval queue), programmes, and their timelines. */
export const aidFundsProjection = defineProjection<AidEvent>({
  name: 'aid-funds',
  handles: {
    AidFundOpened: true,
    AidIncomeRecorded: true,
    AidIncomeCorrected: true,
    DisbursementRequested: true,
    DisbursementApproved: true,
    DisbursementRejected: true,
    DisbursementPaid: true,
    DisbursementCancelled: true,
    // The system's approval warnings and misses: in the fund's and the disbursement's timelines.
    DisbursementApprovalWarned: true,
    DisbursementApprovalMissed: true,
    AidProgrammeCreated: true,
    AidProgrammeTermsChanged: true,
    AidProgrammeClosed: true,
  },
  readModels: [funds, income, disbursements, programmes, timeline],
});
