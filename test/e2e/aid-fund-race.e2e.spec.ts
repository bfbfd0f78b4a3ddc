import { aidFundDecider, aidFundStreamName, availableFen, balanceFen, type AidFund, type AidFundEvent, type AidFundState } from '#domain';
import { comparePositions, StreamContended } from '#event-store';
import { randomUUID } from 'node:crypto';
import { aidFunds } from '../../apps/api/src/aid/shared/aid.aggregates.js';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { beneficiaryFiles, post, todayInBeijing } from './aid-fund-steps.js';
// After the app (test-app): #commands and #auth import each other's modules in that order.
import { CommandMeta, Commands } from '#commands';

describe('aid fund: approvals racing for the same money (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: StaffAgent;
  let supervisor: StaffAgent;
  let admin: StaffAgent;
  let files: ReturnType<typeof beneficiaryFiles>;

  beforeAll(async () => {
    t = await startTestApp();
    [officer, supervisor, admin] = [await staffAs(t, 'fund_officer'), await staffAs(t, 'supervisor'), await staffAs(t, 'administrator')];
    files = beneficiaryFiles(supervisor, officer);
  });
  afterAll(async () => {
    await t.close();
  });

  it('50 concurrent approvals on a fund that covers 10: exactly 10 succeed, 40 get FUND_WOULD_BE_OVERDRAWN, the fund never goes below zero', async () => {
    const fund = await post(officer, '/api/aid/funds', { name: '困难职工帮扶资金', kind: 'hardship_aid' }, 201);
    // 10 × 1,000 yuan available.
    await post(officer, `/api/aid/funds/${fund.id}/income`, { source: 'district_allocation', amountFen: 1_000_000, receivedOn: todayInBeijing(), reference: '顺工拨〔2026〕8号' }, 201);
    const programme = await post(admin, '/api/aid/programmes', { kind: 'student_grants', name: '金秋助学', fundId: fund.id, perBeneficiaryCapFen: 100_000 }, 201);
    const ids: string[] = [];
    const students = await files.studentsInHardship(Array.from({ length: 50 }, (_, i) => `学生${i + 1}`));
    for (const beneficiary of students) {
      ids.push((await post(officer, '/api/aid/disbursements', { fundId: fund.id, programmeId: programme.id, beneficiary, amountFen: 100_000, reason: '金秋助学' }, 201)).id);
    }

    const answers = await Promise.all(ids.map((id) => supervisor.post(`/api/aid/disbursements/${id}/approve`).set('Accept-Language', 'en').send({})));

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(40);
    for (const refused of answers.filter((a) => a.status === 422)) {
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('FUND_WOULD_BE_OVERDRAWN');
      expect(refused.body.detail).toContain('would overdraw the fund');
      expect(refused.body.messages.zh).toContain('将使资金透支');
      expect(refused.body.details).toEqual({ amountFen: 100_000, availableFen: 0 });
    }

    // The stream, replayed event by event: the money is never below zero at any revision.
    const rows = await t.sql<{ type: string; data: unknown }>(`SELECT type, data FROM es_events WHERE stream_name = $1 ORDER BY stream_revision`, [aidFundStreamName(fund.id)]);
    let state: AidFundState = aidFundDecider.initialState();
    for (const row of rows) {
      state = aidFundDecider.evolve(state, { type: row.type, data: row.data } as AidFundEvent);
      expect(balanceFen(state as AidFund)).toBeGreaterThanOrEqual(0);
      expect(availableFen(state as AidFund)).toBeGreaterThanOrEqual(0);
    }
    expect(rows.filter((r) => r.type === 'DisbursementApproved')).toHaveLength(10);

    const lastPosition = answers.filter((a) => a.status === 200).map((a) => a.body.position as string).sort(comparePositions).at(-1)!;
    const page = (await supervisor.get(`/api/aid/funds/${fund.id}`).query({ minPosition: lastPosition }).expect(200)).body;
    expect({ balance: page.balanceFen, committed: page.committedFen, available: page.availableFen }).toEqual({ balance: 1_000_000, committed: 1_000_000, available: 0 });
    const queue = (await supervisor.get('/api/aid/disbursements').query({ status: 'awaiting_approval', fundId: fund.id, pageSize: 100 }).expect(200)).body;
    expect(queue.total).toBe(40);

    // The auditor's replay of the fund as of that moment (from events, not the read model) says what the page said, and that its money rules held.
    const auditor = await staffAs(t, 'auditor');
    const asOf = (await auditor.get(`/api/audit/funds/${fund.id}`).query({ asOf: lastPosition }).expect(200)).body;
    expect({ income: asOf.state.incomeFen - asOf.state.paidFen, committed: asOf.state.committedFen }).toEqual({ income: page.balanceFen, committed: page.committedFen });
    expect(asOf.state.disbursements).toHaveLength(50);
    expect(asOf.invariants.map((i: { code: string; held: boolean }) => [i.code, i.held])).toEqual([
      ['FUND_NEVER_BELOW_ZERO', true],
      ['FUND_NEVER_OVERCOMMITTED', true],
    ]);
    expect(asOf.allHeld).toBe(true);
  });

  it('without the in-process queue (as API processes on several machines would race): the expected revision alone lets exactly 10 through', async () => {
    const fund = await post(officer, '/api/aid/funds', { name: '医疗互助资金', kind: 'medical_mutual_aid' }, 201);
    await post(officer, `/api/aid/funds/${fund.id}/income`, { source: 'member_contributions', amountFen: 1_000_000, receivedOn: todayInBeijing(), reference: '会员互助金' }, 201);
    const programme = await post(admin, '/api/aid/programmes', { kind: 'medical_mutual_aid', name: '住院医疗互助', fundId: fund.id, perBeneficiaryCapFen: 100_000 }, 201);
    const ids: string[] = [];
    const households = await files.households(Array.from({ length: 50 }, (_, i) => `职工${i + 1}`));
    for (const beneficiary of households) {
      ids.push((await post(officer, '/api/aid/disbursements', { fundId: fund.id, programmeId: programme.id, beneficiary, amountFen: 100_000, reason: '住院' }, 201)).id);
    }
    const commands = t.app.get(Commands);
    const meta = () => new CommandMeta({ actor: { staffId: supervisor.staffId, role: 'supervisor' }, correlationId: randomUUID(), causationId: randomUUID() });
    // A command that found the record too busy for its time bound (StreamContended, a 409
    // RECORD_BUSY over HTTP) recorded nothing: the client sends it again, as a clerk would.
    // On a loaded machine a few of 50 racing approvals can take that long.
    let busy = 0;
    const approve = async (disbursementId: string) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await commands.execute(aidFunds, { type: 'ApproveDisbursement', data: { fundId: fund.id, disbursementId } }, meta());
        } catch (error) {
          if (!(error instanceof StreamContended) || attempt === 10) throw error;
          busy += 1;
        }
      }
    };
    const outcomes = await Promise.allSettled(ids.map(approve));
    expect(busy).toBeLessThan(50);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    const codes = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []));
    expect(codes).toEqual(Array(40).fill('FUND_WOULD_BE_OVERDRAWN'));
    const rows = await t.sql<{ type: string; data: unknown }>(`SELECT type, data FROM es_events WHERE stream_name = $1 ORDER BY stream_revision`, [aidFundStreamName(fund.id)]);
    let state: AidFundState = aidFundDecider.initialState();
    for (const row of rows) {
      state = aidFundDecider.evolve(state, { type: row.type, data: row.data } as AidFundEvent);
      expect(availableFen(state as AidFund)).toBeGreaterThanOrEqual(0);
    }
    expect(balanceFen(state as AidFund)).toBe(1_000_000);
    expect(availableFen(state as AidFund)).toBe(0);
  });
});
