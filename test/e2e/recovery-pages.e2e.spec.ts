import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aGroupWageDispute } from './builders.js';
import { casePage, command } from './dispute-steps.js';
import { anEmployer, aWorker } from './party-builders.js';
import { addsUp, caseWithAgreement, ledgerOf } from './recovery-steps.js';

/** The rest of issue 10 through HTTP: who may do what, write-offs, the pages that show the money, the list, the period figures. */
describe('recovery: roles, write-offs, pages, list and period figures', () => {
  let t: TestApp;
  let wang: StaffAgent;
  let zhao: StaffAgent;
  let liu: StaffAgent;
  let chen: StaffAgent;
  let auditor: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    [wang, zhao, liu, chen, auditor] = await Promise.all([staffAs(t, 'mediator'), staffAs(t, 'mediator'), staffAs(t, 'supervisor'), staffAs(t, 'supervisor'), staffAs(t, 'auditor')]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('mediators act on their own cases, supervisors everywhere, auditors only read; a stale If-Match is a conflict', async () => {
    const { id, claimantIds } = await caseWithAgreement(wang, [100_000, 50_000]);
    const receipt = { amountFen: 30_000, receivedOn: '2026-04-01', channel: 'cash', receiptNo: 'R-1' };
    expect((await zhao.post(`/api/disputes/${id}/recovery/receipts`).send(receipt).expect(422)).body.code).toBe('NOT_ASSIGNED_MEDIATOR');
    await auditor.post(`/api/disputes/${id}/recovery/receipts`).send(receipt).expect(403);
    const first = await wang.post(`/api/disputes/${id}/recovery/receipts`).send(receipt).expect(201);
    expect(first.headers.etag).toBeDefined();
    await liu.post(`/api/disputes/${id}/recovery/receipts`).send({ ...receipt, receiptNo: 'R-2' }).expect(201);
    // Wang still holds the first answer's ETag: the ledger has moved on since.
    const stale = await wang.post(`/api/disputes/${id}/recovery/payouts`).set('If-Match', first.headers.etag).send({ claimantId: claimantIds[0], amountFen: 1, paidOn: '2026-04-01', method: 'cash', reference: '签收 1' });
    expect(stale.status).toBe(409);
    const ledger = await ledgerOf(auditor, id, first.body.position);
    expect(addsUp(ledger)).toEqual([]);
    expect(ledger.receipts.length).toBeGreaterThanOrEqual(1);
  });

  it('write-off: a mediator requests, another supervisor decides; it completes the recovery, and the case may then be closed as fulfilled', async () => {
    const { id, claimantIds } = await caseWithAgreement(wang, [100_000, 50_000]);
    const post = (as: StaffAgent, path: string, body?: object) => as.post(`/api/disputes/${id}/recovery/${path}`).send(body ?? {});
    await post(wang, 'receipts', { amountFen: 100_000, receivedOn: '2026-04-01', channel: 'court_enforcement', receiptNo: 'R-1', allocations: [{ claimantId: claimantIds[0], amountFen: 100_000 }] }).expect(201);
    await post(wang, 'payouts', { claimantId: claimantIds[0], amountFen: 100_000, paidOn: '2026-04-02', method: 'bank_transfer', reference: 'TR-1' }).expect(201);
    const requested = await post(liu, 'write-offs', { claimantId: claimantIds[1], reason: '用人单位已破产清算' }).expect(201);
    const writeOffId = requested.body.writeOffId as string;
    await post(wang, `write-offs/${writeOffId}/approve`).expect(403); // a mediator does not decide
    const own = await post(liu, `write-offs/${writeOffId}/approve`).expect(422);
    expect(own.body.code).toBe('WRITE_OFF_OWN_REQUEST');
    const approved = await post(chen, `write-offs/${writeOffId}/approve`).expect(200);
    const ledger = await ledgerOf(wang, id, approved.body.position, {}, 'en');
    expect(ledger).toMatchObject({ status: 'complete', agreementFulfilledAllowed: true, totals: { paidFen: 100_000, writtenOffFen: 50_000, outstandingFen: 0 } });
    expect(addsUp(ledger)).toEqual([]);
    expect(ledger.history.map((h) => h.type)).toEqual(['RecoveryOpened', 'ReceiptRecorded', 'PayoutRecorded', 'WriteOffRequested', 'WriteOffApproved', 'RecoveryCompleted']);
    expect(ledger.history[4]!.description).toMatch(/^Write-off of ¥500\.00 for .+ approved by /);
    const page = await casePage(wang, id, approved.body.position);
    expect(page.recovery).toMatchObject({ status: 'complete', agreementFulfilledAllowed: true });
    await command(wang, id, 'outcome', { outcome: 'agreement_fulfilled' }, 200);
  });

  it('the case page says when "agreement fulfilled" will be accepted, in both languages', async () => {
    const { id, claimantIds, agreed } = await caseWithAgreement(wang, [100_000]);
    const zh = await casePage(wang, id, agreed.position);
    expect(zh.recovery).toMatchObject({ status: 'not_started', agreementFulfilledAllowed: false });
    // Nothing received yet: no "0.00 still owed" (that would read as paid).
    expect(zh.recovery).toMatchObject({ stillOwedFen: null });
    expect(zh.recovery.note).toBe('追欠尚未开始：本案协议项下尚无款项到账或发放；追欠完成后才能以“协议履行完毕”结案。');
    const notStartedEn = (await wang.get(`/api/disputes/${id}`).set('Accept-Language', 'en').expect(200)).body;
    expect(notStartedEn.recovery.note).toMatch(/^Recovery has not started/);
    expect(notStartedEn.recovery.note).not.toContain('¥0.00');
    await command(wang, id, 'recovery/receipts', { amountFen: 40_000, receivedOn: '2026-04-01', channel: 'bank_transfer', receiptNo: 'R-1' }, 201);
    const p = await command(wang, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 40_000, paidOn: '2026-04-01', method: 'bank_transfer', reference: 'T' }, 201);
    const page = await casePage(wang, id, p.position);
    expect(page.recovery).toMatchObject({ status: 'recovering', agreementFulfilledAllowed: false, stillOwedFen: 60_000 });
    expect(page.recovery.note).toBe('尚有600.00元未发放到职工手中（或未核销）；追欠完成后才能以“协议履行完毕”结案。');
    const en = (await wang.get(`/api/disputes/${id}`).set('Accept-Language', 'en').expect(200)).body;
    expect(en.recovery.note).toContain('"agreement fulfilled" is accepted once the recovery is complete');
  });

  it('the worker’s page shows per case what they were owed, got and are still owed; the employer’s page what it owes across cases', async () => {
    const employer = (await wang.post('/api/employers').send(anEmployer(7)).expect(201)).body.id as string;
    const workerId = (await wang.post('/api/workers').send(aWorker(701, { name: '张秀英' })).expect(201)).body.id as string;
    const cases: string[] = [];
    let position = '';
    for (const [n, owed] of [300_000, 200_000].entries()) {
      const opened = await wang.post('/api/disputes').send(aGroupWageDispute({ respondent: { name: '宏达建材', employerId: employer }, claimants: [{ name: '张秀英', workerId }, { name: `李${n}` }] })).expect(201);
      const id = opened.body.id as string;
      const ids = (await casePage(wang, id, opened.body.position)).claimants.map((c: { claimantId: string }) => c.claimantId);
      await command(wang, id, 'accept', undefined, 200);
      await command(wang, id, 'agreement', { amounts: [{ claimantId: ids[0], amountFen: owed }, { claimantId: ids[1], amountFen: 100_000 }], terms: '一次付清', paymentDates: ['2026-04-30'] }, 201);
      await command(wang, id, 'recovery/receipts', { amountFen: 100_000, receivedOn: '2026-04-01', channel: 'bank_transfer', receiptNo: `R-${n}`, allocations: [{ claimantId: ids[0], amountFen: 100_000 }] }, 201);
      const paid = await command(wang, id, 'recovery/payouts', { claimantId: ids[0], amountFen: 60_000, paidOn: '2026-04-02', method: 'bank_transfer', reference: `T-${n}` }, 201);
      position = paid.position;
      cases.push(id);
    }
    const worker = (await wang.get(`/api/workers/${workerId}`).query({ minPosition: position }).expect(200)).body;
    const money = Object.fromEntries(worker.cases.map((c: { caseId: string; recovery: unknown }) => [c.caseId, c.recovery]));
    expect(money[cases[0]!]).toEqual({ owedFen: 300_000, paidFen: 60_000, stillOwedFen: 240_000, heldFen: 0, writtenOffFen: 0 });
    expect(money[cases[1]!]).toEqual({ owedFen: 200_000, paidFen: 60_000, stillOwedFen: 140_000, heldFen: 0, writtenOffFen: 0 });
    const page = (await wang.get(`/api/employers/${employer}`).query({ minPosition: position }).expect(200)).body;
    expect(page.owed).toEqual({ cases: 2, owedFen: 700_000, receivedFen: 200_000, outstandingFen: 500_000, writtenOffFen: 0 });
    expect(page.cases.items.map((c: { recoveryOutstandingFen: number }) => c.recoveryOutstandingFen).sort()).toEqual([200_000, 300_000]);

    const listed = (await auditor.get('/api/recoveries').query({ employerId: employer, minPosition: position }).expect(200)).body;
    expect(listed.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual([...cases].sort());
  });

  it('lists cases with money outstanding, most overdue first; filters by overdue and mediator', async () => {
    const late = await caseWithAgreement(zhao, [100_000], ['2026-03-31']);
    await command(zhao, late.id, 'recovery/plan', { instalments: [{ dueOn: '2026-03-31', amountFen: 100_000 }] }, 200);
    const later = await caseWithAgreement(zhao, [100_000], ['2026-04-30']);
    await command(zhao, later.id, 'recovery/plan', { instalments: [{ dueOn: '2026-04-30', amountFen: 100_000 }] }, 200);
    const future = await caseWithAgreement(zhao, [100_000], ['2030-01-31']);
    const last = await command(zhao, future.id, 'recovery/plan', { instalments: [{ dueOn: '2030-01-31', amountFen: 100_000 }] }, 200);
    const list = (await zhao.get('/api/recoveries').query({ mediatorId: zhao.staffId, minPosition: last.position }).expect(200)).body;
    expect(list.items.map((i: { caseId: string }) => i.caseId)).toEqual([late.id, later.id, future.id]);
    expect(list.items[0].daysOverdue).toBeGreaterThan(list.items[1].daysOverdue);
    expect(list.items[2].daysOverdue).toBe(0);
    const overdue = (await zhao.get('/api/recoveries').query({ mediatorId: zhao.staffId, overdue: 'true' }).expect(200)).body;
    expect(overdue.items.map((i: { caseId: string }) => i.caseId)).toEqual([late.id, later.id]);
    await zhao.get('/api/recoveries').query({ overdue: 'maybe' }).expect(400);
  });

  it('period figures: received, paid out, written off, outstanding at the end of the range, each with its definition', async () => {
    const before = (await liu.get('/api/recoveries/stats').query({ from: '2025-01-01', to: '2025-12-31' }).expect(200)).body;
    // Received in December 2025: money is not dated before the application.
    const { id, claimantIds } = await caseWithAgreement(wang, [100_000, 100_000], ['2026-04-30'], { application: { kind: 'written', receivedAt: '2025-12-01' } });
    await command(wang, id, 'recovery/receipts', { amountFen: 80_000, receivedOn: '2025-12-20', channel: 'bank_transfer', receiptNo: 'R-2025' }, 201);
    await command(wang, id, 'recovery/receipts', { amountFen: 20_000, receivedOn: '2026-01-05', channel: 'wage_guarantee_fund', receiptNo: 'R-2026' }, 201);
    const paid = await command(wang, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 40_000, paidOn: '2025-12-21', method: 'bank_transfer', reference: 'T' }, 201);
    const stats = (await liu.get('/api/recoveries/stats').query({ from: '2025-01-01', to: '2025-12-31', minPosition: paid.position }).expect(200)).body;
    const value = (body: { figures: { name: string; valueFen: number }[] }, name: string) => body.figures.find((f) => f.name === name)!.valueFen;
    expect(value(stats, 'wages_recovered') - value(before, 'wages_recovered')).toBe(80_000);
    expect(value(stats, 'paid_to_workers') - value(before, 'paid_to_workers')).toBe(40_000);
    // Opened (today) after the range: its owed amount does not count at the end of 2025, only what arrived by then is subtracted.
    expect(value(stats, 'outstanding_at_end') - value(before, 'outstanding_at_end')).toBe(-80_000);
    expect(stats.figures.every((f: { definition: string; label: string }) => f.definition.length > 20 && f.label.length > 0)).toBe(true);
    const en = (await liu.get('/api/recoveries/stats').set('Accept-Language', 'en').query({ from: '2025-01-01', to: '2025-12-31' }).expect(200)).body;
    expect(en.figures[0]).toMatchObject({ name: 'wages_recovered', label: 'Wages recovered' });
    await liu.get('/api/recoveries/stats').query({ from: '2026-02-01', to: '2026-01-01' }).expect(400);
  });
});
