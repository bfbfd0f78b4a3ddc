import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aGroupWageDispute } from './builders.js';
import { casePage, command, openCase } from './dispute-steps.js';
import { caseWithAgreement, ledgerOf } from './recovery-steps.js';

/**
 * The rules between a case and its money, through HTTP (the exploratory tester's defects 1, 3, 4
 * and 11): an amendment never owes a worker less than the ledger holds for them; money is not
 * dated before the application, nor a payout before its money; no agreement before intake is
 * accepted, and no decline once there is one; an oral application is recorded when received.
 */
describe('recovery and agreement rules', () => {
  let t: TestApp;
  let wang: StaffAgent;
  let liu: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    [wang, liu] = await Promise.all([staffAs(t, 'mediator'), staffAs(t, 'supervisor')]);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (as: StaffAgent, id: string, path: string, body: object, lang = 'zh-CN') => as.post(`/api/disputes/${id}/${path}`).set('Accept-Language', lang).send(body);

  describe('an amendment below what was received (defect 1)', () => {
    it('is refused with 422 naming amounts[i].amountFen and the worker, in zh and en; the other workers keep their money moving', async () => {
      const { id, claimantIds } = await caseWithAgreement(wang, [100_000, 1_000]);
      const [x, y] = claimantIds as [string, string];
      await post(wang, id, 'recovery/receipts', { amountFen: 70_000, receivedOn: '2026-04-01', channel: 'cash', receiptNo: 'R-1', allocations: [{ claimantId: x, amountFen: 70_000 }] }).expect(201);
      await post(wang, id, 'recovery/payouts', { claimantId: x, amountFen: 70_000, paidOn: '2026-04-02', method: 'cash', reference: '签收 1' }).expect(201);
      const lower = { amounts: [{ claimantId: x, amountFen: 50_000 }, { claimantId: y, amountFen: 1_000 }], terms: '减为500元', paymentDates: ['2026-11-26'], reason: '协商变更' };

      const zh = await post(wang, id, 'agreement/amendments', lower).expect(422);
      expect(zh.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(zh.body).toMatchObject({
        code: 'AGREEMENT_BELOW_RECOVERED',
        details: { field: 'amounts[0].amountFen', claimantId: x, amountFen: 50_000, receivedFen: 70_000, writtenOffFen: 0, minimumFen: 70_000 },
      });
      expect(zh.body.title).toContain('工人1号');
      expect(zh.body.title).toContain('700.00元');
      const en = await post(wang, id, 'agreement/amendments', lower, 'en').expect(422);
      expect(en.body.title).toContain('¥700.00 received');

      // Nothing was recorded: the agreement in force is the first, and money keeps moving for everyone.
      const ok = await post(wang, id, 'recovery/receipts', { amountFen: 1_000, receivedOn: '2026-04-03', channel: 'cash', receiptNo: 'R-2', allocations: [{ claimantId: y, amountFen: 1_000 }] }).expect(201);
      const page = await casePage(wang, id, ok.body.position);
      expect(page.agreement.totalFen).toBe(101_000);

      // Exactly what was received is enough; the ledger re-bases on it as the amendment is recorded, and money keeps moving.
      await post(wang, id, 'agreement/amendments', { ...lower, amounts: [{ claimantId: x, amountFen: 70_000 }, { claimantId: y, amountFen: 2_000 }] }).expect(201);
      const next = await post(wang, id, 'recovery/receipts', { amountFen: 1_000, receivedOn: '2026-04-04', channel: 'cash', receiptNo: 'R-3' }).expect(201);
      const ledger = await ledgerOf(wang, id, next.body.position);
      expect(ledger.totals).toMatchObject({ owedFen: 72_000, receivedFen: 72_000, outstandingFen: 0 });
    });

    it('counts money written off for the worker too', async () => {
      const { id, claimantIds } = await caseWithAgreement(wang, [100_000]);
      const [x] = claimantIds as [string];
      await post(wang, id, 'recovery/receipts', { amountFen: 60_000, receivedOn: '2026-04-01', channel: 'cash', receiptNo: 'R-1' }).expect(201);
      const requested = await post(wang, id, 'recovery/write-offs', { claimantId: x, reason: '用人单位破产' }).expect(201);
      await post(liu, id, `recovery/write-offs/${requested.body.writeOffId}/approve`, {}).expect(200);
      const body = { amounts: [{ claimantId: x, amountFen: 99_999 }], terms: '变更', paymentDates: ['2026-04-30'], reason: '协商变更' };
      const refused = await post(wang, id, 'agreement/amendments', body).expect(422);
      expect(refused.body.details).toMatchObject({ field: 'amounts[0].amountFen', receivedFen: 60_000, writtenOffFen: 40_000, minimumFen: 100_000 });
    });
  });

  describe('an amendment that settles for what was already paid (the ledger follows the agreement in force at once)', () => {
    it('re-bases the ledger when the amendment is recorded: the pages show the amended totals, a write-off says nothing is outstanding, and the case closes as agreement fulfilled', async () => {
      const { id, claimantIds, agreed } = await caseWithAgreement(wang, [400_000], ['2026-11-25']);
      const [k] = claimantIds as [string];
      await post(wang, id, 'recovery/receipts', { amountFen: 300_000, receivedOn: '2026-11-25', channel: 'bank_transfer', receiptNo: 'R-1' }).expect(201);
      await post(wang, id, 'recovery/payouts', { claimantId: k, amountFen: 300_000, paidOn: '2026-11-25', method: 'bank_transfer', reference: 'T-1' }).expect(201);

      const amended = await post(wang, id, 'agreement/amendments', {
        amounts: [{ claimantId: k, amountFen: 300_000 }],
        terms: '经协商按3000元结清',
        paymentDates: ['2026-11-25'],
        reason: '协商变更',
      }).expect(201);
      const agreementId: string = amended.body.agreementId;
      expect(agreementId).not.toBe(agreed.agreementId);

      // The case page: the amended agreement, and the money complete under it.
      const page = await casePage(wang, id, amended.body.position);
      expect(page.agreement.totalFen).toBe(300_000);
      expect(page.recovery).toMatchObject({ status: 'complete', agreementFulfilledAllowed: true, owedFen: 300_000, paidFen: 300_000, stillOwedFen: 0 });
      expect(page.recovery.note).toContain('追欠完成');

      // The recovery page: re-based on the amendment, with its reason in the history.
      const ledger = await ledgerOf(wang, id, amended.body.position);
      expect(ledger).toMatchObject({ status: 'complete', agreementFulfilledAllowed: true });
      expect((ledger as unknown as { agreementId: string }).agreementId).toBe(agreementId);
      expect(ledger.totals).toMatchObject({ owedFen: 300_000, receivedFen: 300_000, paidFen: 300_000, outstandingFen: 0 });
      expect(ledger.history.map((h) => h.type)).toEqual(expect.arrayContaining(['OwedRebased', 'RecoveryCompleted']));

      // The recovery list.
      const listed = (await wang.get('/api/recoveries').query({ status: 'all', mediatorId: wang.staffId, minPosition: amended.body.position, pageSize: 100 }).expect(200)).body;
      const item = listed.items.find((i: { caseId: string }) => i.caseId === id);
      expect(item).toMatchObject({ status: 'complete', totals: { owedFen: 300_000, paidFen: 300_000, outstandingFen: 0 } });

      // Nothing left to write off, said plainly.
      const writeOff = await post(wang, id, 'recovery/write-offs', { claimantId: k, reason: '尾差' }).expect(422);
      expect(writeOff.body.code).toBe('WRITE_OFF_ABOVE_OUTSTANDING');
      expect(writeOff.body.title).toContain('已无尚欠金额');
      expect(writeOff.body.title).not.toContain('0.00元');

      const closed = await post(wang, id, 'outcome', { outcome: 'agreement_fulfilled' }).expect(200);
      const after = await casePage(wang, id, closed.body.position);
      expect(after.status).toBe('closed');
      expect(after.outcome).toBe('agreement_fulfilled');
    });
  });

  describe('days of money received and paid (defect 3)', () => {
    it('refuses a receipt or a payout before the application (received 2026-03-01) as DATE_IMPLAUSIBLE before_application, in details.reason', async () => {
      const { id, claimantIds } = await caseWithAgreement(wang, [100_000]);
      const early = await post(wang, id, 'recovery/receipts', { amountFen: 10_000, receivedOn: '2026-02-28', channel: 'cash', receiptNo: 'R-0' }).expect(422);
      expect(early.body).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'receivedOn', value: '2026-02-28', reason: 'before_application', limit: '2026-03-01' } });
      expect(early.body.details).not.toHaveProperty('problem');
      await post(wang, id, 'recovery/receipts', { amountFen: 10_000, receivedOn: '2026-03-01', channel: 'cash', receiptNo: 'R-1' }).expect(201);
      const paidEarly = await post(wang, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 10_000, paidOn: '2025-10-01', method: 'cash', reference: 'x' }, 'en').expect(422);
      expect(paidEarly.body).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'paidOn', reason: 'before_application' } });
      expect(paidEarly.body.title).toContain('before the application was received (2026-03-01)');
      const future = await post(wang, id, 'recovery/receipts', { amountFen: 1, receivedOn: '2099-01-01', channel: 'cash', receiptNo: 'R-9' }).expect(422);
      expect(future.body.details).toMatchObject({ field: 'receivedOn', reason: 'in_future' });
    });

    it('refuses a payout dated before the money it pays was received (before_receipt, with the first day it could be paid)', async () => {
      const { id, claimantIds } = await caseWithAgreement(wang, [100_000]);
      await post(wang, id, 'recovery/receipts', { amountFen: 40_000, receivedOn: '2026-04-01', channel: 'cash', receiptNo: 'R-1' }).expect(201);
      await post(wang, id, 'recovery/receipts', { amountFen: 60_000, receivedOn: '2026-05-01', channel: 'cash', receiptNo: 'R-2' }).expect(201);
      const before = await post(wang, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 40_000, paidOn: '2026-03-20', method: 'cash', reference: 'x' }).expect(422);
      expect(before.body).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'paidOn', reason: 'before_receipt', limit: '2026-04-01' } });
      const tooMuch = await post(wang, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 100_000, paidOn: '2026-04-15', method: 'cash', reference: 'x' }).expect(422);
      expect(tooMuch.body.details).toMatchObject({ reason: 'before_receipt', limit: '2026-05-01' });
      await post(wang, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 40_000, paidOn: '2026-04-01', method: 'cash', reference: 'p-1' }).expect(201);
      await post(wang, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 60_000, paidOn: '2026-05-02', method: 'cash', reference: 'p-2' }).expect(201);
    });
  });

  describe('intake comes first (defect 4)', () => {
    it('refuses an agreement on a case whose intake is undecided, so no money either; once accepted it is recorded', async () => {
      const c = await openCase(wang, {}, 1);
      const agreement = { amounts: [{ claimantId: c.claimantIds[0], amountFen: 100_000 }], terms: '一次付清', paymentDates: ['2026-04-30'] };
      const refused = await post(wang, c.id, 'agreement', agreement).expect(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'INTAKE_NOT_ACCEPTED', details: { caseId: c.id } });
      expect(refused.body.title).toContain('请先受理');
      expect((await post(wang, c.id, 'agreement', agreement, 'en').expect(422)).body.title).toContain('Accept the case first');
      const money = await post(wang, c.id, 'recovery/receipts', { amountFen: 1, receivedOn: '2026-04-01', channel: 'cash', receiptNo: 'R-1' }).expect(422);
      expect(money.body.code).toBe('INTAKE_NOT_ACCEPTED');
      await command(wang, c.id, 'accept', undefined, 200);
      await post(wang, c.id, 'agreement', agreement).expect(201);
    });

    it('a case with an agreement cannot be declined (it would close a case whose money is still moving): over HTTP it was accepted first; a reopened pending case has none', async () => {
      const { id } = await caseWithAgreement(wang, [100_000]);
      // Accepted first, as an agreement now needs: declining is refused as already decided.
      expect((await post(liu, id, 'decline', { reason: '不属于劳动争议' }).expect(422)).body.code).toBe('INTAKE_ALREADY_DECIDED');
      // A case declined, reopened and pending again has no agreement: it can be declined again.
      const c = await openCase(wang, {}, 1);
      await post(wang, c.id, 'decline', { reason: '不属于劳动争议' }).expect(200);
      await post(liu, c.id, 'reopen', { reason: '重新审查' }).expect(200);
      expect((await post(liu, c.id, 'agreement', { amounts: [{ claimantId: c.claimantIds[0], amountFen: 1 }], terms: 'x', paymentDates: [] }).expect(422)).body.code).toBe('INTAKE_NOT_ACCEPTED');
      await post(wang, c.id, 'decline', { reason: '仍不属于劳动争议' }).expect(200);
    });
  });

  describe('an oral application is recorded when it is received (defect 11)', () => {
    const oral = (receivedAt: string, recordedAt: string) =>
      aGroupWageDispute({ application: { kind: 'oral', receivedAt, oral: { applicantName: '张秀英', dispute: '欠薪', reasons: '资金困难', recordedAt } } }, 1);

    it('refuses a record before the application’s day (before_application) or more than a day after it (oral_record_late)', async () => {
      const before = await wang.post('/api/disputes').send(oral('2026-11-24', '2026-01-01')).expect(422);
      expect(before.body).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'oral.recordedAt', reason: 'before_application', limit: '2026-11-24' } });
      const late = await wang.post('/api/disputes').set('Accept-Language', 'en').send(oral('2026-03-01', '2026-03-10')).expect(422);
      expect(late.body).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'oral.recordedAt', reason: 'oral_record_late', limit: '2026-03-01' } });
      expect(late.body.title).toContain('on the spot');
      await wang.post('/api/disputes').send(oral('2026-03-01T20:00:00+08:00', '2026-03-02T08:30:00+08:00')).expect(201);
    });
  });
});
