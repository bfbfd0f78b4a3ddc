import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addsUp, caseWithAgreement, largestRemainder, ledgerOf, type Ledger } from './recovery-steps.js';

const WORKERS = 50;
const TOTAL = 92_250_000; // 922,500.00 yuan
/** Uneven amounts (the split is then not trivially even), adding up to 922,500.00 yuan. */
function agreedAmounts(): number[] {
  const amounts = Array.from({ length: WORKERS }, (_, i) => 1_600_000 + i * 10_000 + (i % 7) * 13);
  amounts[WORKERS - 1]! += TOTAL - amounts.reduce((a, b) => a + b, 0);
  return amounts;
}

/** Issue 10's acceptance, through the HTTP API as a new user would call it. */
describe('acceptance: a 50-worker case from the agreement to the last fen paid', () => {
  let t: TestApp;
  let mediator: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('plan of three instalments, three receipts allocated pro rata, 48 paid and 2 held then paid; "agreement fulfilled" only at the end; it adds up at every step', async () => {
    const amounts = agreedAmounts();
    const { id, claimantIds, agreed } = await caseWithAgreement(mediator, amounts, ['2026-04-30', '2026-05-31', '2026-06-30']);
    const path = (p: string) => `/api/disputes/${id}/recovery/${p}`;
    let etag: string | undefined;
    let ledger: Ledger;
    const post = async (p: string, body: object, status: number, extra: Record<string, string> = {}) => {
      const req = mediator.post(path(p));
      if (etag) req.set('If-Match', etag);
      for (const [k, v] of Object.entries(extra)) req.set(k, v);
      const res = await req.send(body);
      if (res.status !== status) throw new Error(`POST ${p}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
      if (res.headers.etag) etag = res.headers.etag;
      return res;
    };
    const check = async (position: string, asOf?: string) => {
      ledger = await ledgerOf(mediator, id, position, asOf ? { asOf } : {});
      expect(addsUp(ledger)).toEqual([]);
      return ledger;
    };
    const fulfilled = () => mediator.post(`/api/disputes/${id}/outcome`).send({ outcome: 'agreement_fulfilled' });

    // Before any money: the ledger shows what the agreement says.
    const before = await ledgerOf(mediator, id, agreed.position);
    expect(before).toMatchObject({ status: 'not_started', totals: { owedFen: TOTAL, outstandingFen: TOTAL, receivedFen: 0 } });

    const plan = await post('plan', { instalments: [{ dueOn: '2026-04-30', amountFen: 30_000_000 }, { dueOn: '2026-05-31', amountFen: 30_000_000 }, { dueOn: '2026-06-30', amountFen: 32_250_000 }] }, 200);
    await check(plan.body.position, '2026-04-01');
    expect(ledger!.plan.map((i) => i.status)).toEqual(['due', 'due', 'due']);

    // First receipt: 300,000.00 yuan, pro rata to the fen.
    const first = await post('receipts', { amountFen: 30_000_000, receivedOn: '2026-04-28', channel: 'bank_transfer', receiptNo: 'HD-001' }, 201);
    await check(first.body.position, '2026-05-01');
    const expected = largestRemainder(30_000_000, amounts);
    expect(ledger!.receipts[0]!.allocations).toEqual(claimantIds.map((claimantId, i) => ({ claimantId, amountFen: expected[i] })));
    expect(ledger!.totals).toMatchObject({ receivedFen: 30_000_000, allocatedUnpaidFen: 30_000_000, outstandingFen: TOTAL - 30_000_000 });
    expect(ledger!.plan.map((i) => i.status)).toEqual(['paid', 'due', 'due']);

    // 48 workers paid; the same payout sent twice with one Idempotency-Key pays once.
    const [w0, ...others] = ledger!.workers;
    const once = { claimantId: w0!.claimantId, amountFen: w0!.allocatedUnpaidFen, paidOn: '2026-04-29', method: 'bank_transfer', reference: 'TR-0001' };
    const a = await post('payouts', once, 201, { 'Idempotency-Key': 'payout-w0-first' });
    const b = await post('payouts', once, 201, { 'Idempotency-Key': 'payout-w0-first' });
    expect(b.body).toEqual(a.body);
    await check(b.body.position);
    expect(ledger!.workers[0]!.payouts).toHaveLength(1);
    expect(ledger!.workers[0]!.paidFen).toBe(once.amountFen);

    // A payout above what is allocated is refused, in both languages.
    const above = { claimantId: others[0]!.claimantId, amountFen: others[0]!.allocatedUnpaidFen + 1, paidOn: '2026-04-29', method: 'cash', reference: '签收单-2' };
    const zh = await mediator.post(path('payouts')).send(above).expect(422);
    expect(zh.body.code).toBe('PAYOUT_ABOVE_ALLOCATED');
    expect(zh.body.title).toContain('最多可发放');
    const en = await mediator.post(path('payouts')).set('Accept-Language', 'en').send(above).expect(422);
    expect(en.body.title).toContain('can be paid at most');

    for (const [i, w] of others.slice(0, 47).entries()) {
      await post('payouts', { claimantId: w.claimantId, amountFen: w.allocatedUnpaidFen, paidOn: '2026-04-29', method: 'bank_transfer', reference: `TR-${i + 2}` }, 201);
    }
    // Two cannot be reached: their money is held.
    const unreachable = others.slice(47);
    expect(unreachable).toHaveLength(2);
    let last = first;
    for (const w of unreachable) last = await post('holds', { claimantId: w.claimantId, heldOn: '2026-04-30', reason: '电话停机，多次联系不上' }, 201);
    await check(last.body.position, '2026-06-01');
    const heldFen = unreachable.reduce((s, w) => s + w.allocatedUnpaidFen, 0);
    expect(ledger!.totals).toMatchObject({ paidFen: 30_000_000 - heldFen, heldFen, allocatedUnpaidFen: 0 });
    expect(ledger!.held.map((h) => h.age)).toEqual(['30_days', '30_days']);
    expect(ledger!.plan.map((i) => i.status)).toEqual(['paid', 'late', 'due']);
    expect((await fulfilled().expect(422)).body.code).toBe('RECOVERY_NOT_COMPLETE');

    // The second and third receipts.
    const second = await post('receipts', { amountFen: 30_000_000, receivedOn: '2026-05-30', channel: 'court_enforcement', receiptNo: 'HD-002' }, 201);
    await check(second.body.position);
    const third = await post('receipts', { amountFen: 32_250_000, receivedOn: '2026-06-29', channel: 'wage_guarantee_fund', receiptNo: 'HD-003' }, 201);
    await check(third.body.position, '2026-07-01');
    expect(ledger!.totals).toMatchObject({ receivedFen: TOTAL, outstandingFen: 0 });
    expect(ledger!.plan.map((i) => i.status)).toEqual(['paid', 'paid', 'paid']);
    // A receipt above what is still owed is refused.
    expect((await mediator.post(path('receipts')).send({ amountFen: 1, receivedOn: '2026-06-29', channel: 'cash', receiptNo: 'HD-004' }).expect(422)).body.code).toBe('RECEIPT_ABOVE_OUTSTANDING');

    // Everyone is paid the rest; the two held workers' money is paid out later with it.
    const held = new Set(unreachable.map((w) => w.claimantId));
    const rest = ledger!.workers.filter((w) => !held.has(w.claimantId));
    for (const [i, w] of rest.entries()) {
      last = await post('payouts', { claimantId: w.claimantId, amountFen: w.allocatedUnpaidFen, paidOn: '2026-06-30', method: 'bank_transfer', reference: `TR-B${i}` }, 201);
    }
    const [h1, h2] = ledger!.workers.filter((w) => held.has(w.claimantId));
    last = await post('payouts', { claimantId: h1!.claimantId, amountFen: h1!.heldFen + h1!.allocatedUnpaidFen, paidOn: '2026-07-02', method: 'cash', reference: '签收单-H1' }, 201);
    await check(last.body.position);
    expect(ledger!.status).toBe('recovering');
    expect(ledger!.workers.find((w) => w.claimantId === h1!.claimantId)!.payouts.at(-1)!.fromHeldFen).toBe(h1!.heldFen);
    expect((await fulfilled().expect(422)).body.code).toBe('RECOVERY_NOT_COMPLETE');

    last = await post('payouts', { claimantId: h2!.claimantId, amountFen: h2!.heldFen + h2!.allocatedUnpaidFen, paidOn: '2026-07-02', method: 'cash', reference: '签收单-H2' }, 201);
    await check(last.body.position);
    expect(ledger!).toMatchObject({ status: 'complete', agreementFulfilledAllowed: true, totals: { owedFen: TOTAL, receivedFen: TOTAL, paidFen: TOTAL, heldFen: 0, allocatedUnpaidFen: 0, outstandingFen: 0 } });
    expect(ledger!.history.at(-1)!.description).toContain('追欠完成');

    // Only now: agreement fulfilled.
    const closed = await fulfilled().expect(200);
    const page = await mediator.get(`/api/disputes/${id}`).query({ minPosition: closed.body.position }).expect(200);
    expect(page.body).toMatchObject({ status: 'closed', outcome: 'agreement_fulfilled' });
  });
});
