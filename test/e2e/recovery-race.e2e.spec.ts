import type { RecoveryEvent } from '#domain';
import { comparePositions } from '#event-store';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addsUp, caseWithAgreement, ledgerOf } from './recovery-steps.js';

const CLIENTS = 16;
const ROUNDS = 12;
const WORKERS = 20;

/** A deterministic pseudo-random sequence per client, so a failure can be replayed. */
function rng(seed: number) {
  let x = seed * 2654435761 || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return Math.abs(x) % n;
  };
}

/**
 * Receipts and payouts racing on one case: 16 clients over HTTP, some sending the same payout
 * twice at once with one Idempotency-Key. Whatever each is answered (201, 422 when the money is
 * not there yet, 409 when it lost the race too often), the ledger adds up, every fen received
 * is allocated exactly once, nobody is paid above what was allocated to them, and every
 * payout answered 201 was recorded exactly once.
 */
describe('recovery under concurrency', () => {
  let t: TestApp;
  let mediator: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('16 clients racing receipts and payouts never break an invariant nor allocate the same money twice', async () => {
    const amounts = Array.from({ length: WORKERS }, (_, i) => 500_000 + i * 1_001);
    const { id, claimantIds } = await caseWithAgreement(mediator, amounts);
    const path = (p: string) => `/api/disputes/${id}/recovery/${p}`;
    const accepted = { receipts: new Map<string, number>(), payouts: new Map<string, number>() };
    const statuses = new Map<number, number>();
    let latest = '';
    const note = (status: number, position?: string) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (position && (!latest || comparePositions(position, latest) > 0)) latest = position;
    };

    const client = async (c: number) => {
      const next = rng(c + 1);
      for (let round = 0; round < ROUNDS; round++) {
        if (next(3) === 0) {
          const res = await mediator.post(path('receipts')).send({ amountFen: 1 + next(400_000), receivedOn: '2026-04-01', channel: 'bank_transfer', receiptNo: `R-${c}-${round}` });
          note(res.status, res.body.position);
          if (res.status === 201) accepted.receipts.set(res.body.receiptId, 0);
        } else {
          const body = { claimantId: claimantIds[next(WORKERS)], amountFen: 1 + next(20_000), paidOn: '2026-04-02', method: 'bank_transfer', reference: `T-${c}-${round}` };
          const key = `race-${c}-${round}`;
          // One press in four is a double press: the same payout twice at once, one key.
          const presses = next(4) === 0 ? 2 : 1;
          const answers = await Promise.all(Array.from({ length: presses }, () => mediator.post(path('payouts')).set('Idempotency-Key', key).send(body)));
          for (const res of answers) {
            note(res.status, res.body.position);
            expect(res.status).toBeLessThan(500);
            if (res.status === 201) accepted.payouts.set(res.body.payoutId, body.amountFen);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    expect(statuses.get(201)).toBeGreaterThan(CLIENTS); // the race did move money
    expect([...statuses.keys()].every((s) => [201, 409, 422].includes(s))).toBe(true);

    // The stream itself: every event, in order.
    const rows = await t.sql<{ type: string; data: RecoveryEvent['data'] }>(`SELECT type, data FROM es_events WHERE stream_name = $1 ORDER BY stream_revision`, [`recovery-${id}`]);
    const events = rows.map((r) => ({ type: r.type, data: r.data }) as RecoveryEvent);
    const receipts = events.filter((e) => e.type === 'ReceiptRecorded');
    const payouts = events.filter((e) => e.type === 'PayoutRecorded');
    // Each payout answered 201 (once or twice for one key) was recorded exactly once, and nothing else was.
    expect(payouts.map((p) => p.data.payoutId).sort()).toEqual([...accepted.payouts.keys()].sort());
    expect(receipts.map((r) => r.data.receiptId).sort()).toEqual([...accepted.receipts.keys()].sort());
    const allocatedTo = new Map<string, number>();
    const paidTo = new Map<string, number>();
    let received = 0;
    for (const e of events) {
      if (e.type === 'ReceiptRecorded') {
        received += e.data.amountFen;
        expect(e.data.allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(e.data.amountFen);
        for (const a of e.data.allocations) allocatedTo.set(a.claimantId, (allocatedTo.get(a.claimantId) ?? 0) + a.amountFen);
      }
      if (e.type === 'PayoutRecorded') {
        paidTo.set(e.data.claimantId, (paidTo.get(e.data.claimantId) ?? 0) + e.data.amountFen);
        // At every point of the history, nobody has been paid above what was allocated to them.
        expect(paidTo.get(e.data.claimantId)!).toBeLessThanOrEqual(allocatedTo.get(e.data.claimantId) ?? 0);
      }
    }
    for (const [i, claimantId] of claimantIds.entries()) expect(allocatedTo.get(claimantId) ?? 0).toBeLessThanOrEqual(amounts[i]!);

    // And the ledger a clerk reads adds up to the same money.
    const ledger = await ledgerOf(mediator, id, latest);
    expect(addsUp(ledger)).toEqual([]);
    expect(ledger.totals.receivedFen).toBe(received);
    expect(ledger.totals.paidFen).toBe([...accepted.payouts.values()].reduce((a, b) => a + b, 0));
    expect(ledger.receipts).toHaveLength(receipts.length);
  });
});
