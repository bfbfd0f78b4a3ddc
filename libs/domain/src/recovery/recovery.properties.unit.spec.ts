import fc from 'fast-check';
import { DomainError } from '../shared/domain-error.js';
import type { Actor } from '../shared/messages.js';
import { ledgerProblems, recoveryDecider, type RecoveryCaseFacts, type RecoveryCommand } from './recovery.decide.js';
import { recoveryTotals, type RecoveryEvent, type RecoveryLedger, type RecoveryState } from './recovery.events.js';

// Random sequences of commands against random agreements: whatever is accepted or refused,
// the ledger balances after every decision, and the same input always gives the same split.

const NOW = '2026-06-30T02:00:00.000Z';
const mediator: Actor = { staffId: 'm-1', role: 'mediator' };
const supervisors: Actor[] = [{ staffId: 's-1', role: 'supervisor' }, { staffId: 's-2', role: 'supervisor' }];

const owedAmounts = fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 }).filter((a) => a.some((x) => x > 0));

function factsFor(owed: number[], version: number): RecoveryCaseFacts {
  return {
    caseId: 'case-p',
    status: 'accepted',
    receivedAt: '2026-05-20',
    mediatorId: mediator.staffId,
    claimants: owed.map((_, i) => ({ claimantId: `c-${i}`, workerId: null, name: `职工${i}` })),
    agreement: {
      agreementId: `a-${version}`,
      amounts: owed.map((amountFen, i) => ({ claimantId: `c-${i}`, amountFen })),
      ...(version > 0 ? { amends: { agreementId: `a-${version - 1}`, reason: '协议变更' } } : {}),
    },
  };
}

type Step =
  | { kind: 'receipt'; amount: number | 'rest'; explicit: boolean; seed: number }
  | { kind: 'payout'; worker: number; amount: number | 'all' }
  | { kind: 'hold'; worker: number; amount: number | null }
  | { kind: 'writeOff'; worker: number; amount: number | null }
  | { kind: 'decideWriteOff'; approve: boolean; by: number }
  | { kind: 'plan'; parts: number }
  | { kind: 'amend'; raise: number[] }
  /** An amendment recorded on the case, followed on the ledger at once (FollowAgreement): amounts up or down. */
  | { kind: 'follow'; change: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receipt' as const), amount: fc.oneof(fc.integer({ min: -5, max: 3_000_000 }), fc.constant('rest' as const)), explicit: fc.boolean(), seed: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('payout' as const), worker: fc.nat(15), amount: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constant('all' as const)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('hold' as const), worker: fc.nat(15), amount: fc.option(fc.integer({ min: 1, max: 1_000_000 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('writeOff' as const), worker: fc.nat(15), amount: fc.option(fc.integer({ min: 1, max: 1_000_000 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decideWriteOff' as const), approve: fc.boolean(), by: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('plan' as const), parts: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('amend' as const), raise: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 12, maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('follow' as const), change: fc.array(fc.integer({ min: -400_000, max: 100_000 }), { minLength: 12, maxLength: 12 }) }) },
);

/** What each worker is owed under the agreement a `follow` step amends to (never below one fen). */
const followed = (s: { change: number[] }, owed: number[]) => owed.map((o, i) => Math.max(1, o + (s.change[i] ?? 0)));

interface World {
  state: RecoveryState;
  owed: number[];
  version: number;
  n: number;
  events: RecoveryEvent[];
}

