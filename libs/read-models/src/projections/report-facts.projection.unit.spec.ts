import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { comparePositions, type Position } from '#event-store';
import type { Projected } from '#projections';
import { evolveDisbursementRow } from './aid-funds.projection.js';
import { FACT_KINDS, factChanges, positionKey, reportFactsProjection, type ReportEvent } from './report-facts.projection.js';

const AT = '2026-09-15T02:00:00.000Z';
let seq = 0;
function recorded<T extends ReportEvent['type']>(type: T, data: Extract<ReportEvent, { type: T }>['data'], revision = 0n): Projected<ReportEvent> {
  seq += 1;
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: { staffId: 'sun', role: 'fund_officer' }, correlationId: 'c', causationId: 'c', occurredAt: AT, schemaVersion: 1 },
    streamName: 's',
    streamRevision: revision,
    position: `7:${seq}` as Position,
    recordedAt: new Date(AT),
    hash: '',
    prevHash: '',
  } as unknown as Projected<ReportEvent>;
}

describe('report facts', () => {
  it('a position key sorts as positions do (tx first, then seq), whatever the digits', () => {
    const position = fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n })).map(([tx, s]) => `${tx}:${s}`);
    fc.assert(
      fc.property(position, position, (a, b) => {
        const x = BigInt(positionKey(a));
        const y = BigInt(positionKey(b));
        return (x < y ? -1 : x > y ? 1 : 0) === comparePositions(a, b);
      }),
    );
    expect(positionKey('5351:1175')).toBe('535100000000000000001175');
    expect(positionKey('0:0')).toBe('0');
  });

  it('a student grant is asked for (pending), recorded on its approval day, withdrawn by cancellation; other programmes make no fact', () => {
    const asked = factChanges(
      recorded('DisbursementRequested', {
        fundId: 'f', disbursementId: 'd1', programmeId: 'p', programmeKind: 'student_grants', programmeName: '金秋助学', beneficiary: { kind: 'student', id: 's1' }, beneficiaryName: '王小红',
        amountFen: 150_000, reason: '助学', year: 2013, requestedBy: 'sun', requestedAt: AT, requestedOn: '2013-09-01',
      }),
    )!;
    expect(asked.insert).toEqual([{ factId: 'student_grant:d1', kind: 'student_grant', subjectId: 's1', category: null, personKey: null, day: null, year: null, amountFen: 150_000, quantity: null, pending: true }]);
    const relief = recorded('DisbursementRequested', { fundId: 'f', disbursementId: 'd2', programmeId: 'p2', programmeKind: 'special_hardship', programmeName: '特困救助', beneficiary: { kind: 'household', id: 'h' }, beneficiaryName: '张家', amountFen: 1, reason: 'r', year: 2026, requestedBy: 'sun', requestedAt: AT });
    expect(factChanges(relief)).toBeNull();
    expect(factChanges(recorded('DisbursementApproved', { fundId: 'f', disbursementId: 'd1', amountFen: 150_000, approvedBy: 'liu', approvedAt: AT, approvedOn: '2013-09-08' }))!.record).toEqual([{ factId: 'student_grant:d1', day: '2013-09-08' }]);
    // An approval recorded before approval days came: the day it was recorded, in Beijing.
    expect(factChanges(recorded('DisbursementApproved', { fundId: 'f', disbursementId: 'd1', amountFen: 1, approvedBy: 'liu', approvedAt: '2026-09-14T17:00:00.000Z' }))!.record[0]!.day).toBe('2026-09-15');
    expect(factChanges(recorded('DisbursementCancelled', { fundId: 'f', disbursementId: 'd1', amountFen: 1, wasApproved: true, reason: 'r', cancelledBy: 'liu', cancelledAt: AT }))!.withdraw).toEqual([{ factId: 'student_grant:d1' }]);
  });

  it('a case: received on the application’s Beijing day with a fact per claimant as a person; a decline is withdrawn by the reopening', () => {
    const opened = factChanges(
      recorded('DisputeCaseOpened', {
        caseId: 'c1', title: 't', category: 'unpaid_wages', description: 'd', application: { kind: 'written', receivedAt: '2014-05-05T20:00:00Z' }, respondent: { name: 'r', employerId: null },
        claimants: [{ claimantId: 'a', workerId: 'w1', name: '甲' }, { claimantId: 'b', workerId: null, name: '乙' }], mediatorId: null, openedBy: 'm', openedAt: AT,
      } as never),
    )!;
    expect(opened.insert.map((f) => [f.factId, f.day, f.personKey])).toEqual([
      ['case_received:c1', '2014-05-06', null],
      ['claimant:c1:a', null, 'worker:w1'],
      ['claimant:c1:b', null, 'case:c1:乙'],
    ]);
    expect(factChanges(recorded('IntakeDeclined', { caseId: 'c1', reason: 'r', declinedBy: 'm', declinedAt: AT }, 3n))!.insert[0]!.factId).toBe('case_declined:c1:3');
    expect(factChanges(recorded('CaseReopened', { caseId: 'c1', reason: 'r', reopenedBy: 's', reopenedAt: AT }))!.withdraw).toEqual([{ kind: 'case_declined', subjectId: 'c1' }]);
  });

  it('every event type the projection applies records or withdraws some kind of fact, and every fact kind’s events are applied', () => {
    const applied = Object.entries(reportFactsProjection.handles).filter(([, on]) => on).map(([type]) => type).sort();
    const named = [...new Set(Object.values(FACT_KINDS).flatMap((k) => [...k.recordedBy, ...k.withdrawnBy]))].sort();
    expect(applied).toEqual([...named, 'DisbursementRequested'].sort());
  });

  it('the fund page’s disbursement row carries the business days too', () => {
    const asked = recorded('DisbursementRequested', {
      fundId: 'f', disbursementId: 'd1', programmeId: 'p', programmeKind: 'student_grants', programmeName: '金秋助学', beneficiary: { kind: 'student', id: 's1' }, beneficiaryName: '王小红',
      amountFen: 150_000, reason: '助学', year: 2013, requestedBy: 'sun', requestedAt: AT, requestedOn: '2013-09-01',
    }, 1n);
    const approved = recorded('DisbursementApproved', { fundId: 'f', disbursementId: 'd1', amountFen: 150_000, approvedBy: 'liu', approvedAt: AT, approvedOn: '2013-09-08' }, 2n);
    const row = [asked, approved].reduce((r, e) => evolveDisbursementRow(r, e as never), null as ReturnType<typeof evolveDisbursementRow>);
    expect(row).toMatchObject({ requestedOn: '2013-09-01', approvedOn: '2013-09-08', year: 2013 });
  });
});
