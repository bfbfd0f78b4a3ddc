import type { StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';
import { casePage, command } from './dispute-steps.js';

export interface Parts {
  owedFen: number;
  paidFen: number;
  heldFen: number;
  allocatedUnpaidFen: number;
  outstandingFen: number;
  writtenOffFen: number;
}
export interface LedgerWorker extends Parts {
  receivedFen: number;
  claimantId: string;
  name: string;
  payouts: { payoutId: string; amountFen: number; fromHeldFen: number }[];
}
export interface Ledger {
  status: string;
  revision: number;
  agreementFulfilledAllowed: boolean;
  totals: Parts & { receivedFen: number };
  workers: LedgerWorker[];
  plan: { number: number; dueOn: string; amountFen: number; coveredFen: number; status: string; statusLabel: string }[];
  receipts: { receiptId: string; amountFen: number; allocations: { claimantId: string; amountFen: number }[] }[];
  held: { claimantId: string; remainingFen: number; age: string; days: number }[];
  history: { type: string; description: string }[];
}

/** GET .../recovery once the read model has caught up with `position`. */
export async function ledgerOf(as: StaffAgent, caseId: string, position?: string, query: Record<string, string> = {}, lang = 'zh-CN'): Promise<Ledger> {
  const res = await as.get(`/api/disputes/${caseId}/recovery`).set('Accept-Language', lang).query({ ...(position ? { minPosition: position } : {}), ...query });
  if (res.status !== 200) throw new Error(`GET recovery: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Ledger;
}

/** The invariants as a reader checks them on the answer: every worker and the case add up, and the case is the sum of its workers. */
export function addsUp(ledger: Ledger): string[] {
  const wrong: string[] = [];
  const parts = (p: Parts) => p.paidFen + p.heldFen + p.allocatedUnpaidFen + p.outstandingFen + p.writtenOffFen;
  for (const w of ledger.workers) {
    if (w.owedFen !== parts(w)) wrong.push(`${w.name}: owed ${w.owedFen} ≠ ${parts(w)}`);
    if (w.receivedFen !== w.paidFen + w.heldFen + w.allocatedUnpaidFen) wrong.push(`${w.name}: received ≠ paid + held + allocated-unpaid`);
    for (const [k, v] of Object.entries(w)) if (typeof v === 'number' && v < 0) wrong.push(`${w.name}: ${k} ${v}`);
    if (w.payouts.reduce((s, p) => s + p.amountFen, 0) !== w.paidFen) wrong.push(`${w.name}: payouts ≠ paid`);
  }
  const t = ledger.totals;
  if (t.owedFen !== parts(t)) wrong.push(`case: owed ${t.owedFen} ≠ ${parts(t)}`);
  if (t.receivedFen !== t.paidFen + t.heldFen + t.allocatedUnpaidFen) wrong.push(`case: received ${t.receivedFen} ≠ paid + held + allocated-unpaid`);
  if (t.receivedFen !== ledger.receipts.reduce((s, r) => s + r.amountFen, 0)) wrong.push('case: received ≠ receipts');
  for (const key of ['owedFen', 'paidFen', 'heldFen', 'allocatedUnpaidFen', 'outstandingFen', 'writtenOffFen'] as const) {
    const sum = ledger.workers.reduce((s, w) => s + w[key], 0);
    if (sum !== t[key]) wrong.push(`case ${key} ${t[key]} ≠ workers' ${sum}`);
  }
  return wrong;
}

/** A wage case with an agreement: `amounts[i]` fen for the i-th of `amounts.length` claimants. Answers ids. */
export async function caseWithAgreement(mediator: StaffAgent, amounts: number[], paymentDates: string[] = ['2026-04-30'], overrides: Record<string, unknown> = {}) {
  const opened = await mediator.post('/api/disputes').send(aGroupWageDispute(overrides, amounts.length)).expect(201);
  const id: string = opened.body.id;
  const page = await casePage(mediator, id, opened.body.position);
  const claimantIds: string[] = page.claimants.map((c: { claimantId: string }) => c.claimantId);
  await command(mediator, id, 'accept', undefined, 200);
  const agreed = await command(mediator, id, 'agreement', { amounts: claimantIds.map((claimantId, i) => ({ claimantId, amountFen: amounts[i] })), terms: '用人单位分期支付全部欠薪', paymentDates }, 201);
  return { id, claimantIds, agreed };
}

/** What the largest-remainder method gives, computed here on its own (BigInt), to check the server's split. */
export function largestRemainder(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  const floors = weights.map((w) => (BigInt(total) * BigInt(w)) / sum);
  const rems = weights.map((w, i) => ({ i, r: (BigInt(total) * BigInt(w)) % sum }));
  let left = BigInt(total) - floors.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors.map(Number);
}