function commandFor(s: Step, w: World): RecoveryCommand {
  const ledger = w.state.status === 'not_started' ? null : w.state;
  const id = `${s.kind}-${w.n}`;
  const claimantId = (i: number) => `c-${i % w.owed.length}`;
  const base = { caseId: 'case-p', case: factsFor(w.owed, w.version) };
  const ctx = { actor: mediator, now: NOW };
  switch (s.kind) {
    case 'receipt': {
      const amount = s.amount === 'rest' ? (ledger ? recoveryTotals(ledger).outstandingFen : w.owed.reduce((a, b) => a + b, 0)) : s.amount;
      if (!s.explicit || !ledger) {
        return { type: 'RecordReceipt', ctx, data: { ...base, receiptId: id, amountFen: amount, receivedOn: '2026-06-01', channel: 'bank_transfer', receiptNo: id } };
      }
      // An explicit split of the amount over the workers in turn, each up to what they still have outstanding.
      let left = amount;
      const allocations = ledger.workers.map((worker, i) => {
        const fen = Math.max(0, Math.min(worker.outstandingFen, left, (s.seed >> i) & 1 ? left : Math.floor(left / 2)));
        left -= fen;
        return { claimantId: worker.claimantId, amountFen: fen };
      });
      return { type: 'RecordReceipt', ctx, data: { ...base, receiptId: id, amountFen: amount, receivedOn: '2026-06-01', channel: 'cash', receiptNo: id, allocations } };
    }
    case 'payout': {
      const worker = ledger?.workers.find((x) => x.claimantId === claimantId(s.worker));
      const amount = s.amount === 'all' ? (worker ? worker.heldFen + worker.allocatedUnpaidFen : 0) : s.amount;
      return { type: 'RecordPayout', ctx, data: { ...base, payoutId: id, claimantId: claimantId(s.worker), amountFen: amount, paidOn: '2026-06-02', method: 'bank_transfer', reference: id } };
    }
    case 'hold':
      return { type: 'HoldMoney', ctx, data: { ...base, holdId: id, claimantId: claimantId(s.worker), ...(s.amount === null ? {} : { amountFen: s.amount }), heldOn: '2026-06-03', reason: '联系不上' } };
    case 'writeOff':
      return { type: 'RequestWriteOff', ctx, data: { ...base, writeOffId: id, claimantId: claimantId(s.worker), ...(s.amount === null ? {} : { amountFen: s.amount }), reason: '企业破产' } };
    case 'decideWriteOff': {
      const pending = ledger?.writeOffs.find((o) => o.decision.status === 'pending');
      const writeOffId = pending?.writeOffId ?? 'none';
      const actor = supervisors[s.by]!;
      return s.approve
        ? { type: 'ApproveWriteOff', ctx: { actor, now: NOW }, data: { ...base, writeOffId } }
        : { type: 'RejectWriteOff', ctx: { actor, now: NOW }, data: { ...base, writeOffId, reason: '仍可追回' } };
    }
    case 'plan': {
      const total = w.owed.reduce((a, b) => a + b, 0);
      const each = Math.floor(total / s.parts);
      const instalments = Array.from({ length: s.parts }, (_, i) => ({ dueOn: `2026-${String(7 + i).padStart(2, '0')}-01`, amountFen: i === s.parts - 1 ? total - each * (s.parts - 1) : each }));
      return { type: 'SetPaymentPlan', ctx, data: { ...base, instalments, reason: '调整' } };
    }
    case 'follow':
      return { type: 'FollowAgreement', ctx, data: { caseId: 'case-p', case: factsFor(followed(s, w.owed), w.version + 1) } };
    case 'amend': {
      // The application hands in the amended agreement; the command itself is any other.
      const owed = w.owed.map((o, i) => o + (s.raise[i] ?? 0));
      return { type: 'RecordPayout', ctx, data: { ...base, case: factsFor(owed, w.version + 1), payoutId: id, claimantId: 'c-0', amountFen: 1, paidOn: '2026-06-02', method: 'cash', reference: id } };
    }
  }
}

/** The invariants, computed afresh from the events alone (not from the decider's own bookkeeping). */
function checkFromEvents(events: RecoveryEvent[]): void {
  const owed = new Map<string, number>();
  const allocated = new Map<string, number>();
  const paid = new Map<string, number>();
  const writtenOff = new Map<string, number>();
  let received = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const e of events) {
    if (e.type === 'RecoveryOpened' || e.type === 'OwedRebased') {
      for (const w of e.type === 'RecoveryOpened' ? e.data.workers : e.data.owed) owed.set(w.claimantId, w.owedFen);
    }
    if (e.type === 'ReceiptRecorded') {
      received += e.data.amountFen;
      expect(e.data.allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(e.data.amountFen);
      for (const a of e.data.allocations) add(allocated, a.claimantId, a.amountFen);
    }
    if (e.type === 'PayoutRecorded') add(paid, e.data.claimantId, e.data.amountFen);
    if (e.type === 'WriteOffApproved') add(writtenOff, e.data.claimantId, e.data.amountFen);
  }
  let allocatedTotal = 0;
  for (const [claimantId, o] of owed) {
    const a = allocated.get(claimantId) ?? 0;
    allocatedTotal += a;
    expect(paid.get(claimantId) ?? 0).toBeLessThanOrEqual(a); // nobody paid above what was allocated to them
    expect(a + (writtenOff.get(claimantId) ?? 0)).toBeLessThanOrEqual(o); // nothing allocated or written off twice
  }
  expect(allocatedTotal).toBe(received); // every fen received is allocated exactly once
}

const refusals = new Map<string, number>();

