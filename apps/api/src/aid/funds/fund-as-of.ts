import { availableFen, balanceFen, beijingDay, requireExactTotals, type AidFund } from '#domain';
import type { FundPage } from './fund.dto.js';

interface Range {
  from?: string;
  to?: string;
}

const inRange = (day: string | null, range: Range) => day !== null && (!range.from || day >= range.from) && (!range.to || day <= range.to);

/**
 * A fund's page from its state as the as-of replay folded it (not from the read models): the
 * same figures, entries and programme totals the page computes from its rows, by the same
 * definitions (income and its reversals by the day received, a reversal on the day of the
 * entry it reverses; requested by the day requested, approved by the day approved and still
 * approved or paid, paid by the day paid).
 */
export function fundPageOf(fund: AidFund, revision: number, range: Range): Omit<FundPage, 'asOfReplay'> {
  requireExactTotals(fund);
  const income = fund.income.values().flatMap((e) => [
    {
      entryId: e.entryId,
      source: e.source as string,
      amountFen: e.amountFen,
      receivedOn: e.receivedOn,
      reference: e.reference as string | null,
      donor: e.donor ? { name: e.donor.name, receiptNumber: e.donor.receiptNumber as string | null } : null,
      correctsEntryId: null as string | null,
      reason: null as string | null,
      recordedBy: e.recordedBy,
      recordedAt: e.recordedAt,
    },
    ...(e.correction
      ? [
          {
            entryId: e.correction.entryId,
            source: e.source as string,
            amountFen: -e.amountFen,
            receivedOn: e.receivedOn,
            reference: null,
            donor: null,
            correctsEntryId: e.entryId,
            reason: e.correction.reason,
            recordedBy: e.correction.correctedBy,
            recordedAt: e.correction.correctedAt,
          },
        ]
      : []),
  ]);
  const entries = income
    .filter((e) => inRange(e.receivedOn, range))
    .sort((a, b) => (a.receivedOn === b.receivedOn ? Date.parse(a.recordedAt) - Date.parse(b.recordedAt) : a.receivedOn < b.receivedOn ? -1 : 1));
  const bySource = new Map<string, number>();
  for (const e of entries) bySource.set(e.source, (bySource.get(e.source) ?? 0) + e.amountFen);

  const programmes = new Map<string, FundPage['disbursementsByProgramme'][number]>();
  for (const d of fund.disbursements.values()) {
    const p = programmes.get(d.programmeId) ?? {
      programmeId: d.programmeId,
      programmeName: d.programmeName,
      programmeKind: d.programmeKind,
      requested: { count: 0, amountFen: 0 },
      approved: { count: 0, amountFen: 0 },
      paid: { count: 0, amountFen: 0 },
    };
    programmes.set(d.programmeId, p);
    if (inRange(beijingDay(d.requestedAt), range)) {
      p.requested.count++;
      p.requested.amountFen += d.amountFen;
    }
    if ((d.status === 'approved' || d.status === 'paid') && inRange(beijingDay(d.approval.approvedAt), range)) {
      p.approved.count++;
      p.approved.amountFen += d.amountFen;
    }
    if (d.status === 'paid' && inRange(d.payment.paidOn, range)) {
      p.paid.count++;
      p.paid.amountFen += d.amountFen;
    }
  }

  return {
    id: fund.fundId,
    name: fund.name,
    kind: fund.kind,
    incomeFen: fund.incomeFen,
    paidFen: fund.paidFen,
    committedFen: fund.committedFen,
    balanceFen: balanceFen(fund),
    availableFen: availableFen(fund),
    revision,
    openedAt: new Date(fund.openedAt).toISOString(),
    range: { from: range.from ?? null, to: range.to ?? null },
    income: {
      totalFen: entries.reduce((s, e) => s + e.amountFen, 0),
      bySource: [...bySource].map(([source, amountFen]) => ({ source, amountFen })),
      entries: entries.map(({ recordedAt: _recordedAt, ...e }) => e),
    },
    disbursementsByProgramme: [...programmes.values()]
      .filter((p) => p.requested.count + p.approved.count + p.paid.count > 0)
      .sort((a, b) => (a.programmeName < b.programmeName ? -1 : a.programmeName > b.programmeName ? 1 : 0)),
  };
}
