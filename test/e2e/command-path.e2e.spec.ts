import { WrongExpectedRevision, type EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { adminOf, staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aGroupWageDispute } from './builders.js';
import { casePage, command, openCase } from './dispute-steps.js';
import { aResidentId, anEmployer, aWorker, withWrongCheckDigit } from './party-builders.js';

/** The command path: idempotent retries across a crash, races without If-Match, bulk entry, honest errors. */
describe('one way in for every command', () => {
  let t: TestApp;
  let mediator: StaffAgent;
  let supervisor: StaffAgent;
  let auditor: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
    supervisor = await staffAs(t, 'supervisor');
    auditor = await staffAs(t, 'auditor');
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) x`, params))[0].n);
  /** What a crash between the append and storing the answer leaves behind: the key claimed, no answer. */
  const forgetAnswer = (key: string) => t.sql(`UPDATE idempotency_keys SET status_code = NULL, response_body = NULL, response_headers = NULL WHERE key LIKE $1`, [`%:${key}`]);

  describe('an Idempotency-Key retried after a crash between the append and the stored answer', () => {
    it('finds the first attempt’s claim instead of recording it again: the amount is not doubled', async () => {
      const c = await openCase(mediator);
      const claim = { claimantId: c.claimantIds[0], kind: 'unpaid_wages', amountFen: 1_250_000 };
      const first = await mediator.post(`/api/disputes/${c.id}/claims`).set('Idempotency-Key', 'crash-claim').send(claim).expect(201);
      await forgetAnswer('crash-claim');
      const started = Date.now();
      const retry = await mediator.post(`/api/disputes/${c.id}/claims`).set('Idempotency-Key', 'crash-claim').send(claim).expect(201);
      expect(Date.now() - started).toBeLessThan(10_000); // not 15 s and a 409, not 10 minutes and a second claim
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(await count(`SELECT 1 FROM es_events WHERE stream_name = $1 AND type = 'ClaimRecorded'`, [`dispute-${c.id}`])).toBe(1);
      const page = await casePage(mediator, c.id, retry.body.position);
      expect(page.claimants[0].claims).toEqual([{ kind: 'unpaid_wages', amountFen: 1_250_000 }]);
    });

    it('opens one case, not two, with the same case and claimant ids', async () => {
      const body = aGroupWageDispute({ title: '重试立案' }, 3);
      const first = await mediator.post('/api/disputes').set('Idempotency-Key', 'crash-open').send(body).expect(201);
      await forgetAnswer('crash-open');
      const retry = await mediator.post('/api/disputes').set('Idempotency-Key', 'crash-open').send(body).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.location).toBe(`/api/disputes/${first.body.id}`);
      expect(await count(`SELECT 1 FROM es_events WHERE type = 'DisputeCaseOpened' AND data->>'title' = '重试立案'`)).toBe(1);
    });

    it('registers one worker across the ID reservation and the worker’s own stream', async () => {
      const first = await mediator.post('/api/workers').set('Idempotency-Key', 'crash-worker').send(aWorker(301)).expect(201);
      await forgetAnswer('crash-worker');
      const retry = await mediator.post('/api/workers').set('Idempotency-Key', 'crash-worker').send(aWorker(301)).expect(201);
      expect(retry.body).toEqual(first.body);
      expect(await count(`SELECT 1 FROM es_events WHERE type IN ('WorkerRegistered', 'IdentityReserved', 'IdentityReleased') AND (stream_name = $1 OR data->>'holderId' = $2)`, [`worker-${first.body.id}`, first.body.id])).toBe(2);
    });

    it('records once when the retry comes while the first attempt is still running', async () => {
      const c = await openCase(mediator);
      const body = { heldAt: '2026-03-06', summary: '并发重试' };
      const send = () => mediator.post(`/api/disputes/${c.id}/sessions`).set('Idempotency-Key', 'twin-session').send(body);
      const [a, b] = await Promise.all([send(), send()]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.sessionId).toBe(a.body.sessionId);
      expect(await count(`SELECT 1 FROM es_events WHERE stream_name = $1 AND type = 'MediationSessionRecorded'`, [`dispute-${c.id}`])).toBe(1);
    });

    it('replays the stored answer byte for byte, keys in the order first sent', async () => {
      const c = await openCase(mediator);
      const body = { agency: 'social_security', note: '请核查社保' };
      const one = await mediator.post(`/api/disputes/${c.id}/referrals`).set('Idempotency-Key', 'bytes').send(body).expect(201);
      const two = await mediator.post(`/api/disputes/${c.id}/referrals`).set('Idempotency-Key', 'bytes').send(body).expect(201);
      expect(two.headers['idempotent-replayed']).toBe('true');
      expect(two.headers['content-type']).toMatch(/^application\/json/);
      expect(two.text).toBe(one.text);
      expect(Object.keys(JSON.parse(two.text))).toEqual(['id', 'revision', 'position', 'referralId']);
    });
  });

  it('records forty concurrent commands on one case without If-Match, each once, with no 409', async () => {
    const c = await openCase(mediator);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => mediator.post(`/api/disputes/${c.id}/sessions`).send({ heldAt: '2026-03-06', summary: `第${i + 1}次` })),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const last = results.map((r) => r.body).sort((a, b) => b.revision - a.revision)[0];
    expect(last.revision).toBe(40);
    const page = await casePage(mediator, c.id, last.position);
    expect(page.sessions.map((s: { number: number }) => s.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('answers 409 RECORD_BUSY, naming no revision, only when a case stays contended for the whole retry time', async () => {
    const c = await openCase(mediator);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const append = store.appendToStream.bind(store);
    // Every append to this case loses its race, as if others always got there first.
    store.appendToStream = (stream, events, options) =>
      stream === `dispute-${c.id}` ? Promise.reject(new WrongExpectedRevision(stream, options.expectedRevision, 99n)) : append(stream, events, options);
    try {
      const started = Date.now();
      const busy = await mediator.post(`/api/disputes/${c.id}/accept`).set('Accept-Language', 'en').expect(409);
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
      expect(busy.body).toMatchObject({ code: 'RECORD_BUSY', title: expect.stringMatching(/not recorded/) });
      expect(JSON.stringify(busy.body)).not.toMatch(/expected|revision 0/i);
    } finally {
      store.appendToStream = append;
    }
    await mediator.post(`/api/disputes/${c.id}/accept`).expect(200);
  });

  describe('opening a case for a mediator runs the same roster check as /assign', () => {
    it('refuses nobody, an auditor and a disabled mediator with 422 MEDIATOR_NOT_FOUND, and records nothing', async () => {
      const admin = await adminOf(t);
      const leaving = await staffAs(t, 'mediator');
      await admin.post(`/api/staff/${leaving.staffId}/disable`).send({ reason: '调离' }).expect((r) => expect(r.status).toBeLessThan(300));
      const before = await count(`SELECT 1 FROM es_events WHERE type = 'DisputeCaseOpened'`);
      for (const mediatorId of ['nobody', auditor.staffId, leaving.staffId]) {
        const res = await supervisor.post('/api/disputes').send(aGroupWageDispute({ mediatorId })).expect(422);
        expect(res.body).toMatchObject({ code: 'MEDIATOR_NOT_FOUND', details: { mediatorId } });
      }
      expect(await count(`SELECT 1 FROM es_events WHERE type = 'DisputeCaseOpened'`)).toBe(before);
      const opened = await supervisor.post('/api/disputes').send(aGroupWageDispute({ mediatorId: mediator.staffId })).expect(201);
      expect((await casePage(supervisor, opened.body.id, opened.body.position)).mediatorId).toBe(mediator.staffId);
    });
  });

  describe('data entry in bulk', () => {
    it('answers the opening of a case with each claimant’s id and name, and takes their claims in one request', async () => {
      const opened = await mediator.post('/api/disputes').send(aGroupWageDispute({}, 3)).expect(201);
      expect(opened.body.claimants.map((c: { name: string }) => c.name)).toEqual(['工人1号', '工人2号', '工人3号']);
      const claims = opened.body.claimants.map((c: { claimantId: string }, i: number) => ({ claimantId: c.claimantId, kind: 'unpaid_wages', amountFen: (i + 1) * 100_000 }));
      const res = await command(mediator, opened.body.id, 'claims/bulk', { claims }, 201);
      expect(res).toEqual({ id: opened.body.id, revision: 3, position: expect.any(String) });
      const page = await casePage(mediator, opened.body.id, res.position);
      expect(page.claimants.map((c: { claims: { amountFen: number }[] }) => c.claims.map((k) => k.amountFen))).toEqual([[100_000], [200_000], [300_000]]);
    });

    it('refuses a claims list naming someone not on the case, and records none of it', async () => {
      const c = await openCase(mediator);
      const claims = [
        { claimantId: c.claimantIds[0], kind: 'unpaid_wages', amountFen: 1 },
        { claimantId: 'not-on-the-case', kind: 'unpaid_wages', amountFen: 1 },
      ];
      const refused = await command(mediator, c.id, 'claims/bulk', { claims }, 422);
      expect(refused).toMatchObject({ code: 'CLAIMANT_NOT_FOUND', details: { claimantIds: ['not-on-the-case'] } });
      expect(await count(`SELECT 1 FROM es_events WHERE stream_name = $1 AND type = 'ClaimRecorded'`, [`dispute-${c.id}`])).toBe(0);
    });

    it('registers 1,000 workers in one request, a result per row, refused rows leaving nothing behind', async () => {
      // Numbers of their own (another district), so that no other test holds one.
      const bulk = (n: number, overrides: Record<string, unknown> = {}) => aWorker(n, { name: `批量职工${n}`, idNumber: aResidentId(n, '110102'), ...overrides });
      const workers = Array.from({ length: 1000 }, (_, i) => bulk(i));
      workers[10] = bulk(10, { idNumber: withWrongCheckDigit(aResidentId(10, '110102')) });
      workers[20] = bulk(21, { name: '重复的人' }); // the same number as row 21
      const res = await mediator.post('/api/workers/bulk').set('Idempotency-Key', 'bulk-1').send({ workers }).expect(200);
      expect(res.body.results).toHaveLength(1000);
      expect(res.body.results.map((r: { index: number }) => r.index)).toEqual(workers.map((_, i) => i));
      expect(res.body.results[10]).toMatchObject({ status: 422, code: 'RESIDENT_ID_INVALID', messages: { zh: expect.any(String), en: expect.any(String) } });
      const pair = [res.body.results[20], res.body.results[21]];
      expect(pair.map((r) => r.status).sort()).toEqual([201, 422]);
      const winner = pair.find((r) => r.status === 201);
      expect(pair.find((r) => r.status === 422)).toMatchObject({ code: 'WORKER_ALREADY_REGISTERED', details: { workerId: winner.id } });
      expect(res.body).toMatchObject({ registered: 998, refused: 2 });
      expect(await count(`SELECT 1 FROM es_events WHERE type = 'WorkerRegistered' AND data->>'name' LIKE '批量职工%'`)).toBe(997 + (winner === res.body.results[21] ? 1 : 0));
      // The refused row with a bad number reserved nothing: once corrected, it registers.
      await mediator.post('/api/workers').send(bulk(10)).expect(201);
      // The whole list sent again with its key registers nobody twice.
      const again = await mediator.post('/api/workers/bulk').set('Idempotency-Key', 'bulk-1').send({ workers }).expect(200);
      expect(again.text).toBe(res.text);
    });

    it('refuses an empty list, more than 1,000 rows and a malformed row with 400 naming it', async () => {
      await mediator.post('/api/workers/bulk').send({ workers: [] }).expect(400);
      await mediator.post('/api/workers/bulk').send({ workers: Array.from({ length: 1001 }, (_, i) => aWorker(i)) }).expect(400);
      const bad = await mediator.post('/api/workers/bulk').send({ workers: [aWorker(1), { name: '缺号码' }] }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['workers[1].idNumber']);
      await auditor.post('/api/workers/bulk').send({ workers: [aWorker(1)] }).expect(403);
    });
  });

  it('says truthfully what a failed request had recorded: the ID reservation and its release', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const append = store.appendToStream.bind(store);
    // The worker's own stream cannot be written (as when the disk fills between the two appends).
    store.appendToStream = (stream, events, options) => (stream.startsWith('worker-') ? Promise.reject(new Error('could not write')) : append(stream, events, options));
    try {
      const zh = await mediator.post('/api/workers').send(aWorker(701)).expect(500);
      expect(zh.body.detail).toContain('本次请求已登记 2 个事件');
      expect(zh.body.detail).not.toMatch(/未登记任何内容|nothing was recorded/);
      expect(zh.body.recorded.flatMap((r: { types: string[] }) => r.types)).toEqual(['IdentityReserved', 'IdentityReleased']);
      const en = await mediator.post('/api/workers').set('Accept-Language', 'en').send(aWorker(702)).expect(500);
      expect(en.body.detail).toMatch(/recorded 2 event\(s\): IdentityReserved, IdentityReleased/);
    } finally {
      store.appendToStream = append;
    }
    // Nothing half-done: the number is free again.
    await mediator.post('/api/workers').send(aWorker(701)).expect(201);
  });

  describe('phone numbers are masked as ID numbers are', () => {
    it('in full only to supervisors, administrators and the worker’s own mediator; masked in every list', async () => {
      const worker = await supervisor.post('/api/workers').send(aWorker(801, { phone: '13912345678' })).expect(201);
      // Named with the worker's ID number (proof of knowledge): a verified link, so the case's mediator sees the full numbers.
      const opened = await mediator.post('/api/disputes').send(aGroupWageDispute({ claimants: [{ name: '职工801号', workerId: worker.body.id, idNumber: aWorker(801).idNumber }] })).expect(201);
      const page = async (as: StaffAgent) => (await as.get(`/api/workers/${worker.body.id}`).query({ minPosition: opened.body.position }).expect(200)).body;
      expect((await page(supervisor)).phone).toBe('13912345678');
      expect((await page(mediator)).phone).toBe('13912345678');
      const other = await staffAs(t, 'mediator');
      for (const as of [auditor, other]) {
        const seen = await page(as);
        expect(seen).toMatchObject({ phone: '139****5678', phoneMasked: true });
        expect(JSON.stringify(seen)).not.toContain('13912345678');
      }
      const list = await supervisor.get('/api/workers').query({ q: '职工801号', minPosition: worker.body.position }).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: worker.body.id, phone: '139****5678' })]);
    });

    it('in an employer’s contact too: in full for supervisors and the mediators of its cases, masked for others and in lists', async () => {
      const employer = await supervisor.post('/api/employers').send(anEmployer(801, { name: '联系人测试公司', contact: '李经理 13900139000' })).expect(201);
      const opened = await mediator.post('/api/disputes').send(aGroupWageDispute({ respondent: { name: '联系人测试公司', employerId: employer.body.id } })).expect(201);
      const page = async (as: StaffAgent) => (await as.get(`/api/employers/${employer.body.id}`).query({ minPosition: opened.body.position }).expect(200)).body;
      expect(await page(supervisor)).toMatchObject({ contact: '李经理 13900139000', contactMasked: false });
      expect(await page(mediator)).toMatchObject({ contact: '李经理 13900139000', contactMasked: false });
      expect(await page(auditor)).toMatchObject({ contact: '李经理 139****9000', contactMasked: true });
      const list = await supervisor.get('/api/employers').query({ q: '联系人测试公司' }).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: employer.body.id, contact: '李经理 139****9000' })]);
    });
  });
});