function run(owed: number[], steps: Step[]): World {
  const w: World = { state: recoveryDecider.initialState(), owed, version: 0, n: 0, events: [] };
  for (const s of steps) {
    w.n++;
    const command = commandFor(s, w);
    let events: RecoveryEvent[];
    try {
      events = recoveryDecider.decide(command, w.state);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // A rule may refuse a random command; the balance check itself must never be what refuses it.
      expect(e.code).not.toBe('LEDGER_WOULD_NOT_BALANCE');
      refusals.set(e.code, (refusals.get(e.code) ?? 0) + 1);
      continue;
    }
    if (s.kind === 'amend' && events.some((e) => e.type === 'OwedRebased')) {
      w.version++;
      w.owed = w.owed.map((o, i) => o + (s.raise[i] ?? 0)); // the amounts the command was given
    }
    if (s.kind === 'follow' && events.some((e) => e.type === 'OwedRebased')) {
      w.version++;
      w.owed = followed(s, w.owed);
    }
    w.state = events.reduce(recoveryDecider.evolve, w.state);
    w.events.push(...events);
    if (w.state.status !== 'not_started') {
      expect(ledgerProblems(w.state)).toEqual([]);
      const t = recoveryTotals(w.state);
      expect(t.receivedFen).toBe(t.paidFen + t.heldFen + t.allocatedUnpaidFen);
      expect(t.owedFen).toBe(t.paidFen + t.heldFen + t.allocatedUnpaidFen + t.outstandingFen + t.writtenOffFen);
      for (const x of w.state.workers) {
        for (const v of [x.owedFen, x.paidFen, x.heldFen, x.allocatedUnpaidFen, x.outstandingFen, x.writtenOffFen]) expect(v).toBeGreaterThanOrEqual(0);
      }
      // Complete exactly when every worker was paid or written off.
      const settled = w.state.workers.every((x) => x.paidFen + x.writtenOffFen === x.owedFen);
      if (w.state.status === 'complete') expect(settled).toBe(true);
    }
    checkFromEvents(w.events);
  }
  return w;
}

describe('recovery ledger properties', () => {
  it('balances after every decision of any sequence of commands', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(owedAmounts, fc.array(step, { maxLength: 60, size: 'max' }), (owed, steps) => {
        for (const e of run(owed, steps).events) seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
      }),
      { numRuns: 150 },
    );
    // The sequences reach every kind of event, so the balance was checked after each of them.
    const types = ['RecoveryOpened', 'OwedRebased', 'PaymentPlanSet', 'PaymentPlanAmended', 'ReceiptRecorded', 'PayoutRecorded', 'MoneyHeld', 'WriteOffRequested', 'WriteOffApproved', 'WriteOffRejected', 'RecoveryCompleted'];
    expect(types.filter((type) => !seen.has(type))).toEqual([]);
  });

  it('splits a receipt the same way every time: in whole fen, adding up, within a fen of the exact share', () => {
    fc.assert(
      fc.property(owedAmounts, fc.array(step, { maxLength: 20, size: 'max' }), fc.integer({ min: 1, max: 10_000_000 }), (owed, steps, amount) => {
        const w = run(owed, steps);
        if (w.state.status === 'not_started') return;
        const ledger: RecoveryLedger = w.state;
        const outstanding = recoveryTotals(ledger).outstandingFen;
        if (outstanding === 0) return;
        const amountFen = Math.min(amount, outstanding);
        const command: RecoveryCommand = {
          type: 'RecordReceipt',
          ctx: { actor: mediator, now: NOW },
          data: { caseId: 'case-p', case: factsFor(w.owed, w.version), receiptId: 'r-x', amountFen, receivedOn: '2026-06-01', channel: 'other', receiptNo: 'r-x' },
        };
        const once = recoveryDecider.decide(command, ledger);
        const again = recoveryDecider.decide(structuredClone(command), structuredClone(ledger));
        expect(again).toEqual(once);
        const recorded = once.find((e) => e.type === 'ReceiptRecorded')!;
        expect(recorded.type).toBe('ReceiptRecorded');
        if (recorded.type !== 'ReceiptRecorded') return;
        expect(recorded.data.allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(amountFen);
        for (const a of recorded.data.allocations) {
          const worker = ledger.workers.find((x) => x.claimantId === a.claimantId)!;
          expect(Number.isInteger(a.amountFen)).toBe(true);
          expect(a.amountFen).toBeLessThanOrEqual(worker.outstandingFen);
          const exact = (amountFen * worker.outstandingFen) / outstanding;
          expect(Math.abs(a.amountFen - exact)).toBeLessThan(1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
