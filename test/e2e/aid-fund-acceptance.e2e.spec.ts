import { comparePositions } from '#event-store';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { beneficiaryFiles, post, thisYearInBeijing, todayInBeijing } from './aid-fund-steps.js';

const STUDENTS = ['王小红', '李明', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴婷', '徐浩', '孙悦', '马超', '朱琳', '胡斌', '郭敏', '何畅', '高远', '林雪', '罗阳', '梁爽', '宋佳', '郑凯', '谢菲', '韩冰', '唐宁'];
/** 26 grants totalling 35,000 yuan: 9 of 1,000, 13 of 1,500, 4 of 1,625. */
const GRANTS_FEN = [...Array(9).fill(100_000), ...Array(13).fill(150_000), ...Array(4).fill(162_500)] as number[];

describe('acceptance: the hardship-aid fund through the API', () => {
  let t: TestApp;
  let officer: StaffAgent;
  let supervisor: StaffAgent;
  let admin: StaffAgent;
  let auditor: StaffAgent;
  let files: ReturnType<typeof beneficiaryFiles>;
  const positions: string[] = [];
  const latest = () => [...positions].sort(comparePositions).at(-1)!;
  const track = <T extends { position: string }>(answer: T) => (positions.push(answer.position), answer);

  beforeAll(async () => {
    t = await startTestApp();
    officer = await staffAs(t, 'fund_officer');
    supervisor = await staffAs(t, 'supervisor');
    admin = await staffAs(t, 'administrator');
    auditor = await staffAs(t, 'auditor');
    files = beneficiaryFiles(supervisor, officer);
  });
  afterAll(async () => {
    await t.close();
  });

  it('205,000 yuan from three sources, 26 student grants of 35,000 yuan approved by a supervisor; the fund page and the figures show exactly that', async () => {
    const today = todayInBeijing();
    const fund = track(await post(officer, '/api/aid/funds', { name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid' }, 201));
    const income = async (body: object): Promise<{ entryId: string; position: string }> => track(await post(officer, `/api/aid/funds/${fund.id}/income`, { receivedOn: today, ...body }, 201));
    await income({ source: 'district_allocation', amountFen: 15_000_000, reference: '顺工拨〔2026〕12号' });
    await income({ source: 'donation', amountFen: 4_000_000, reference: '捐赠', donor: { name: '仁和镇商会', receiptNumber: 'JZ-2026-0031' } });
    // A mistaken entry, reversed with a reason: it moves no money in the end.
    const mistake = await income({ source: 'other', amountFen: 9_900_000, reference: '误录' });
    track(await post(officer, `/api/aid/funds/${fund.id}/income/${mistake.entryId}/corrections`, { reason: '重复录入，予以冲正' }, 201));
    await income({ source: 'other', amountFen: 1_500_000, reference: '工会经费划拨' });
    // A donation without its donor is refused, in both languages.
    const noDonor = await officer.post(`/api/aid/funds/${fund.id}/income`).set('Accept-Language', 'en').send({ source: 'donation', amountFen: 100, receivedOn: today, reference: 'x' }).expect(422);
    expect(noDonor.body).toMatchObject({ code: 'DONOR_REQUIRED', messages: { zh: '登记社会捐赠须填写捐赠人名称和收据编号。' } });

    const grants = track(await post(admin, '/api/aid/programmes', { kind: 'student_grants', name: '金秋助学', fundId: fund.id, perBeneficiaryCapFen: 200_000 }, 201));
    const ids: string[] = [];
    const students = await files.studentsInHardship(STUDENTS);
    for (const [i, beneficiary] of students.entries()) {
      ids.push(track(await post(officer, '/api/aid/disbursements', { fundId: fund.id, programmeId: grants.id, beneficiary, amountFen: GRANTS_FEN[i], reason: '困难职工子女金秋助学' }, 201)).id);
    }

    // The fund officer cannot approve her own request: 422, in Chinese by default and in English.
    const own = await officer.post(`/api/aid/disbursements/${ids[0]}/approve`).send({}).expect(422);
    expect(own.headers['content-type']).toContain('application/problem+json');
    expect(own.body.code).toBe('APPROVER_IS_REQUESTER');
    expect(own.body.title).toBe('您是该笔发放的申请人，不能自行批准或驳回，须由另一位主管审批。');
    const ownEn = await officer.post(`/api/aid/disbursements/${ids[0]}/approve`).set('Accept-Language', 'en').send({}).expect(422);
    expect(ownEn.body.detail).toBe('You requested this disbursement, so you cannot approve or reject it: another supervisor must decide.');

    // The supervisor's approval queue holds the 26, oldest first; she approves each.
    const queue = (await supervisor.get('/api/aid/disbursements').query({ status: 'awaiting_approval', minPosition: latest(), pageSize: 100 }).expect(200)).body;
    expect(queue.items.map((d: { id: string }) => d.id)).toEqual(ids);
    for (const id of ids) track(await post(supervisor, `/api/aid/disbursements/${id}/approve`, { note: '同意' }, 200));
    // Three are paid at once.
    for (const id of ids.slice(0, 3)) track(await post(officer, `/api/aid/disbursements/${id}/pay`, { method: 'bank_transfer', reference: `回单-${id.slice(0, 8)}`, paidOn: today }, 200));

    const year = thisYearInBeijing();
    const page = (await auditor.get(`/api/aid/funds/${fund.id}`).query({ from: `${year}-01-01`, to: `${year}-12-31`, minPosition: latest() }).expect(200)).body;
    const paidFen = GRANTS_FEN.slice(0, 3).reduce((a, b) => a + b, 0);
    expect(page).toMatchObject({ incomeFen: 20_500_000, paidFen, committedFen: 3_500_000 - paidFen, balanceFen: 20_500_000 - paidFen, availableFen: 20_500_000 - 3_500_000 });
    expect(page.income.totalFen).toBe(20_500_000);
    expect(Object.fromEntries(page.income.bySource.map((s: { source: string; amountFen: number }) => [s.source, s.amountFen]))).toEqual({ district_allocation: 15_000_000, donation: 4_000_000, other: 1_500_000 });
    expect(page.disbursementsByProgramme).toEqual([
      { programmeId: grants.id, programmeName: '金秋助学', programmeKind: 'student_grants', requested: { count: 26, amountFen: 3_500_000 }, approved: { count: 26, amountFen: 3_500_000 }, paid: { count: 3, amountFen: paidFen } },
    ]);

    const stats = (await auditor.get('/api/aid/stats').query({ from: `${year}-01-01`, to: `${year}-12-31`, minPosition: latest() }).expect(200)).body;
    expect(stats.aidRaised.totalFen).toBe(20_500_000);
    expect(stats.studentGrants).toMatchObject({ students: 26, grants: 26, amountFen: 3_500_000 });
    expect(stats.aidPaid).toMatchObject({ totalFen: paidFen, byProgramme: [{ programmeId: grants.id, count: 3, amountFen: paidFen }] });
    expect(stats.studentGrants.definition).toContain('金秋助学');
    const statsEn = (await auditor.get('/api/aid/stats').set('Accept-Language', 'en').query({ from: `${year}-01-01`, to: `${year}-12-31` }).expect(200)).body;
    expect(statsEn.aidRaised.definition).toContain('by source');

    // The timelines speak both languages.
    const zh = (await auditor.get(`/api/aid/disbursements/${ids[0]}/timeline`).expect(200)).body.map((e: { description: string }) => e.description);
    expect(zh).toHaveLength(3);
    expect(zh[0]).toMatch(/申请向王小红发放1,000\.00元（金秋助学；事由：困难职工子女金秋助学）$/);
    expect(zh[1]).toMatch(/批准了发放1,000\.00元$/);
    const en = (await auditor.get(`/api/aid/funds/${fund.id}/timeline`).set('Accept-Language', 'en').expect(200)).body.map((e: { description: string }) => e.description);
    expect(en[0]).toMatch(/^Fund "仁和镇困难职工帮扶资金" \(hardship-aid fund\) opened by /);
    expect(en).toContainEqual(expect.stringMatching(/^Income of ¥99,000\.00 received \d{4}-\d{2}-\d{2} reversed by .* \(reason: 重复录入，予以冲正\)$/));
  });

  it("a second Workers' Home subsidy to the same unit in the same year is refused", async () => {
    const year = thisYearInBeijing();
    const fund = await post(officer, '/api/aid/funds', { name: '职工之家补贴资金', kind: 'hardship_aid' }, 201);
    await post(officer, `/api/aid/funds/${fund.id}/income`, { source: 'district_allocation', amountFen: 18_000_000, receivedOn: todayInBeijing(), reference: '职工之家补贴拨款' }, 201);
    const homes = await post(admin, '/api/aid/programmes', { kind: 'workers_home_subsidy', name: '职工之家补贴', fundId: fund.id, perBeneficiaryCapFen: 2_000_000 }, 201);
    const unit = await files.unitRatedWorkersHome('仁和镇宏达建材有限公司工会', [year]);
    const first = await post(officer, '/api/aid/disbursements', { fundId: fund.id, programmeId: homes.id, beneficiary: unit, amountFen: 2_000_000, reason: `${year}年度职工之家补贴` }, 201);
    await post(supervisor, `/api/aid/disbursements/${first.id}/approve`, {}, 200);
    const second = await officer.post('/api/aid/disbursements').send({ fundId: fund.id, programmeId: homes.id, beneficiary: unit, amountFen: 2_000_000, reason: '再次申请' }).expect(422);
    expect(second.body).toMatchObject({ code: 'WORKERS_HOME_SUBSIDY_ALREADY_GRANTED', details: { year, disbursementId: first.id } });
    expect(second.body.title).toContain('每年最多一次');
    const en = await officer.post('/api/aid/disbursements').set('Accept-Language', 'en').send({ fundId: fund.id, programmeId: homes.id, beneficiary: unit, amountFen: 2_000_000, reason: '再次申请' }).expect(422);
    expect(en.body.detail).toContain('at most once a year');
    // A unit not rated this year does not qualify at all.
    const unrated = await files.unitRatedWorkersHome('仁和镇某公司工会', [year - 1]);
    const refused = await officer.post('/api/aid/disbursements').send({ fundId: fund.id, programmeId: homes.id, beneficiary: unrated, amountFen: 2_000_000, reason: '申请' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'NOT_ELIGIBLE', details: { reason: 'not_rated_workers_home' } });
  });

  it('If-Match names the disbursement’s own revision; Idempotency-Key records a request once; unknown beneficiaries and roles are refused', async () => {
    const fund = await post(officer, '/api/aid/funds', { name: '帮扶资金', kind: 'hardship_aid' }, 201);
    await post(officer, `/api/aid/funds/${fund.id}/income`, { source: 'other', amountFen: 1_000_000, receivedOn: todayInBeijing(), reference: 'r' }, 201);
    const programme = await post(admin, '/api/aid/programmes', { kind: 'student_grants', name: '金秋助学', fundId: fund.id, perBeneficiaryCapFen: 500_000 }, 201);
    const [beneficiary, other] = await files.studentsInHardship(['李四', '王五']);
    const body = { fundId: fund.id, programmeId: programme.id, beneficiary, amountFen: 50_000, reason: '助学' };
    const once = await post(officer, '/api/aid/disbursements', body, 201, { 'Idempotency-Key': 'grant-li-si' });
    const twice = await post(officer, '/api/aid/disbursements', body, 201, { 'Idempotency-Key': 'grant-li-si' });
    expect(twice.id).toBe(once.id);
    const requested = await t.sql(`SELECT count(*)::int AS n FROM es_events WHERE type = 'DisbursementRequested' AND data->>'disbursementId' = $1`, [once.id]);
    expect(requested[0]).toEqual({ n: 1 });
    expect(once.revision).toBe(0);

    // Another disbursement approved in the same fund does not make this one's ETag stale.
    const second = await post(officer, '/api/aid/disbursements', { ...body, beneficiary: other }, 201);
    await post(supervisor, `/api/aid/disbursements/${second.id}/approve`, {}, 200);
    const stale = await supervisor.post(`/api/aid/disbursements/${once.id}/approve`).set('If-Match', '"3"').send({}).expect(409);
    expect(stale.body.code).toBe('WRONG_EXPECTED_REVISION');
    const approved = await post(supervisor, `/api/aid/disbursements/${once.id}/approve`, {}, 200, { 'If-Match': '"0"' });
    expect(approved).toMatchObject({ id: once.id, fundId: fund.id, status: 'approved', revision: 1 });
    const page = await supervisor.get(`/api/aid/disbursements/${once.id}`).query({ minPosition: approved.position }).expect(200);
    expect(page.headers.etag).toBe('"1"');
    expect(page.body).toMatchObject({ status: 'approved', approvedBy: supervisor.staffId, beneficiary: { kind: 'student', name: '李四' } });

    const unknown = await officer.post('/api/aid/disbursements').send({ ...body, beneficiary: { kind: 'student', id: '3f2a6c1e-8b1d-4c2e-9a7f-0e5d4b3c2a10' } }).expect(404);
    expect(unknown.body.code).toBe('BENEFICIARY_NOT_FOUND');
    await supervisor.post('/api/aid/disbursements').send(body).expect(403);
    await auditor.post(`/api/aid/disbursements/${once.id}/cancel`).send({ reason: 'x' }).expect(403);
    await officer.post(`/api/aid/disbursements/3f2a6c1e-8b1d-4c2e-9a7f-0e5d4b3c2a10/approve`).send({}).expect(404);
  });
});
