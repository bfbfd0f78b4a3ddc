import { randomUUID } from 'node:crypto';
import type { AidFundEvent, AidProgrammeEvent } from '#domain';
import type { Position } from '#event-store';
import type { Projected } from '#projections';
import { evolveDisbursementRow, evolveFundRow, evolveIncomeRow, evolveProgrammeRow, programmeTermsOf } from './aid-funds.projection.js';

type Event = AidFundEvent | AidProgrammeEvent;
const AT = '2026-09-15T02:00:00.000Z';

function stream(name: string) {
  let revision = 0n;
  return <E extends Event>(type: E['type'], data: E['data']): Projected<Event> =>
    ({
      id: randomUUID(),
      type,
      data,
      metadata: { actor: { staffId: 'sun', role: 'fund_officer' }, correlationId: 'c', causationId: 'c', occurredAt: AT, schemaVersion: 1 },
      streamName: name,
      streamRevision: revision++,
      position: `1:${revision}` as Position,
      recordedAt: new Date(),
      hash: '',
      prevHash: '',
    }) as Projected<Event>;
}

describe('aid fund rows', () => {
  const fund = stream('aid-fund-f1');
  const opened = fund('AidFundOpened', { fundId: 'f1', name: '帮扶资金', kind: 'hardship_aid', openedBy: 'admin', openedAt: AT });
  const income = fund('AidIncomeRecorded', { fundId: 'f1', entryId: 'i1', source: 'donation', amountFen: 1_000_000, receivedOn: '2026-03-01', reference: 'R', donor: { name: '仁和镇商会', receiptNumber: 'JZ-1' }, recordedBy: 'sun', recordedAt: AT });
  const reversal = fund('AidIncomeCorrected', { fundId: 'f1', entryId: 'c1', correctsEntryId: 'i1', source: 'donation', amountFen: 1_000_000, receivedOn: '2026-03-01', reason: '重复', correctedBy: 'sun', correctedAt: AT });
  const income2 = fund('AidIncomeRecorded', { fundId: 'f1', entryId: 'i2', source: 'district_allocation', amountFen: 500_000, receivedOn: '2026-03-02', reference: 'R2', recordedBy: 'sun', recordedAt: AT });
  const requested = fund('DisbursementRequested', { fundId: 'f1', disbursementId: 'd1', programmeId: 'p1', programmeKind: 'student_grants', programmeName: '金秋助学', beneficiary: { kind: 'student', id: 's1' }, beneficiaryName: '王小红', amountFen: 150_000, reason: '助学', year: 2026, requestedBy: 'sun', requestedAt: AT });
  const approved = fund('DisbursementApproved', { fundId: 'f1', disbursementId: 'd1', amountFen: 150_000, approvedBy: 'liu', approvedAt: AT });
  const paid = fund('DisbursementPaid', { fundId: 'f1', disbursementId: 'd1', amountFen: 150_000, method: 'cash', reference: 'P', paidOn: '2026-09-16', paidBy: 'sun', recordedAt: AT });
  const all = [opened, income, reversal, income2, requested, approved, paid];

  it('the fund row keeps income less reversals, what is committed and what was paid; an event met again changes nothing', () => {
    const afterApproval = all.slice(0, 6).reduce(evolveFundRow, null);
    expect(afterApproval).toMatchObject({ incomeFen: '500000', committedFen: '150000', paidFen: '0' });
    const row = all.reduce(evolveFundRow, null);
    expect(row).toMatchObject({ id: 'f1', incomeFen: '500000', committedFen: '0', paidFen: '150000', revision: '6' });
    expect(all.reduce(evolveFundRow, row)).toBe(row);
  });

  it('a reversal is a negative entry on the day of the entry it reverses', () => {
    expect(evolveIncomeRow(null, reversal)).toMatchObject({ entryId: 'c1', amountFen: '-1000000', receivedOn: '2026-03-01', correctsEntryId: 'i1', reason: '重复' });
    expect(evolveIncomeRow(null, income)).toMatchObject({ donorName: '仁和镇商会', receiptNumber: 'JZ-1', amountFen: '1000000' });
    expect(evolveIncomeRow(null, requested)).toBeNull();
  });

  it('the disbursement row follows the domain’s state: approved on, paid on, its own revision', () => {
    const rows = [requested, approved, paid].reduce(evolveDisbursementRow, null);
    expect(rows).toMatchObject({ id: 'd1', status: 'paid', approvedBy: 'liu', approvedOn: '2026-09-15', paidOn: '2026-09-16', version: 2, beneficiaryName: '王小红' });
    expect(evolveDisbursementRow(rows, approved)).toBe(rows);
  });

  it('programme rows fold the programme as the domain does', () => {
    const programme = stream('aid-programme-p1');
    const created = programme('AidProgrammeCreated', { programmeId: 'p1', kind: 'student_grants', name: '金秋助学', fundId: 'f1', season: { from: '08-01', to: '10-31' }, perBeneficiaryCapFen: 200_000, createdBy: 'admin', createdAt: AT });
    const closed = programme('AidProgrammeClosed', { programmeId: 'p1', reason: '年度结束', closedBy: 'admin', closedAt: AT });
    const row = [created, closed].reduce(evolveProgrammeRow, null)!;
    expect(programmeTermsOf(row)).toEqual({ programmeId: 'p1', kind: 'student_grants', name: '金秋助学', fundId: 'f1', season: { from: '08-01', to: '10-31' }, perBeneficiaryCapFen: 200_000, active: false });
  });
});
