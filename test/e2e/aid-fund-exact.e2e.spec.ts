import { randomUUID } from 'node:crypto';
import { aidFundStreamName } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { beneficiaryFiles, post, todayInBeijing } from './aid-fund-steps.js';
import { aResidentId } from './party-builders.js';

/** A figure past the safe-integer range: what the tester entered before amounts had a ceiling. */
const HUGE = 9_007_199_254_740_991;

/**
 * The fund's amounts through HTTP: the ceiling on what a person enters, totals exact in the
 * replay and in the period report even for history from before the ceiling, a disbursement
 * approved and paid once (an Idempotency-Key retry still answers as the first time), care
 * visits that name only what the fund holds, and a model worker's award not before working age.
 */
describe('aid fund: exact amounts, decisions taken once, visits that fit the fund', () => {
  let t: TestApp;
  let officer: StaffAgent;
  let supervisor: StaffAgent;
  let admin: StaffAgent;
  let auditor: StaffAgent;
  let files: ReturnType<typeof beneficiaryFiles>;

  beforeAll(async () => {
    t = await startTestApp();
    [officer, supervisor, admin, auditor] = await Promise.all([staffAs(t, 'fund_officer'), staffAs(t, 'supervisor'), staffAs(t, 'administrator'), staffAs(t, 'auditor')]);
    files = beneficiaryFiles(supervisor, officer);
  });
  afterAll(async () => {
    await t.close();
  });

  const openFund = (name = '帮扶资金') => post(officer, '/api/aid/funds', { name, kind: 'hardship_aid' }, 201);

  it('an income above 1,000,000,000.00 yuan is refused, 422 AMOUNT_INVALID implausible naming amountFen, in Chinese and English; the fund is untouched', async () => {
    const fund = await openFund();
    const body = { source: 'district_allocation', amountFen: HUGE, receivedOn: todayInBeijing(), reference: '顺工拨〔2026〕1号' };
    const zh = await officer.post(`/api/aid/funds/${fund.id}/income`).send(body).expect(422);
    expect(zh.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zh.body).toMatchObject({ code: 'AMOUNT_INVALID', title: '金额：单笔金额最多为 1,000,000,000.00 元，请检查是否多输了位数。', details: { field: 'amountFen', reason: 'implausible', limit: 100_000_000_000 } });
    const en = await officer.post(`/api/aid/funds/${fund.id}/income`).set('Accept-Language', 'en').send({ ...body, source: 'donation', donor: { name: '商会', receiptNumber: 'R-1' } }).expect(422);
    expect(en.body).toMatchObject({ code: 'AMOUNT_INVALID', title: 'The amount: An amount can be at most 1,000,000,000.00 yuan: check for a digit too many.', details: { field: 'amountFen' } });
    const top = await post(officer, `/api/aid/funds/${fund.id}/income`, { ...body, amountFen: 100_000_000_000 }, 201);
    const page = await supervisor.get(`/api/aid/funds/${fund.id}`).query({ minPosition: top.position }).expect(200);
    expect(page.body.incomeFen).toBe(100_000_000_000);
    const cap = await admin.post('/api/aid/programmes').send({ kind: 'student_grants', name: '金秋助学', fundId: fund.id, perBeneficiaryCapFen: HUGE }).expect(422);
    expect(cap.body).toMatchObject({ code: 'CAP_INVALID', details: { field: 'perBeneficiaryCapFen', reason: 'implausible' } });
  });

  it('history from before the ceiling: the replay and the as-of page are exact after the huge income is reversed; the period report shows it exactly in between', async () => {
    const fund = await openFund('仁和镇困难职工帮扶资金（旧数据）');
    // A day of its own, so that the period report's figure is this fund's alone.
    const receivedOn = '2020-03-02';
    await post(officer, `/api/aid/funds/${fund.id}/income`, { source: 'other', amountFen: 100, receivedOn, reference: 'r-1' }, 201);
    // What the tester recorded before the ceiling, written as it was stored then.
    const entryId = randomUUID();
    const now = new Date().toISOString();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const huge = await store.appendToStream(
      aidFundStreamName(fund.id),
      [
        {
          id: randomUUID(),
          type: 'AidIncomeRecorded',
          data: { fundId: fund.id, entryId, source: 'district_allocation', amountFen: HUGE, receivedOn, reference: '多输位数', recordedBy: officer.staffId, recordedAt: now },
          metadata: { actor: { staffId: officer.staffId, role: 'fund_officer' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: now, schemaVersion: 1 },
        },
      ],
      { expectedRevision: 1n },
    );
    const between = huge.position.toString();
    const period = { from: receivedOn, to: receivedOn };

    // In between: the report shows the exact sum (never 422 not_whole_fen), the page names the figure it cannot show exactly.
    const report = await auditor.get('/api/reports/period').query({ ...period, asOf: between, minPosition: between }).expect(200);
    const raised = report.body.figures.find((f: { name: string }) => f.name === 'aid_raised');
    expect(raised).toMatchObject({ value: null, fen: '9007199254741091', yuan: '90,071,992,547,410.91元' });
    const csv = await auditor.get('/api/reports/period').query({ ...period, asOf: between, format: 'csv' }).expect(200);
    expect(csv.text).toContain(',"90,071,992,547,410.91元",9007199254741091,');
    const page = await supervisor.get(`/api/aid/funds/${fund.id}`).query({ asOf: between }).expect(422);
    expect(page.body).toMatchObject({ code: 'TOTAL_BEYOND_EXACT', details: { field: 'incomeFen' } });
    const more = await officer.post(`/api/aid/funds/${fund.id}/income`).send({ source: 'other', amountFen: 1, receivedOn, reference: 'r-2' }).expect(422);
    expect(more.body).toMatchObject({ code: 'AMOUNT_INVALID', details: { field: 'amountFen', reason: 'too_large', total: 'incomeFen' } });

    const reversal = await post(officer, `/api/aid/funds/${fund.id}/income/${entryId}/corrections`, { reason: '多输了位数' }, 201);
    const live = (await supervisor.get(`/api/aid/funds/${fund.id}`).query({ minPosition: reversal.position }).expect(200)).body;
    expect(live).toMatchObject({ incomeFen: 100, balanceFen: 100, availableFen: 100 });
    // The replay (it was 1 fen off: 101) and the page as of now agree with the live page to the fen.
    const audit = (await auditor.get(`/api/audit/funds/${fund.id}`).expect(200)).body;
    expect(audit.state.incomeFen).toBe(100);
    const asOf = (await supervisor.get(`/api/aid/funds/${fund.id}`).query({ asOf: reversal.position }).expect(200)).body;
    expect({ incomeFen: asOf.incomeFen, balanceFen: asOf.balanceFen }).toEqual({ incomeFen: 100, balanceFen: 100 });
    const after = await auditor.get('/api/reports/period').query({ ...period, minPosition: reversal.position }).expect(200);
    expect(after.body.figures.find((f: { name: string }) => f.name === 'aid_raised')).toMatchObject({ value: 100, fen: '100' });
  });

  describe('a disbursement is approved once and paid once', () => {
    let fundId: string;
    let programmeId: string;

    beforeAll(async () => {
      const fund = await openFund('助学资金');
      fundId = fund.id;
      await post(officer, `/api/aid/funds/${fundId}/income`, { source: 'other', amountFen: 1_000_000, receivedOn: todayInBeijing(), reference: 'r' }, 201);
      programmeId = (await post(admin, '/api/aid/programmes', { kind: 'student_grants', name: '金秋助学', fundId, perBeneficiaryCapFen: 500_000 }, 201)).id;
    });

    it('approving an approved or paid one, paying a paid one: 422 DISBURSEMENT_WRONG_STATUS, the first details kept', async () => {
      const [student] = await files.studentsInHardship(['赵六']);
      const d = await post(officer, '/api/aid/disbursements', { fundId, programmeId, beneficiary: student, amountFen: 50_000, reason: '助学' }, 201);
      const today = todayInBeijing();
      await post(supervisor, `/api/aid/disbursements/${d.id}/approve`, { note: '同意' }, 200);
      const again = await supervisor.post(`/api/aid/disbursements/${d.id}/approve`).send({ note: '再次同意' }).expect(422);
      expect(again.body).toMatchObject({ code: 'DISBURSEMENT_WRONG_STATUS', title: '只有待审批的发放才能批准；该笔发放已批准待支付。', details: { status: 'approved', act: 'approve' } });
      const paid = await post(officer, `/api/aid/disbursements/${d.id}/pay`, { method: 'bank_transfer', reference: 'B-1', paidOn: today }, 200);
      const twice = await officer.post(`/api/aid/disbursements/${d.id}/pay`).set('Accept-Language', 'en').send({ method: 'cash', reference: 'B-2', paidOn: today }).expect(422);
      expect(twice.body).toMatchObject({ code: 'DISBURSEMENT_WRONG_STATUS', title: 'Only an approved disbursement can be paid; this one is paid.', details: { status: 'paid', act: 'pay' } });
      await supervisor.post(`/api/aid/disbursements/${d.id}/approve`).send({}).expect(422);
      const view = (await supervisor.get(`/api/aid/disbursements/${d.id}`).query({ minPosition: paid.position }).expect(200)).body;
      expect(view).toMatchObject({ status: 'paid', revision: paid.revision });
      const payments = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM es_events WHERE type = 'DisbursementPaid' AND data->>'disbursementId' = $1`, [d.id]);
      expect(payments[0]).toEqual({ n: 1 });
    });

    it('an exact retry with the same Idempotency-Key answers as the first time', async () => {
      const [student] = await files.studentsInHardship(['钱七']);
      const d = await post(officer, '/api/aid/disbursements', { fundId, programmeId, beneficiary: student, amountFen: 60_000, reason: '助学' }, 201);
      const approve = { note: '同意' };
      const first = await supervisor.post(`/api/aid/disbursements/${d.id}/approve`).set('Idempotency-Key', `approve-${d.id}`).send(approve).expect(200);
      const retry = await supervisor.post(`/api/aid/disbursements/${d.id}/approve`).set('Idempotency-Key', `approve-${d.id}`).send(approve).expect(200);
      expect(retry.body).toEqual(first.body);
      const pay = { method: 'cash', reference: 'X-1', paidOn: todayInBeijing() };
      const paid = await officer.post(`/api/aid/disbursements/${d.id}/pay`).set('Idempotency-Key', `pay-${d.id}`).send(pay).expect(200);
      const repaid = await officer.post(`/api/aid/disbursements/${d.id}/pay`).set('Idempotency-Key', `pay-${d.id}`).send(pay).expect(200);
      expect(repaid.body).toEqual(paid.body);
      // Another key is another request: refused.
      await officer.post(`/api/aid/disbursements/${d.id}/pay`).set('Idempotency-Key', `pay-again-${d.id}`).send(pay).expect(422);
    });
  });

  describe('a care visit names only what the fund holds, and fits it', () => {
    let household: string;
    let programmeId: string;
    let otherProgrammeId: string;
    let paidId: string;
    let approvedId: string;
    let othersId: string;
    const visit = (over: Record<string, unknown>, as: StaffAgent = officer) =>
      as.post('/api/aid/care-visits').send({ visitee: { kind: 'household', id: household }, visitedOn: todayInBeijing(), visitors: ['刘明'], ...over });

    beforeAll(async () => {
      const fund = await openFund('送温暖资金');
      await post(officer, `/api/aid/funds/${fund.id}/income`, { source: 'other', amountFen: 10_000_000, receivedOn: todayInBeijing(), reference: 'r' }, 201);
      programmeId = (await post(admin, '/api/aid/programmes', { kind: 'festival_visits', name: '两节送温暖', fundId: fund.id, perBeneficiaryCapFen: 500_000 }, 201)).id;
      otherProgrammeId = (await post(admin, '/api/aid/programmes', { kind: 'special_hardship', name: '特困救助', fundId: fund.id, perBeneficiaryCapFen: 500_000 }, 201)).id;
      const [a, b] = await files.households(['孙八', '周九']);
      household = a!.id;
      const grant = async (beneficiary: object, amountFen: number, pay: boolean) => {
        const d = await post(officer, '/api/aid/disbursements', { fundId: fund.id, programmeId, beneficiary, amountFen, reason: '春节慰问' }, 201);
        await post(supervisor, `/api/aid/disbursements/${d.id}/approve`, {}, 200);
        if (pay) await post(officer, `/api/aid/disbursements/${d.id}/pay`, { method: 'cash', reference: 'W-1', paidOn: todayInBeijing() }, 200);
        return d.id as string;
      };
      paidId = await grant(a!, 50_000, true);
      approvedId = await grant(a!, 30_000, false);
      othersId = await grant(b!, 50_000, true);
    });

    it('a made-up programme or disbursement is 422 naming the field (the tester’s request), in Chinese and English', async () => {
      const tester = await visit({ programmeId: 'prog-nonexistent', moneyFen: 99_999_999, disbursementId: 'd-bogus' }).expect(422);
      expect(tester.body).toMatchObject({ code: 'PROGRAMME_NOT_FOUND', title: '帮扶项目 prog-nonexistent 不存在，请填写资金账户中的帮扶项目。', details: { field: 'programmeId' } });
      const bogus = await visit({ programmeId, moneyFen: 10_000, disbursementId: 'd-bogus' }).set('Accept-Language', 'en').expect(422);
      expect(bogus.body).toMatchObject({ code: 'DISBURSEMENT_NOT_FOUND', title: 'No disbursement d-bogus was requested from the aid fund.', details: { field: 'disbursementId' } });
      expect((await visit({ disbursementId: randomUUID() }).expect(422)).body.code).toBe('DISBURSEMENT_NOT_FOUND');
    });

    it('a disbursement to someone else or under another programme is refused; money above what it paid is refused; the kernel’s ceiling holds without one', async () => {
      expect((await visit({ disbursementId: othersId, moneyFen: 10_000 }).expect(422)).body).toMatchObject({ code: 'DISBURSEMENT_NOT_FOR_VISITEE', details: { field: 'disbursementId' } });
      expect((await visit({ programmeId: otherProgrammeId, disbursementId: paidId }).expect(422)).body).toMatchObject({ code: 'DISBURSEMENT_OTHER_PROGRAMME', details: { field: 'programmeId' } });
      const above = await visit({ programmeId, disbursementId: paidId, moneyFen: 99_999_999 }).expect(422);
      expect(above.body).toMatchObject({ code: 'MONEY_ABOVE_DISBURSEMENT', details: { field: 'moneyFen', paidFen: 50_000 } });
      expect((await visit({ disbursementId: approvedId, moneyFen: 1 }).expect(422)).body.code).toBe('MONEY_ABOVE_DISBURSEMENT');
      const ceiling = await visit({ moneyFen: 100_000_000_001 }).expect(422);
      expect(ceiling.body).toMatchObject({ code: 'AMOUNT_INVALID', details: { field: 'moneyFen', reason: 'implausible' } });
    });

    it('the disbursement paid to the one visited: recorded, under its programme when none is named', async () => {
      const ok = await visit({ disbursementId: paidId.toUpperCase(), moneyFen: 50_000, goods: '米、面、油' }).expect(201);
      const page = (await officer.get(`/api/aid/care-visits/${ok.body.id}`).query({ minPosition: ok.body.position }).expect(200)).body;
      expect(page).toMatchObject({ moneyFen: 50_000, disbursementId: paidId, programmeId });
      await visit({ programmeId, disbursementId: paidId, moneyFen: 20_000 }).expect(201);
      await visit({ programmeId }).expect(201);
    });
  });

  it('a model worker’s title awarded before the worker was 16 (born 1985 by the ID number) is refused, 422 YEAR_INVALID naming yearAwarded', async () => {
    // The builder's ID numbers are of people born on 1985-06-15.
    const registered = await supervisor.post('/api/workers/bulk').send({ workers: [{ name: '李建国', idNumber: aResidentId(777, '110102'), phone: '13800138000' }] }).expect(200);
    expect(registered.body.refused).toBe(0);
    const workerId = registered.body.results[0].id as string;
    const early = await officer.post('/api/aid/model-workers').send({ workerId, title: '北京市劳动模范', level: 'municipal', yearAwarded: 1955 }).expect(422);
    expect(early.body).toMatchObject({ code: 'YEAR_INVALID', details: { field: 'yearAwarded', value: 1955, reason: 'before_working_age' } });
    expect(early.body.title).toBe('授予年份（1955年）早于该职工年满16周岁（按登记的身份证号码中的出生日期），请核对。');
    expect(JSON.stringify(early.body)).not.toContain('1985');
    await officer.post('/api/aid/model-workers').send({ workerId, title: '北京市劳动模范', level: 'municipal', yearAwarded: 2000 }).expect(422);
    await officer.post('/api/aid/model-workers').send({ workerId, title: '北京市劳动模范', level: 'municipal', yearAwarded: 2001 }).expect(201);
  });
});
