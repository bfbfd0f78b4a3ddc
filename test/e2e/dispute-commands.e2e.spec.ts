import { randomUUID } from 'node:crypto';
import { MAX_AMOUNT_FEN } from '#domain';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { acceptedCase, casePage, command, fieldsOf, openCase, todayInBeijing } from './dispute-steps.js';
import { aWorker } from './party-builders.js';

const LONG_NOTE = '工人反映：公司以资金周转困难为由拖欠工资，承诺春节前结清但未兑现。'.repeat(300).slice(0, 10_000);
const TOO_LARGE = Number.MAX_SAFE_INTEGER + 1;

describe('dispute case commands: /api/disputes/:id/...', () => {
  let t: TestApp;
  let mediator: StaffAgent;
  let otherMediator: StaffAgent;
  let supervisor: StaffAgent;
  let auditor: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
    otherMediator = await staffAs(t, 'mediator');
    supervisor = await staffAs(t, 'supervisor');
    auditor = await staffAs(t, 'auditor');
  });
  afterAll(async () => {
    await t.close();
  });

  const eventCount = async () => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`))[0].n);

  describe('claimants', () => {
    it('adds claimants and answers their ids, the new revision and the ETag', async () => {
      const c = await openCase(mediator);
      const res = await mediator.post(`/api/disputes/${c.id}/claimants`).send({ claimants: [{ name: '刘志强' }, { name: '陈桂兰' }] }).expect(201);
      expect(res.body).toEqual({ id: c.id, revision: 1, position: expect.any(String), claimantIds: [expect.any(String), expect.any(String)] });
      expect(res.headers.etag).toBe('"1"');
      const page = await casePage(mediator, c.id, res.body.position);
      expect(page.claimants.slice(3)).toEqual([
        { claimantId: res.body.claimantIds[0], workerId: null, name: '刘志强', claims: [] },
        { claimantId: res.body.claimantIds[1], workerId: null, name: '陈桂兰', claims: [] },
      ]);
    });

    it('takes a list of 1,000 registered workers in one request', async () => {
      const c = await openCase(mediator, {}, 1);
      // Claimants naming workers name registered ones, by their registered names (case-parties.ts).
      const people = Array.from({ length: 1000 }, (_, i) => aWorker(i, { name: `农民工${i + 1}` }));
      const registered = await mediator.post('/api/workers/bulk').send({ workers: people }).expect(200);
      expect(registered.body.registered).toBe(1000);
      const claimants = (registered.body.results as { id: string }[]).map((r, i) => ({ name: `农民工${i + 1}`, workerId: r.id }));
      const res = await command(mediator, c.id, 'claimants', { claimants }, 201);
      expect(res.claimantIds).toHaveLength(1000);
      const page = await casePage(mediator, c.id, res.position);
      expect(page.claimants).toHaveLength(1001);
      expect(page.claimants[1000]).toMatchObject({ name: '农民工1000', workerId: claimants[999].workerId });
      const rows = await t.sql(`SELECT 1 FROM dispute_claimants WHERE case_id = $1`, [c.id]);
      expect(rows).toHaveLength(1001);
    });

    it('refuses an empty list, a missing name, a wrong type and the same worker twice', async () => {
      const c = await openCase(mediator);
      expect(fieldsOf(await command(mediator, c.id, 'claimants', { claimants: [] }, 400))).toEqual(['claimants']);
      expect(fieldsOf(await command(mediator, c.id, 'claimants', {}, 400))).toEqual(['claimants']);
      expect(fieldsOf(await command(mediator, c.id, 'claimants', { claimants: [{ name: '甲' }, { workerId: 'w' }] }, 400))).toEqual(['claimants[1].name', 'claimants[1].workerId']);
      expect(fieldsOf(await command(mediator, c.id, 'claimants', { claimants: '张三' }, 400))).toEqual(['claimants']);
      const workerId = randomUUID();
      const twice = await command(mediator, c.id, 'claimants', { claimants: [{ name: '甲', workerId }, { name: '甲', workerId }] }, 422);
      expect(twice.code).toBe('CLAIMANT_ALREADY_ADDED');
    });
  });

  describe('claims', () => {
    it('records a claim in fen, up to the ceiling of an entered amount, with a 10,000-character note unchanged', async () => {
      const c = await openCase(mediator);
      const res = await command(mediator, c.id, 'claims', { claimantId: c.claimantIds[0], kind: 'unpaid_wages', amountFen: 1_250_000, note: LONG_NOTE }, 201);
      expect(res).toEqual({ id: c.id, revision: 1, position: expect.any(String) });
      const max = await command(mediator, c.id, 'claims', { claimantId: c.claimantIds[1], kind: 'overtime', amountFen: MAX_AMOUNT_FEN }, 201);
      // One fen more is a typing slip: 422 naming the field and the limit.
      const over = await command(mediator, c.id, 'claims', { claimantId: c.claimantIds[1], kind: 'overtime', amountFen: MAX_AMOUNT_FEN + 1 }, 422);
      expect(over).toMatchObject({ code: 'AMOUNT_INVALID', details: { reason: 'implausible', limit: MAX_AMOUNT_FEN } });
      const page = await casePage(mediator, c.id, max.position);
      expect(page.claimants[0].claims).toEqual([{ kind: 'unpaid_wages', amountFen: 1_250_000, note: LONG_NOTE }]);
      expect(page.claimants[1].claims).toEqual([{ kind: 'overtime', amountFen: MAX_AMOUNT_FEN }]);
    });

    it('refuses negative, fractional, too-large and non-number amounts at the door, and records nothing', async () => {
      const c = await openCase(mediator);
      const before = await eventCount();
      for (const amountFen of [-1, 0.5, 1250.75, TOO_LARGE, 1e20, '1250000', null]) {
        const problem = await command(mediator, c.id, 'claims', { claimantId: c.claimantIds[0], kind: 'unpaid_wages', amountFen }, 400);
        expect(fieldsOf(problem)).toEqual(['amountFen']);
        // null is no amount at all: required, not a wrong number.
        expect(problem.errors[0].messages.join(' ')).toMatch(amountFen === null ? /^必须填写$/ : /以分计的整数金额/);
      }
      expect(await eventCount()).toBe(before);
    });

    it('refuses missing fields, an unknown kind and a claimant not on the case', async () => {
      const c = await openCase(mediator);
      expect(fieldsOf(await command(mediator, c.id, 'claims', {}, 400))).toEqual(['amountFen', 'claimantId', 'kind']);
      expect(fieldsOf(await command(mediator, c.id, 'claims', { claimantId: c.claimantIds[0], kind: 'bonus', amountFen: 1 }, 400))).toEqual(['kind']);
      const stranger = await command(mediator, c.id, 'claims', { claimantId: 'nobody', kind: 'other', amountFen: 1 }, 422);
      expect(stranger.code).toBe('CLAIMANT_NOT_FOUND');
    });
  });

  describe('accept, decline', () => {
    it('accepts once; accepting again records nothing; a stale If-Match answers 409', async () => {
      const c = await openCase(mediator);
      const accepted = await mediator.post(`/api/disputes/${c.id}/accept`).set('If-Match', '"0"').expect(200);
      expect(accepted.body).toMatchObject({ id: c.id, revision: 1 });
      const again = await command(mediator, c.id, 'accept', undefined, 200);
      expect(again.revision).toBe(1);
      const stale = await mediator.post(`/api/disputes/${c.id}/accept`).set('If-Match', '"0"').expect(409);
      expect(stale.body).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', currentRevision: '1' });
      await mediator.post(`/api/disputes/${c.id}/accept`).set('If-Match', 'soon').expect(400);
      expect((await casePage(mediator, c.id, accepted.body.position)).status).toBe('accepted');
      const decline = await command(mediator, c.id, 'decline', { reason: '已受理' }, 422);
      expect(decline.code).toBe('INTAKE_ALREADY_DECIDED');
    });

    it('declines with a reason, which closes the case to everything but a reopening', async () => {
      const c = await openCase(mediator);
      expect(fieldsOf(await command(mediator, c.id, 'decline', {}, 400))).toEqual(['reason']);
      expect(fieldsOf(await command(mediator, c.id, 'decline', { reason: 42 }, 400))).toEqual(['reason']);
      const declined = await command(mediator, c.id, 'decline', { reason: '不属于劳动争议，已告知申请人向法院起诉' }, 200);
      const page = await casePage(mediator, c.id, declined.position);
      expect(page).toMatchObject({ status: 'closed', intake: { decision: 'declined', reason: '不属于劳动争议，已告知申请人向法院起诉' } });
      expect((await command(mediator, c.id, 'accept', undefined, 422)).code).toBe('CASE_CLOSED');
    });
  });

  describe('assign', () => {
    it('lets a supervisor reassign a case to an active mediator, and nobody else', async () => {
      const c = await openCase(mediator);
      expect((await command(mediator, c.id, 'assign', { mediatorId: otherMediator.staffId }, 422)).code).toBe('SUPERVISOR_ONLY');
      expect(fieldsOf(await command(supervisor, c.id, 'assign', {}, 400))).toEqual(['mediatorId']);
      const unknown = await command(supervisor, c.id, 'assign', { mediatorId: 'someone-else' }, 422);
      expect(unknown).toMatchObject({ code: 'MEDIATOR_NOT_FOUND', details: { mediatorId: 'someone-else' } });
      expect((await command(supervisor, c.id, 'assign', { mediatorId: auditor.staffId }, 422)).code).toBe('MEDIATOR_NOT_FOUND');
      const assigned = await command(supervisor, c.id, 'assign', { mediatorId: otherMediator.staffId }, 200);
      expect((await casePage(supervisor, c.id, assigned.position)).mediatorId).toBe(otherMediator.staffId);
    });
  });

  describe('referrals and their answers', () => {
    it('refers to an agency, answers the referral id, and records the answer once', async () => {
      const c = await openCase(mediator);
      const referred = await command(mediator, c.id, 'referrals', { agency: 'social_security', agencyName: '顺义区社保中心', note: LONG_NOTE }, 201);
      expect(referred).toEqual({ id: c.id, revision: 1, position: expect.any(String), referralId: expect.any(String) });
      const answer = { answer: '经核查，公司欠缴三个月社保，已责令补缴。', answeredAt: `${todayInBeijing()}T00:10:00+08:00` };
      const answered = await command(mediator, c.id, `referrals/${referred.referralId}/answer`, answer, 200);
      const page = await casePage(mediator, c.id, answered.position);
      expect(page.referrals).toEqual([
        expect.objectContaining({ referralId: referred.referralId, agency: 'social_security', agencyName: '顺义区社保中心', note: LONG_NOTE, answer: { text: answer.answer, answeredAt: answer.answeredAt } }),
      ]);
      expect((await command(mediator, c.id, `referrals/${referred.referralId}/answer`, answer, 422)).code).toBe('REFERRAL_ALREADY_ANSWERED');
      expect((await command(mediator, c.id, `referrals/${randomUUID()}/answer`, answer, 422)).code).toBe('REFERRAL_NOT_FOUND');
    });

    it('refuses an unknown agency, a malformed referral id, a missing answer and a bad date', async () => {
      const c = await openCase(mediator);
      expect(fieldsOf(await command(mediator, c.id, 'referrals', { agency: 'police' }, 400))).toEqual(['agency']);
      expect(fieldsOf(await command(mediator, c.id, 'referrals', {}, 400))).toEqual(['agency']);
      const { referralId } = await command(mediator, c.id, 'referrals', { agency: 'womens_federation' }, 201);
      await command(mediator, c.id, 'referrals/not-a-uuid/answer', { answer: '好', answeredAt: '2026-03-05' }, 400);
      expect(fieldsOf(await command(mediator, c.id, `referrals/${referralId}/answer`, { answeredAt: 'yesterday' }, 400))).toEqual(['answer', 'answeredAt']);
      const offsetless = await command(mediator, c.id, `referrals/${referralId}/answer`, { answer: '好', answeredAt: '2026-03-05T10:00:00' }, 400);
      expect(fieldsOf(offsetless)).toEqual(['answeredAt']);
    });
  });

  describe('sessions and follow-ups', () => {
    it('records numbered sessions with Chinese attendees and a 10,000-character summary unchanged', async () => {
      const c = await openCase(mediator);
      const first = await command(mediator, c.id, 'sessions', { heldAt: '2026-03-06T09:30:00+08:00', place: '仁和镇总工会调解室', attendees: ['张三', '公司代表李经理'], summary: LONG_NOTE }, 201);
      expect(first).toEqual({ id: c.id, revision: 1, position: expect.any(String), sessionId: expect.any(String) });
      const second = await command(mediator, c.id, 'sessions', { heldAt: '2026-03-09', summary: '电话调解' }, 201);
      const page = await casePage(mediator, c.id, second.position);
      expect(page.sessions).toEqual([
        { sessionId: first.sessionId, number: 1, heldAt: '2026-03-06T09:30:00+08:00', place: '仁和镇总工会调解室', attendees: ['张三', '公司代表李经理'], summary: LONG_NOTE },
        { sessionId: second.sessionId, number: 2, heldAt: '2026-03-09', place: '', attendees: [], summary: '电话调解' },
      ]);
    });

    it('refuses a session without a date or summary, with attendees of the wrong type or a summary over 20,000 characters', async () => {
      const c = await openCase(mediator);
      expect(fieldsOf(await command(mediator, c.id, 'sessions', {}, 400))).toEqual(['heldAt', 'summary']);
      expect(fieldsOf(await command(mediator, c.id, 'sessions', { heldAt: '2026-03-06', summary: 'x', attendees: '张三' }, 400))).toEqual(['attendees']);
      expect(fieldsOf(await command(mediator, c.id, 'sessions', { heldAt: '2026-03-06', summary: 'x', attendees: [1] }, 400))).toEqual(['attendees']);
      expect(fieldsOf(await command(mediator, c.id, 'sessions', { heldAt: '2026-03-06', summary: '长'.repeat(20_001) }, 400))).toEqual(['summary']);
    });

    it('records a follow-up with its method and result; refuses a bad method or a missing result', async () => {
      const c = await openCase(mediator);
      const res = await command(mediator, c.id, 'follow-ups', { at: '2026-03-20', method: 'phone', result: LONG_NOTE }, 201);
      expect(res.followUpId).toEqual(expect.any(String));
      const page = await casePage(mediator, c.id, res.position);
      expect(page.followUps).toEqual([{ followUpId: res.followUpId, at: '2026-03-20', method: 'phone', result: LONG_NOTE }]);
      expect(fieldsOf(await command(mediator, c.id, 'follow-ups', { at: '2026-03-20', method: 'pigeon', result: 'x' }, 400))).toEqual(['method']);
      expect(fieldsOf(await command(mediator, c.id, 'follow-ups', { at: '2026-03-20' }, 400))).toEqual(['result']);
    });

    it('records a session once when the same Idempotency-Key is sent twice', async () => {
      const c = await openCase(mediator);
      const body = { heldAt: '2026-03-06', summary: '第一次调解' };
      const one = await mediator.post(`/api/disputes/${c.id}/sessions`).set('Idempotency-Key', 'session-1').send(body).expect(201);
      const two = await mediator.post(`/api/disputes/${c.id}/sessions`).set('Idempotency-Key', 'session-1').send(body).expect(201);
      expect(two.body).toEqual(one.body);
      expect(two.headers['idempotent-replayed']).toBe('true');
      const rows = await t.sql(`SELECT 1 FROM es_events WHERE stream_name = $1 AND type = 'MediationSessionRecorded'`, [`dispute-${c.id}`]);
      expect(rows).toHaveLength(1);
    });
  });

  describe('agreement, outcome, reopen', () => {
    const amountsFor = (ids: string[], fen = 500_000) => ids.map((claimantId) => ({ claimantId, amountFen: fen }));
    const agreement = (amounts: object[]) => ({ amounts, terms: '公司于2026年4月10日前分两期支付', paymentDates: ['2026-03-31', '2026-04-10'] });

    it('records an agreement with an amount for every claimant; then no claimant can be added', async () => {
      const c = await acceptedCase(mediator);
      const res = await command(mediator, c.id, 'agreement', agreement(amountsFor(c.claimantIds)), 201);
      expect(res.agreementId).toEqual(expect.any(String));
      const page = await casePage(mediator, c.id, res.position);
      expect(page.agreement).toMatchObject({ agreementId: res.agreementId, totalFen: 1_500_000, paymentDates: ['2026-03-31', '2026-04-10'] });
      expect((await command(mediator, c.id, 'claimants', { claimants: [{ name: '迟到的人' }] }, 422)).code).toBe('CLAIMANTS_LOCKED_BY_AGREEMENT');
    });

    it('takes an agreement over 1,000 claimants', async () => {
      const c = await acceptedCase(mediator, {}, 1000);
      const res = await command(mediator, c.id, 'agreement', agreement(amountsFor(c.claimantIds, 243_200)), 201);
      expect((await casePage(mediator, c.id, res.position)).agreement.totalFen).toBe(243_200_000);
    });

    it('refuses an agreement missing a claimant’s amount (422, naming them) and bad amounts or dates (400)', async () => {
      const c = await acceptedCase(mediator);
      const missing = await mediator.post(`/api/disputes/${c.id}/agreement`).set('Accept-Language', 'en').send(agreement(amountsFor(c.claimantIds.slice(1)))).expect(422);
      expect(missing.body).toMatchObject({ code: 'AGREEMENT_AMOUNT_MISSING', details: { claimantIds: [c.claimantIds[0]] } });
      expect(missing.body.title).toContain('工人1号');
      for (const amountFen of [-100, 99.5, TOO_LARGE, '500000']) {
        const problem = await command(mediator, c.id, 'agreement', agreement([{ claimantId: c.claimantIds[0], amountFen }]), 400);
        expect(fieldsOf(problem)).toEqual(['amounts[0].amountFen']);
      }
      const badDate = await command(mediator, c.id, 'agreement', { ...agreement(amountsFor(c.claimantIds)), paymentDates: ['next month'] }, 400);
      expect(fieldsOf(badDate)).toEqual(['paymentDates']);
      expect(fieldsOf(await command(mediator, c.id, 'agreement', {}, 400))).toEqual(['amounts', 'paymentDates', 'terms']);
      // Each amount is safe, but their sum is not: refused by the case, not silently rounded.
      const huge = c.claimantIds.map((claimantId) => ({ claimantId, amountFen: Number.MAX_SAFE_INTEGER }));
      expect((await command(mediator, c.id, 'agreement', agreement(huge), 422)).code).toBe('AMOUNT_INVALID');
    });

    it('closes with an outcome (a reason where one is due), and only a supervisor reopens', async () => {
      const c = await openCase(mediator);
      expect(fieldsOf(await command(mediator, c.id, 'outcome', { outcome: 'settled' }, 400))).toEqual(['outcome']);
      expect((await command(mediator, c.id, 'outcome', { outcome: 'withdrawn' }, 422)).code).toBe('OUTCOME_REASON_REQUIRED');
      expect((await command(mediator, c.id, 'outcome', { outcome: 'agreement_fulfilled' }, 422)).code).toBe('AGREEMENT_NOT_REACHED');
      const closed = await command(mediator, c.id, 'outcome', { outcome: 'withdrawn', reason: '申请人已与公司自行和解' }, 200);
      expect((await casePage(mediator, c.id, closed.position)).status).toBe('closed');
      expect((await command(mediator, c.id, 'sessions', { heldAt: '2026-03-06', summary: 'x' }, 422)).code).toBe('CASE_CLOSED');
      expect((await command(mediator, c.id, 'reopen', { reason: '申请人反悔' }, 422)).code).toBe('SUPERVISOR_ONLY');
      expect(fieldsOf(await command(supervisor, c.id, 'reopen', {}, 400))).toEqual(['reason']);
      const reopened = await command(supervisor, c.id, 'reopen', { reason: '和解协议未履行，申请人要求继续调解' }, 200);
      expect((await casePage(mediator, c.id, reopened.position)).status).toBe('open');
      expect((await command(supervisor, c.id, 'reopen', { reason: '再次' }, 422)).code).toBe('CASE_NOT_CLOSED');
    });
  });

  describe('who may change a case', () => {
    it('refuses another mediator (422), an auditor (403) and anyone not logged in (401)', async () => {
      const c = await openCase(mediator);
      const notMine = await command(otherMediator, c.id, 'sessions', { heldAt: '2026-03-06', summary: 'x' }, 422);
      expect(notMine.code).toBe('NOT_ASSIGNED_MEDIATOR');
      await auditor.post(`/api/disputes/${c.id}/accept`).expect(403);
      await t.http().post(`/api/disputes/${c.id}/accept`).expect(401);
      // A supervisor may change any case.
      await command(supervisor, c.id, 'follow-ups', { at: '2026-03-20', result: '主管电话回访' }, 201);
    });

    it('answers 404 CASE_NOT_FOUND for a case never opened, 400 for a malformed case id', async () => {
      expect((await command(mediator, randomUUID(), 'accept', undefined, 404)).code).toBe('CASE_NOT_FOUND');
      await command(mediator, 'case-1', 'accept', undefined, 400);
    });

    it('lists every command in the OpenAPI document', async () => {
      const docs = await t.http().get('/docs-json').expect(200);
      const paths = ['claimants', 'claims', 'accept', 'decline', 'assign', 'referrals', 'referrals/{referralId}/answer', 'sessions', 'follow-ups', 'agreement', 'outcome', 'reopen'];
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(paths.map((p) => `/api/disputes/{id}/${p}`)));
      expect(docs.body.paths['/api/disputes/{id}/claims'].post.requestBody).toBeDefined();
    });
  });
});
