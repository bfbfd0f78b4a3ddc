import { setTimeout as sleep } from 'node:timers/promises';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { beneficiaryFiles, post, thisYearInBeijing, todayInBeijing } from './aid-fund-steps.js';
import { casePage, command } from './dispute-steps.js';
import { caseWithAgreement, ledgerOf } from './recovery-steps.js';

/** A page remembered as it was shown: at the position of the command before it, and at an instant read right after. */
interface Shown {
  step: string;
  position: string;
  instant: string;
  page: Record<string, unknown>;
}

/** An instant with Beijing's offset, as a person would write it. */
const beijing = (d: Date) => `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 23)}+08:00`;

/**
 * Acceptance (issue 13): "a fund's state as of a past moment equals what its page showed at
 * that moment". A fund's history recorded through HTTP step by step, its page read after each
 * step and remembered with the position and the instant; then, for each remembered moment, the
 * auditor's replay and the page asked with ?asOf= answer what the page showed then. The same
 * for a case and its wage-recovery ledger.
 */
describe('acceptance: a record as of a past moment is what its page showed then', () => {
  let t: TestApp;
  let officer: StaffAgent;
  let supervisor: StaffAgent;
  let admin: StaffAgent;
  let auditor: StaffAgent;
  let mediator: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await staffAs(t, 'fund_officer');
    supervisor = await staffAs(t, 'supervisor');
    admin = await staffAs(t, 'administrator');
    auditor = await staffAs(t, 'auditor');
    mediator = await staffAs(t, 'mediator');
  });
  afterAll(async () => {
    await t.close();
  });

  /** The instant just after a page was read; the next command comes a little later, so it is not within it. */
  const instantNow = async () => {
    const at = beijing(new Date());
    await sleep(15);
    return at;
  };
  const withoutReplay = (page: Record<string, unknown>) => {
    const { asOfReplay: _replay, ...rest } = page;
    return rest;
  };

  it('an aid fund: the page as of each moment (position or instant) and the auditor’s replay equal the page shown then', async () => {
    const year = thisYearInBeijing();
    const today = todayInBeijing();
    const range = { from: `${year}-01-01`, to: `${year}-12-31` };
    const shown: Shown[] = [];
    let fundId = '';
    const remember = async (step: string, answer: { position: string }) => {
      const page = (await supervisor.get(`/api/aid/funds/${fundId}`).query({ ...range, minPosition: answer.position }).expect(200)).body;
      shown.push({ step, position: answer.position, instant: await instantNow(), page });
    };

    const opened = await post(officer, '/api/aid/funds', { name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid' }, 201);
    fundId = opened.id;
    await remember('opened', opened);
    const income = (body: object) => post(officer, `/api/aid/funds/${fundId}/income`, { receivedOn: today, ...body }, 201);
    await remember('district allocation', await income({ source: 'district_allocation', amountFen: 15_000_000, reference: '顺工拨〔2026〕12号' }));
    await remember('donation', await income({ source: 'donation', amountFen: 4_000_000, reference: '捐赠', donor: { name: '仁和镇商会', receiptNumber: 'JZ-2026-0031' } }));
    const mistake = await income({ source: 'other', amountFen: 9_900_000, reference: '误录' });
    await remember('mistaken entry', mistake);
    await remember('reversed', await post(officer, `/api/aid/funds/${fundId}/income/${mistake.entryId}/corrections`, { reason: '重复录入，予以冲正' }, 201));

    const programme = await post(admin, '/api/aid/programmes', { kind: 'student_grants', name: '金秋助学', fundId, perBeneficiaryCapFen: 200_000 }, 201);
    const [first, second] = await beneficiaryFiles(supervisor, officer).studentsInHardship(['王小红', '李明']);
    const request = async (beneficiary: object, amountFen: number) => post(officer, '/api/aid/disbursements', { fundId, programmeId: programme.id, beneficiary, amountFen, reason: '困难职工子女金秋助学' }, 201);
    const a = await request(first, 150_000);
    await remember('first request', a);
    const b = await request(second, 100_000);
    await remember('second request', b);
    await remember('first approved', await post(supervisor, `/api/aid/disbursements/${a.id}/approve`, { note: '同意' }, 200));
    await remember('second approved', await post(supervisor, `/api/aid/disbursements/${b.id}/approve`, {}, 200));
    await remember('first paid', await post(officer, `/api/aid/disbursements/${a.id}/pay`, { method: 'bank_transfer', reference: '回单-1', paidOn: today }, 200));
    await remember('second cancelled', await post(officer, `/api/aid/disbursements/${b.id}/cancel`, { reason: '职工已另获救助' }, 200));

    // The history moved every figure at least once.
    const last = shown.at(-1)!.page;
    expect(last).toMatchObject({ incomeFen: 19_000_000, paidFen: 150_000, committedFen: 0, balanceFen: 18_850_000, availableFen: 18_850_000 });
    expect(new Set(shown.map((s) => s.page.availableFen)).size).toBeGreaterThan(5);

    for (const s of shown) {
      for (const asOf of [s.position, s.instant]) {
        const what = `${s.step} as of ${asOf}`;
        // The auditor's replay: the fund's own figures then, and its invariants re-checked.
        const audit = (await auditor.get(`/api/audit/funds/${fundId}`).query({ asOf }).expect(200)).body;
        const state = audit.state as { incomeFen: number; paidFen: number; committedFen: number; name: string };
        const balanceFen = state.incomeFen - state.paidFen;
        expect({ what, incomeFen: state.incomeFen, paidFen: state.paidFen, committedFen: state.committedFen, balanceFen, availableFen: balanceFen - state.committedFen, revision: Number(audit.lastEvent.revision), name: state.name }).toEqual({
          what,
          incomeFen: s.page.incomeFen,
          paidFen: s.page.paidFen,
          committedFen: s.page.committedFen,
          balanceFen: s.page.balanceFen,
          availableFen: s.page.availableFen,
          revision: s.page.revision,
          name: s.page.name,
        });
        expect([what, audit.allHeld, audit.chain.intact]).toEqual([what, true, true]);

        // The page itself as of then: everything it showed, entries and programme figures too.
        const then = (await supervisor.get(`/api/aid/funds/${fundId}`).query({ ...range, asOf }).expect(200)).body;
        expect({ what, ...withoutReplay(then) }).toEqual({ what, ...s.page });
        expect(then.asOfReplay).toMatchObject({ asOf, position: audit.lastEvent.position, revision: s.page.revision, allHeld: true, chain: { intact: true } });
        expect(then.asOfReplay.invariants.map((i: { code: string; held: boolean }) => [i.code, i.held])).toEqual([
          ['FUND_NEVER_BELOW_ZERO', true],
          ['FUND_NEVER_OVERCOMMITTED', true],
        ]);
      }
    }

    // Every reader of the fund may ask (its own roles), in English too; a bad moment is a 400 naming asOf; before the fund, 404.
    const en = (await auditor.get(`/api/aid/funds/${fundId}`).set('Accept-Language', 'en').query({ asOf: shown[2].position }).expect(200)).body;
    expect(en.asOfReplay.invariants[0].description).toMatch(/never below zero/);
    for (const bad of ['2026-03-01', 'yesterday', '12:x', '2026-02-30T10:00:00+08:00']) {
      const res = await supervisor.get(`/api/aid/funds/${fundId}`).query({ asOf: bad }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
    }
    await supervisor.get(`/api/aid/funds/${fundId}`).query({ asOf: '2020-01-01T00:00:00+08:00' }).expect(404);
    // Without asOf the page is the live one, with its revision as ETag; as of a moment it sends no revision (it is not for a command).
    const live = await supervisor.get(`/api/aid/funds/${fundId}`).query(range).expect(200);
    expect([live.headers.etag, live.body.asOfReplay]).toEqual([`"${last.revision}"`, undefined]);
    expect((await supervisor.get(`/api/aid/funds/${fundId}`).query({ asOf: shown[1].position }).expect(200)).headers.etag).not.toBe(`"${shown[1].page.revision}"`);
  });

  it('a case and its wage-recovery ledger: as of each moment, what their pages showed then', async () => {
    const { id, claimantIds, agreed } = await caseWithAgreement(mediator, [300_000, 200_000]);
    const cases: Shown[] = [];
    const ledgers: Shown[] = [];
    const remember = async (step: string, answer: { position: string }) => {
      const page = await casePage(mediator, id, answer.position);
      const ledger = (await ledgerOf(mediator, id, answer.position)) as unknown as Record<string, unknown>;
      const instant = await instantNow();
      cases.push({ step, position: answer.position, instant, page });
      ledgers.push({ step, position: answer.position, instant, page: ledger });
    };
    await remember('agreement', agreed);
    const today = todayInBeijing();
    const received = await command(mediator, id, 'recovery/receipts', { amountFen: 250_000, receivedOn: today, channel: 'bank_transfer', receiptNo: 'R-1' }, 201);
    await remember('first receipt', received);
    await remember('paid out', await command(mediator, id, 'recovery/payouts', { claimantId: claimantIds[0], amountFen: 150_000, paidOn: today, method: 'bank_transfer', reference: 'TR-1' }, 201));
    await remember('second receipt', await command(mediator, id, 'recovery/receipts', { amountFen: 250_000, receivedOn: today, channel: 'bank_transfer', receiptNo: 'R-2' }, 201));
    expect(ledgers.at(-1)!.page).toMatchObject({ status: 'recovering', totals: { receivedFen: 500_000, paidFen: 150_000 } });
    expect((cases.at(-1)!.page.recovery as { paidFen: number }).paidFen).toBe(150_000);

    for (const [i, s] of cases.entries()) {
      for (const asOf of [s.position, s.instant]) {
        const what = `${s.step} as of ${asOf}`;
        const page = (await mediator.get(`/api/disputes/${id}`).query({ asOf }).expect(200)).body;
        expect({ what, ...withoutReplay(page) }).toEqual({ what, ...s.page });
        expect(page.asOfReplay).toMatchObject({ asOf, revision: s.page.revision, allHeld: true, chain: { intact: true } });
        const ledger = (await mediator.get(`/api/disputes/${id}/recovery`).query({ asOf }).expect(200)).body;
        expect({ what, ...withoutReplay(ledger) }).toEqual({ what, ...ledgers[i].page });
        const audit = (await auditor.get(`/api/audit/recoveries/${id}`).query({ asOf }).expect(200)).body;
        if (ledgers[i].page.status !== 'not_started') {
          expect(ledger.asOfReplay).toMatchObject({ position: audit.lastEvent.position, revision: ledgers[i].page.revision, allHeld: true });
          expect(ledger.asOfReplay.invariants).toEqual([expect.objectContaining({ code: 'RECOVERY_LEDGER_BALANCED', held: true })]);
          const state = audit.state as { receivedFen: number };
          expect(state.receivedFen).toBe((ledgers[i].page.totals as { receivedFen: number }).receivedFen);
        }
      }
    }

    // The ledger keeps its day-asOf (ageing as of a day, the ledger now); the page's own roles still apply.
    const byDay = (await mediator.get(`/api/disputes/${id}/recovery`).query({ asOf: '2030-01-01' }).expect(200)).body;
    expect([byDay.asOf, byDay.asOfReplay, byDay.totals.receivedFen]).toEqual(['2030-01-01', undefined, 500_000]);
    await officer.get(`/api/disputes/${id}/recovery`).query({ asOf: cases[1].position }).expect(403);
    await mediator.get(`/api/audit/recoveries/${id}`).query({ asOf: cases[1].position }).expect(403);
    for (const path of [`/api/disputes/${id}`, `/api/disputes/${id}/recovery`]) {
      const res = await mediator.get(path).query({ asOf: 'not a moment' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);
    }
  });
});
