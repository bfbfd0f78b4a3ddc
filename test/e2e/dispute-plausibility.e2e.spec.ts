import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aGroupWageDispute } from './builders.js';
import { acceptedCase, casePage, command, fieldsOf, openCase, timeline, todayInBeijing } from './dispute-steps.js';

/** Issue 8, items 1(a), 14, 15, 16 and 17, as a clerk meets them through the API. */
describe('plausible input on dispute cases', () => {
  let t: TestApp;
  let mediator: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
  });
  afterAll(async () => {
    await t.close();
  });

  const eventCount = async () => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`))[0].n);
  const receivedAt = (value: string) => aGroupWageDispute({ application: { kind: 'written', receivedAt: value } });

  it('refuses the poison date of issue 8 and a date after today, stores nothing, and the case list keeps moving', async () => {
    const before = await eventCount();
    // Refused at the door (400 naming the field: no four-digit Beijing day holds it); the domain refuses it too (DATE_INVALID).
    const poison = await mediator.post('/api/disputes').send(receivedAt('9999-12-31T23:00:00-12:00')).expect(400);
    expect(fieldsOf(poison.body)).toEqual(['application.receivedAt']);
    const future = await mediator.post('/api/disputes').send(receivedAt('9999-12-30')).expect(422);
    expect(future.body).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'receivedAt', reason: 'in_future' } });
    expect(future.body.title).toBe('收到申请的时间不能晚于今天（北京时间）：9999-12-30。');
    const en = await mediator.post('/api/disputes').set('Accept-Language', 'en').send(receivedAt('1989-06-01')).expect(422);
    expect(en.body.title).toBe('The date the application was received cannot be before 1990: 1989-06-01.');
    expect(await eventCount()).toBe(before);

    const next = await mediator.post('/api/disputes').send(receivedAt(todayInBeijing())).expect(201);
    const list = await mediator.get('/api/disputes').query({ minPosition: next.body.position }).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(next.body.id);
  });

  it('refuses a case with no claimants (issue 8.17) and a title of only spaces', async () => {
    expect(fieldsOf((await mediator.post('/api/disputes').send(aGroupWageDispute({ claimants: [] })).expect(400)).body)).toEqual(['claimants']);
    const blank = await mediator.post('/api/disputes').send(aGroupWageDispute({ title: '\u3000 \u3000' })).expect(400);
    expect(fieldsOf(blank.body)).toEqual(['title']);
  });

  it('refuses a session before the application or after today, an empty summary, and an answer before its referral', async () => {
    const c = await openCase(mediator); // received 2026-03-01
    const early = await command(mediator, c.id, 'sessions', { heldAt: '2026-02-27', summary: '调解' }, 422);
    expect(early).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'heldAt', reason: 'before_application', limit: '2026-03-01' } });
    expect((await command(mediator, c.id, 'sessions', { heldAt: '9999-01-01', summary: '调解' }, 422)).details.reason).toBe('in_future');
    expect((await command(mediator, c.id, 'sessions', { heldAt: '2026-03-02', summary: '  \n ' }, 422)).code).toBe('TEXT_REQUIRED');
    expect((await command(mediator, c.id, 'follow-ups', { at: '2100-01-01', result: '已联系' }, 422)).code).toBe('DATE_IMPLAUSIBLE');

    const { referralId } = await command(mediator, c.id, 'referrals', { agency: 'judicial_office' }, 201);
    const answer = await command(mediator, c.id, `referrals/${referralId}/answer`, { answer: '已受理', answeredAt: '2026-03-05' }, 422);
    expect(answer).toMatchObject({ code: 'DATE_IMPLAUSIBLE', details: { field: 'answeredAt', reason: 'before_referral' } });
    await command(mediator, c.id, `referrals/${referralId}/answer`, { answer: '已受理', answeredAt: todayInBeijing() }, 200);

    // A referral entered after the fact carries its own date, and its answer may follow from then.
    expect((await command(mediator, c.id, 'referrals', { agency: 'social_security', referredAt: '2026-02-01' }, 422)).details.reason).toBe('before_application');
    const backdated = await command(mediator, c.id, 'referrals', { agency: 'social_security', referredAt: '2026-03-03' }, 201);
    const answered = await command(mediator, c.id, `referrals/${backdated.referralId}/answer`, { answer: '已核实', answeredAt: '2026-03-05' }, 200);
    const page = await casePage(mediator, c.id, answered.position);
    expect(page.referrals[1]).toMatchObject({ referredAt: '2026-03-03', answer: { text: '已核实', answeredAt: '2026-03-05' } });
  });

  describe('agreements', () => {
    const amountsFor = (ids: string[], fen: number) => ids.map((claimantId) => ({ claimantId, amountFen: fen }));

    it('a second agreement is refused; an amendment with a reason replaces it and the first stays in the history (issue 8.15)', async () => {
      const c = await acceptedCase(mediator, {}, 2);
      const first = await command(mediator, c.id, 'agreement', { amounts: amountsFor(c.claimantIds, 46_125_000), terms: '公司一次付清', paymentDates: ['2026-04-01'] }, 201);
      const second = { amounts: amountsFor(c.claimantIds, 25), terms: '公司一次付清', paymentDates: ['2026-04-01'] };
      const refused = await command(mediator, c.id, 'agreement', second, 422);
      expect(refused).toMatchObject({ code: 'AGREEMENT_ALREADY_REACHED', details: { agreementId: first.agreementId } });
      expect(refused.title).toContain('922,500.00元');

      expect(fieldsOf(await command(mediator, c.id, 'agreement/amendments', second, 400))).toEqual(['reason']);
      const amended = await command(mediator, c.id, 'agreement/amendments', { ...second, reason: '公司破产清算，工人同意接受象征性补偿' }, 201);
      expect(amended).toEqual({ id: c.id, revision: 3, position: expect.any(String), agreementId: expect.any(String) });

      const page = await casePage(mediator, c.id, amended.position);
      expect(page.agreement).toMatchObject({ agreementId: amended.agreementId, totalFen: 50, amends: { agreementId: first.agreementId, reason: '公司破产清算，工人同意接受象征性补偿' } });
      expect(page.agreements.map((a: { agreementId: string; totalFen: number }) => [a.agreementId, a.totalFen])).toEqual([
        [first.agreementId, 92_250_000],
        [amended.agreementId, 50],
      ]);
      const zh = (await timeline(mediator, c.id, amended.position, 'zh-CN')).map((e) => e.description);
      expect(zh.at(-2)).toContain('记录了调解协议：2名申请人，合计922,500.00元');
      expect(zh.at(-1)).toContain('变更了调解协议（原协议合计922,500.00元；变更理由：公司破产清算，工人同意接受象征性补偿）：2名申请人，合计0.50元');
      const en = await timeline(mediator, c.id, amended.position, 'en');
      expect(en.at(-1)).toMatchObject({ type: 'AgreementAmended', description: expect.stringContaining('Mediation agreement amended by') });
    });

    it('an amendment needs an agreement to amend', async () => {
      const c = await openCase(mediator, {}, 1);
      const body = { amounts: amountsFor(c.claimantIds, 100), terms: '一次付清', paymentDates: [], reason: '变更' };
      expect((await command(mediator, c.id, 'agreement/amendments', body, 422)).code).toBe('AGREEMENT_NOT_REACHED');
    });

    it('"agreement fulfilled" waits for the recovery ledger, not the calendar (issue 8.16, then issue 10)', async () => {
      const c = await acceptedCase(mediator, {}, 1);
      const nextYear = `${Number(todayInBeijing().slice(0, 4)) + 1}-01-15`;
      const agreed = await command(mediator, c.id, 'agreement', { amounts: amountsFor(c.claimantIds, 100_000), terms: '分两期支付', paymentDates: ['2026-04-01', nextYear] }, 201);
      const early = await command(mediator, c.id, 'outcome', { outcome: 'agreement_fulfilled' }, 422);
      expect(early).toMatchObject({ code: 'RECOVERY_NOT_COMPLETE', details: { caseId: c.id } });
      const beyond = { amounts: amountsFor(c.claimantIds, 100_000), terms: '一次付清', paymentDates: ['2099-01-01'], reason: '延期' };
      expect((await command(mediator, c.id, 'agreement/amendments', beyond, 422)).details).toMatchObject({ reason: 'beyond_payment_horizon' });
      // Paid before the last payment date: fulfilled as soon as the money has reached the worker.
      await command(mediator, c.id, 'recovery/receipts', { amountFen: 100_000, receivedOn: '2026-04-01', channel: 'cash', receiptNo: 'R-1' }, 201);
      await command(mediator, c.id, 'recovery/payouts', { claimantId: c.claimantIds[0], amountFen: 100_000, paidOn: '2026-04-01', method: 'cash', reference: '签收单 1' }, 201);
      const closed = await command(mediator, c.id, 'outcome', { outcome: 'agreement_fulfilled' }, 200);
      expect(closed.revision).toBe(agreed.revision + 1);
    });
  });
});
