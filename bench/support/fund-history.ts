/**
 * A plausible aid fund's history, `count` events long: opened, then income (now and then
 * corrected) and disbursements requested, approved (some rejected) and paid (some cancelled),
 * never overdrawn. Event shapes as the decider appends them.
 */
export function* fundHistory(fundId: string, count: number): Generator<{ type: string; data: Record<string, unknown> }> {
  const at = (i: number) => new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString();
  const uuid = (prefix: number, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const requested: { id: string; amountFen: number }[] = [];
  const approved: { id: string; amountFen: number }[] = [];
  let entries = 0;
  let disbursements = 0;
  for (let i = 0; i < count; i++) {
    const now = at(i);
    const step = i % 10;
    if (i === 0) {
      yield { type: 'AidFundOpened', data: { fundId, name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid', openedBy: 'staff-0', openedAt: now } };
    } else if ((step === 2 || step === 7) && requested.length) {
      const d = requested.shift()!;
      if (Number(d.id.slice(-4)) % 20 === 0) {
        yield { type: 'DisbursementRejected', data: { fundId, disbursementId: d.id, amountFen: d.amountFen, reason: '材料不全', rejectedBy: 'staff-2', rejectedAt: now } };
      } else {
        approved.push(d);
        yield { type: 'DisbursementApproved', data: { fundId, disbursementId: d.id, amountFen: d.amountFen, approvedBy: 'staff-2', approvedAt: now } };
      }
    } else if ((step === 4 || step === 9) && approved.length) {
      const d = approved.shift()!;
      if (Number(d.id.slice(-4)) % 31 === 0) {
        yield { type: 'DisbursementCancelled', data: { fundId, disbursementId: d.id, amountFen: d.amountFen, wasApproved: true, reason: '职工已另获救助', cancelledBy: 'staff-1', cancelledAt: now } };
      } else {
        yield { type: 'DisbursementPaid', data: { fundId, disbursementId: d.id, amountFen: d.amountFen, method: 'bank_transfer', reference: `YH-${d.id.slice(-6)}`, paidOn: now.slice(0, 10), paidBy: 'staff-1', recordedAt: now } };
      }
    } else if (step === 3 || step === 8) {
      const id = uuid(2, ++disbursements);
      const amountFen = 100_000 + (disbursements % 13) * 1_000;
      requested.push({ id, amountFen });
      yield {
        type: 'DisbursementRequested',
        data: {
          fundId,
          disbursementId: id,
          programmeId: uuid(3, disbursements % 4),
          programmeKind: 'hardship_relief',
          programmeName: '困难职工帮扶',
          beneficiary: { kind: 'household', id: uuid(4, disbursements % 5000) },
          beneficiaryName: `职工${disbursements % 5000}`,
          amountFen,
          reason: '因病致困',
          year: Number(now.slice(0, 4)),
          requestedBy: 'staff-1',
          requestedAt: now,
        },
      };
    } else if (entries > 0 && entries % 50 === 0 && step === 6) {
      const correctsEntryId = uuid(1, entries);
      yield { type: 'AidIncomeCorrected', data: { fundId, entryId: uuid(5, entries), correctsEntryId, source: entries % 3 === 0 ? 'donation' : 'district_allocation', amountFen: 500_000 + (entries % 97) * 100, receivedOn: now.slice(0, 10), reason: '金额录入错误', correctedBy: 'staff-1', correctedAt: now } };
      entries++;
    } else {
      const entryId = uuid(1, ++entries);
      const donation = entries % 3 === 0;
      yield {
        type: 'AidIncomeRecorded',
        data: {
          fundId,
          entryId,
          source: donation ? 'donation' : 'district_allocation',
          amountFen: 500_000 + (entries % 97) * 100,
          receivedOn: now.slice(0, 10),
          reference: `顺工拨〔${now.slice(0, 4)}〕${entries}号`,
          ...(donation ? { donor: { name: `捐赠人${entries % 101}`, receiptNumber: `JZ-${entries}` } } : {}),
          recordedBy: 'staff-1',
          recordedAt: now,
        },
      };
    }
  }
}
