import { validateCreditCode, validateResidentId } from '#domain';
import { EVENT_STORE } from '#platform';
import type { EventStore } from '#event-store';
import { createHash, randomUUID } from 'node:crypto';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { aGroupWageDispute } from './builders.js';
import { aCreditCode, aResidentId, anEmployer, aWorker, withWrongCheckDigit } from './party-builders.js';

const MASKED = /^\d{6}\*{8}[\dX]{4}$/;

describe('workers and employers: one identity each, ID numbers masked', () => {
  let t: TestApp;
  let mediator: StaffAgent;
  let otherMediator: StaffAgent;
  let supervisor: StaffAgent;
  let auditor: StaffAgent;
  let administrator: StaffAgent;
  let fundOfficer: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
    otherMediator = await staffAs(t, 'mediator');
    supervisor = await staffAs(t, 'supervisor');
    auditor = await staffAs(t, 'auditor');
    administrator = await staffAs(t, 'administrator');
    fundOfficer = await staffAs(t, 'fund_officer');
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (body: object, as: StaffAgent = mediator) => as.post('/api/workers').send(body);

  describe('POST /api/workers', () => {
    it('registers a worker, with Chinese text and a 10,000-character note unchanged', async () => {
      const notes = '夜班工人，联系请在下午。'.repeat(834).slice(0, 10_000);
      const body = aWorker(1, { name: '张秀英', notes, idNumber: aResidentId(1).toLowerCase() });
      const res = await register(body).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), revision: 0, position: expect.stringMatching(/^\d+:\d+$/) });
      expect(res.headers.etag).toBe('"0"');
      expect(res.headers.location).toBe(`/api/workers/${res.body.id}`);
      const page = await supervisor.get(`/api/workers/${res.body.id}`).query({ minPosition: res.body.position }).expect(200);
      expect(page.body).toMatchObject({ id: res.body.id, name: '张秀英', idNumber: aResidentId(1), idNumberMasked: false, phone: '13800138000', cases: [] });
      expect(page.body.notes).toBe(notes);
      expect([...page.body.notes]).toHaveLength(10_000);
      expect(page.headers.etag).toBe('"0"');
    });

    it('refuses the same resident ID number twice with a clear message, however it is typed, and records no second worker', async () => {
      const first = await register(aWorker(2)).expect(201);
      const again = await register(aWorker(2, { name: '另一个人', idNumber: ` ${aResidentId(2).toLowerCase()} ` }), supervisor).expect(422);
      expect(again.headers['content-type']).toMatch(/problem\+json/);
      expect(again.body.code).toBe('WORKER_ALREADY_REGISTERED');
      expect(again.body.details).toEqual({ workerId: first.body.id });
      expect(again.body.title).toContain('身份证号码');
      expect(again.body.messages.en).toMatch(/already registered/);
      expect(JSON.stringify(again.body)).not.toContain(aResidentId(2));
      const workers = await t.sql(`SELECT 1 FROM es_events WHERE type = 'WorkerRegistered' AND data->>'idNumber' = $1`, [aResidentId(2)]);
      expect(workers).toHaveLength(1);
    });

    it('lets exactly one of several racing registrations of one number through', async () => {
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => register(aWorker(3, { name: `并发${i}` }))));
      expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
      const winner = results.find((r) => r.status === 201)!;
      for (const loser of results.filter((r) => r.status === 422)) expect(loser.body.details.workerId).toBe(winner.body.id);
    });

    it('refuses a bad check digit, a wrong length and an impossible birth date with 422 RESIDENT_ID_INVALID saying which check failed', async () => {
      const before = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`);
      const bad = await register(aWorker(4, { idNumber: withWrongCheckDigit(aResidentId(4)) })).set('Accept-Language', 'en').expect(422);
      expect(bad.body).toMatchObject({ code: 'RESIDENT_ID_INVALID', details: { reason: 'check_digit' } });
      expect(bad.body.title).toMatch(/last character/);
      expect(bad.body.messages.zh).toContain('校验位');
      const short = await register(aWorker(4, { idNumber: '110105491231002' })).expect(422);
      expect(short.body.details).toEqual({ reason: 'length' });
      const birth = await register(aWorker(4, { idNumber: '110101' + '19851315' + '0010' })).expect(422);
      expect(birth.body.details.reason).toMatch(/birth_date|check_digit/);
      const after = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`);
      expect(after[0].n).toBe(before[0].n); // nothing reserved, nothing registered
    });

    it('refuses missing fields, wrong types and unknown fields with 400 naming each', async () => {
      const res = await register({ idNumber: 110101198506150010, phone: 13800138000, employerId: 'acme' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['employerId', 'idNumber', 'name', 'phone']);
      const unknown = await register({ ...aWorker(5), salary: 1 }).expect(400);
      expect(unknown.body.errors[0].field).toBe('salary');
      const blank = await register(aWorker(5, { name: '' })).expect(400);
      expect(blank.body.errors[0].field).toBe('name');
    });

    it('takes over a reservation abandoned by a registration that never finished', async () => {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const digest = createHash('sha256').update(aResidentId(6)).digest('hex');
      const reservedAt = new Date(Date.now() - 10 * 60_000).toISOString();
      await store.appendToStream(
        `resident-id-${digest}`,
        [{ id: randomUUID(), type: 'IdentityReserved', data: { kind: 'resident_id', holderId: randomUUID(), reservedAt }, metadata: { actor: { staffId: 'x', role: 'mediator' }, correlationId: 'c', causationId: 'c', occurredAt: reservedAt, schemaVersion: 1 } }],
        { expectedRevision: 'no_stream' },
      );
      await register(aWorker(6)).expect(201);
    });

    it('is for mediators, supervisors and administrators only', async () => {
      await register(aWorker(7), auditor).expect(403);
      await register(aWorker(7), fundOfficer).expect(403);
      await t.http().post('/api/workers').send(aWorker(7)).expect(401);
      await register(aWorker(7), administrator).expect(201);
    });
  });

  describe('GET /api/workers', () => {
    it('searches by Chinese name and by full ID number, always masked', async () => {
      const a = await register(aWorker(20, { name: '李建国' })).expect(201);
      const b = await register(aWorker(21, { name: '李建华' })).expect(201);
      await register(aWorker(22, { name: '王淑芬' })).expect(201);
      const byName = await supervisor.get('/api/workers').query({ q: '建', minPosition: b.body.position }).expect(200);
      expect(byName.body.items.map((w: { name: string }) => w.name)).toEqual(['李建华', '李建国']);
      expect(byName.body.total).toBe(2);
      for (const w of byName.body.items) expect(w.idNumber).toMatch(MASKED);
      const byId = await auditor.get('/api/workers').query({ idNumber: aResidentId(20).toLowerCase(), minPosition: b.body.position }).expect(200);
      expect(byId.body.items).toEqual([expect.objectContaining({ id: a.body.id, name: '李建国', idNumber: `110101********${aResidentId(20).slice(14)}` })]);
      const paged = await auditor.get('/api/workers').query({ pageSize: 2, page: 2 }).expect(200);
      expect(paged.body).toMatchObject({ page: 2, pageSize: 2 });
      expect(paged.body.items).toHaveLength(2);
      await auditor.get('/api/workers').query({ pageSize: 1000 }).expect(400);
      await auditor.get('/api/workers').query({ employerId: 'acme' }).expect(400);
    });
  });

  describe('GET /api/workers/:id', () => {
    it('lists every case the worker is in, and shows the full number only to supervisors, administrators and that case’s mediator', async () => {
      const worker = await register(aWorker(30, { name: '陈桂兰' }), supervisor).expect(201);
      // Named with her ID number: the mediator showed they know her (proof of knowledge).
      const dispute = aGroupWageDispute({ title: '陈桂兰等三人欠薪案', claimants: [{ name: '陈桂兰', workerId: worker.body.id, idNumber: aResidentId(30) }, { name: '杨国华' }, { name: '赵丽娟' }] });
      const opened = await mediator.post('/api/disputes').send(dispute).expect(201);
      const seen = (as: StaffAgent) => as.get(`/api/workers/${worker.body.id}`).query({ minPosition: opened.body.position }).expect(200);

      const own = await seen(mediator);
      expect(own.body).toMatchObject({ idNumber: aResidentId(30), idNumberMasked: false });
      expect(own.body.cases).toEqual([
        expect.objectContaining({ caseId: opened.body.id, title: '陈桂兰等三人欠薪案', status: 'open', receivedOn: '2026-03-01', mediatorId: mediator.staffId, claimantId: expect.any(String) }),
      ]);
      expect((await seen(supervisor)).body.idNumber).toBe(aResidentId(30));
      expect((await seen(administrator)).body.idNumber).toBe(aResidentId(30));
      for (const as of [otherMediator, auditor, fundOfficer]) {
        const page = await seen(as);
        expect(page.body).toMatchObject({ idNumber: `110101********${aResidentId(30).slice(14)}`, idNumberMasked: true });
        expect(JSON.stringify(page.body)).not.toContain(aResidentId(30));
      }
    });

    it('answers 404 for an unknown worker and 400 for a malformed id', async () => {
      await mediator.get(`/api/workers/${randomUUID()}`).expect(404);
      await mediator.get('/api/workers/zhang').expect(400);
    });
  });

  describe('employers', () => {
    it('registers an employer, refuses its credit code twice and a bad one, and finds it by name and code', async () => {
      const res = await mediator.post('/api/employers').send(anEmployer(1, { creditCode: aCreditCode(1).toLowerCase() })).expect(201);
      expect(res.headers.location).toBe(`/api/employers/${res.body.id}`);
      const twice = await supervisor.post('/api/employers').send(anEmployer(1, { name: '换了名字的公司' })).expect(422);
      expect(twice.body).toMatchObject({ code: 'EMPLOYER_ALREADY_REGISTERED', details: { employerId: res.body.id } });
      const bad = await mediator.post('/api/employers').send(anEmployer(2, { creditCode: aCreditCode(2).slice(0, 17) + (aCreditCode(2).endsWith('0') ? '1' : '0') })).expect(422);
      expect(bad.body).toMatchObject({ code: 'CREDIT_CODE_INVALID', details: { reason: 'check_digit' } });
      const workshop = await mediator.post('/api/employers').send({ name: '个体户老王装修队' }).expect(201); // no credit code: allowed
      await mediator.post('/api/employers').send({ name: '' }).expect(400);
      await mediator.post('/api/employers').send({ name: '某公司', creditCode: 91110113 }).expect(400);
      await auditor.post('/api/employers').send(anEmployer(3)).expect(403);

      const byName = await auditor.get('/api/employers').query({ q: '宏达建材', minPosition: workshop.body.position }).expect(200);
      expect(byName.body.items.map((e: { id: string }) => e.id)).toEqual([res.body.id]);
      const byCode = await auditor.get('/api/employers').query({ creditCode: aCreditCode(1).toLowerCase() }).expect(200);
      expect(byCode.body.items).toEqual([expect.objectContaining({ id: res.body.id, creditCode: aCreditCode(1), address: '北京市顺义区仁和镇' })]);
    });

    it('shows an employer’s page with the cases against it, and its workers with its name', async () => {
      const employer = await mediator.post('/api/employers').send(anEmployer(10, { name: '顺义物流有限公司' })).expect(201);
      const worker = await mediator.post('/api/workers').send(aWorker(40, { employerId: employer.body.id })).expect(201);
      const opened = await mediator
        .post('/api/disputes')
        .send(aGroupWageDispute({ title: '顺义物流欠薪案', respondent: { name: '顺义物流有限公司', employerId: employer.body.id } }))
        .expect(201);
      const page = await auditor.get(`/api/employers/${employer.body.id}`).query({ minPosition: opened.body.position }).expect(200);
      expect(page.body).toMatchObject({ name: '顺义物流有限公司', creditCode: aCreditCode(10), cases: { total: 1, items: [expect.objectContaining({ caseId: opened.body.id, title: '顺义物流欠薪案', claimantCount: 12 })] } });
      const list = await auditor.get('/api/workers').query({ employerId: employer.body.id, minPosition: worker.body.position }).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: worker.body.id, employerName: '顺义物流有限公司' })]);
      const workerPage = await auditor.get(`/api/workers/${worker.body.id}`).expect(200);
      expect(workerPage.body.employer).toEqual({ id: employer.body.id, name: '顺义物流有限公司' });
      await auditor.get(`/api/employers/${randomUUID()}`).expect(404);
    });
  });
  describe('a claimant naming a worker must be that registered worker; named employers must be registered (defect 5)', () => {
    const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

    it('a mediator cannot unmask another worker’s full ID and phone numbers by naming them as a claimant', async () => {
      const victim = await supervisor.post('/api/workers').send(aWorker(901, { name: '受害者', phone: '13712345678' })).expect(201);
      const intruder = await staffAs(t, 'mediator');
      const impostor = aGroupWageDispute({ claimants: [{ name: '张三' }, { name: '李四' }, { name: 'x', workerId: victim.body.id }] });
      const zh = await intruder.post('/api/disputes').send(impostor).expect(422);
      expect(zh.headers['content-type']).toMatch(/problem\+json/);
      expect(zh.body).toMatchObject({ status: 422, code: 'CLAIMANT_NOT_THAT_WORKER', title: expect.stringContaining('第3位申请人'), details: { fields: ['claimants[2].name'] } });
      expect(fieldsOf(zh.body)).toEqual(['claimants[2].name']);
      const en = await intruder.post('/api/disputes').set('Accept-Language', 'en').send(impostor).expect(422);
      expect(en.body.title).toContain('claimant 3');
      expect(en.body.errors).toEqual([{ field: 'claimants[2].name', messages: [expect.stringContaining('registered under')] }]);

      // Nor by adding them to a case of their own.
      const own = await intruder.post('/api/disputes').send(aGroupWageDispute({}, 1)).expect(201);
      const added = await intruder.post(`/api/disputes/${own.body.id}/claimants`).send({ claimants: [{ name: '冒名', workerId: victim.body.id }] }).expect(422);
      expect(added.body).toMatchObject({ code: 'CLAIMANT_NOT_THAT_WORKER', errors: [{ field: 'claimants[0].name' }] });

      const page = (await intruder.get(`/api/workers/${victim.body.id}`).query({ minPosition: own.body.position }).expect(200)).body;
      expect(page).toMatchObject({ idNumberMasked: true, phoneMasked: true, cases: [] });
      expect(page.idNumber).toMatch(MASKED);
      expect(JSON.stringify(page)).not.toContain(aResidentId(901));
      expect(JSON.stringify(page)).not.toContain('13712345678');
    });

    it('a genuine claimant (the registered name, however it is spaced) is taken; their mediator sees the full numbers only when the worker’s ID number was given', async () => {
      const worker = await supervisor.post('/api/workers').send(aWorker(902, { name: '王淑芬', phone: '13712340000' })).expect(201);
      const mediatorOf = await staffAs(t, 'mediator');
      const opened = await mediatorOf.post('/api/disputes').send(aGroupWageDispute({ claimants: [{ name: ' 王淑芬 ', workerId: worker.body.id.toUpperCase() }] })).expect(201);
      const unproven = (await mediatorOf.get(`/api/workers/${worker.body.id}`).query({ minPosition: opened.body.position }).expect(200)).body;
      expect(unproven).toMatchObject({ idNumberMasked: true, phoneMasked: true, cases: [expect.objectContaining({ caseId: opened.body.id })] });
      expect(JSON.stringify(unproven)).not.toContain(aResidentId(902));

      // The number typed as people do (lower-case x, spaces around) on a second case: now they know her.
      const proven = await mediatorOf.post('/api/disputes').send(aGroupWageDispute({ claimants: [{ name: '王淑芬', workerId: worker.body.id, idNumber: ` ${aResidentId(902).toLowerCase()} ` }] }, 1)).expect(201);
      const page = (await mediatorOf.get(`/api/workers/${worker.body.id}`).query({ minPosition: proven.body.position }).expect(200)).body;
      expect(page).toMatchObject({ idNumber: aResidentId(902), idNumberMasked: false, phone: '13712340000' });
    });

    describe('proof of knowledge: a listed worker’s numbers unmask only for a claimant named with the worker’s ID number', () => {
      it('without the number the case opens but the numbers stay masked; a wrong number is 422 naming the field, nothing stored; the right one (added later) unmasks; every read is in audit_reads', async () => {
        const victim = await supervisor.post('/api/workers').send(aWorker(907, { name: '孙  七', phone: '13712347777' })).expect(201);
        const intruder = await staffAs(t, 'mediator');
        // Name and id, as every role can list them.
        const listed = (await intruder.get('/api/workers').query({ q: '孙', minPosition: victim.body.position }).expect(200)).body.items.find((w: { id: string }) => w.id === victim.body.id);
        expect(listed).toMatchObject({ name: '孙 七' });
        expect(listed.idNumber).toMatch(MASKED);
        // The listed name, or the name typed with a full-width space: the same name.
        const bogus = await intruder.post('/api/disputes').send(aGroupWageDispute({ claimants: [{ name: '孙\u3000七', workerId: listed.id }] })).expect(201);
        const masked = (await intruder.get(`/api/workers/${victim.body.id}`).query({ minPosition: bogus.body.position }).expect(200)).body;
        expect(masked).toMatchObject({ idNumberMasked: true, phoneMasked: true });
        expect(masked.idNumber).toMatch(MASKED);
        expect(JSON.stringify(masked)).not.toContain(aResidentId(907));
        expect(JSON.stringify(masked)).not.toContain('13712347777');

        const before = await t.sql(`SELECT 1 FROM es_events WHERE type IN ('DisputeCaseOpened', 'ClaimantsAdded')`);
        const wrong = aGroupWageDispute({ claimants: [{ name: '张三' }, { name: listed.name, workerId: listed.id, idNumber: aResidentId(908) }] });
        const zh = await intruder.post('/api/disputes').send(wrong).expect(422);
        expect(zh.headers['content-type']).toMatch(/problem\+json/);
        expect(zh.body).toMatchObject({ status: 422, code: 'CLAIMANT_ID_NUMBER_MISMATCH', title: expect.stringContaining('第2位申请人'), details: { fields: ['claimants[1].idNumber'] } });
        expect(fieldsOf(zh.body)).toEqual(['claimants[1].idNumber']);
        const en = await intruder.post('/api/disputes').set('Accept-Language', 'en').send(wrong).expect(422);
        expect(en.body.title).toContain('claimant 2');
        expect(en.body.errors).toEqual([{ field: 'claimants[1].idNumber', messages: [expect.stringContaining('resident ID number')] }]);
        const own = await intruder.post('/api/disputes').send(aGroupWageDispute({}, 1)).expect(201);
        const before2 = await t.sql(`SELECT 1 FROM es_events WHERE type IN ('DisputeCaseOpened', 'ClaimantsAdded')`);
        expect(before2).toHaveLength(before.length + 1);
        const added = await intruder.post(`/api/disputes/${own.body.id}/claimants`).send({ claimants: [{ name: '孙 七', workerId: listed.id, idNumber: '123' }] }).expect(422);
        expect(added.body).toMatchObject({ code: 'CLAIMANT_ID_NUMBER_MISMATCH', errors: [{ field: 'claimants[0].idNumber' }] });
        expect(await t.sql(`SELECT 1 FROM es_events WHERE type IN ('DisputeCaseOpened', 'ClaimantsAdded')`)).toHaveLength(before2.length);
        for (const body of [zh.body, en.body, added.body]) expect(JSON.stringify(body)).not.toMatch(new RegExp(`${aResidentId(907)}|${aResidentId(908)}`));

        // Whoever knows the number may name the worker: on a case of their own, as a newcomer.
        const joined = await intruder.post(`/api/disputes/${own.body.id}/claimants`).send({ claimants: [{ name: '孙 七', workerId: listed.id, idNumber: aResidentId(907) }] }).expect(201);
        const full = (await intruder.get(`/api/workers/${victim.body.id}`).query({ minPosition: joined.body.position }).expect(200)).body;
        expect(full).toMatchObject({ idNumber: aResidentId(907), idNumberMasked: false, phone: '13712347777', phoneMasked: false });

        const reads = await t.sql<{ staff_id: string; full_numbers: boolean }>(`SELECT staff_id, full_numbers FROM audit_reads WHERE subject_id = $1 ORDER BY read_at`, [victim.body.id]);
        // A look at the full numbers is recorded (who, whose, never the numbers); a mediator's masked looks are not.
        expect(reads.filter((r) => r.staff_id === intruder.staffId).map((r) => r.full_numbers)).toEqual([true]);
        const audited = await t.sql<{ row: string }>(`SELECT row_to_json(r)::text AS row FROM audit_reads r WHERE subject_id = $1`, [victim.body.id]);
        expect(audited.map((r) => r.row).join('\n')).not.toContain(aResidentId(907));

        // The flag is kept, never the number: not in the case's events, not in the claimants' read model.
        const caseEvents = await t.sql<{ data: string }>(`SELECT data::text AS data FROM es_events WHERE stream_name IN ($1, $2)`, [`dispute-${bogus.body.id}`, `dispute-${own.body.id}`]);
        expect(caseEvents.map((e) => e.data).join('\n')).not.toContain(aResidentId(907));
        expect(caseEvents.map((e) => e.data).join('\n')).toContain('"idVerified": true');
        const rows = await t.sql<{ case_id: string; id_verified: boolean }>(`SELECT case_id, id_verified FROM dispute_claimants WHERE worker_id = $1`, [victim.body.id]);
        expect(Object.fromEntries(rows.map((r) => [r.case_id, r.id_verified]))).toEqual({ [bogus.body.id]: false, [own.body.id]: true });
        const stored = await t.sql<{ row: string }>(`SELECT row_to_json(r)::text AS row FROM dispute_claimants r`);
        expect(stored.map((r) => r.row).join('\n')).not.toContain(aResidentId(907));
      });

      it('guessing the number is stopped: after five numbers that were not the worker’s in a day, 429 for the guesser alone, even for the right one', async () => {
        const worker = await supervisor.post('/api/workers').send(aWorker(931, { name: '钱 八' })).expect(201);
        const guesser = await staffAs(t, 'mediator');
        const own = await guesser.post('/api/disputes').send(aGroupWageDispute({}, 1)).expect(201);
        const tryNumber = (idNumber: string) => guesser.post(`/api/disputes/${own.body.id}/claimants`).send({ claimants: [{ name: '钱 八', workerId: worker.body.id, idNumber }] });
        for (let i = 0; i < 5; i++) expect((await tryNumber(aResidentId(932 + i))).status).toBe(422);
        const stopped = await tryNumber(aResidentId(931)).set('Accept-Language', 'en');
        expect(stopped.status).toBe(429);
        expect(stopped.body).toMatchObject({ status: 429, code: 'TOO_MANY_ID_NUMBER_MISSES' });
        expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
        // Naming the worker without a number still works (the numbers stay masked), and other staff are not held back.
        await guesser.post(`/api/disputes/${own.body.id}/claimants`).send({ claimants: [{ name: '钱 八', workerId: worker.body.id }] }).expect(201);
        const other = await staffAs(t, 'mediator');
        const theirs = await other.post('/api/disputes').send(aGroupWageDispute({}, 1)).expect(201);
        await other.post(`/api/disputes/${theirs.body.id}/claimants`).send({ claimants: [{ name: '钱 八', workerId: worker.body.id, idNumber: aResidentId(931) }] }).expect(201);
      });

      it('a worker the mediator registered themselves counts as known: named without the number, the numbers unmask; names are kept with whitespace collapsed', async () => {
        const own = await staffAs(t, 'mediator');
        const worker = await own.post('/api/workers').send(aWorker(909, { name: ' 李　四 ', phone: '13712348888' })).expect(201);
        const opened = await own.post('/api/disputes').send(aGroupWageDispute({ claimants: [{ name: '李 四', workerId: worker.body.id }] })).expect(201);
        const page = (await own.get(`/api/workers/${worker.body.id}`).query({ minPosition: opened.body.position }).expect(200)).body;
        expect(page).toMatchObject({ name: '李 四', idNumber: aResidentId(909), idNumberMasked: false, phone: '13712348888' });
      });
    });

    it('WORKER_NOT_FOUND: a worker id nobody registered, on opening a case or adding claimants; nothing recorded', async () => {
      const before = await t.sql(`SELECT 1 FROM es_events WHERE type = 'DisputeCaseOpened'`);
      const nobody = randomUUID();
      const zh = await mediator.post('/api/disputes').send(aGroupWageDispute({ claimants: [{ name: '张三' }, { name: '李四', workerId: nobody }] })).expect(422);
      expect(zh.body).toMatchObject({ code: 'WORKER_NOT_FOUND', title: expect.stringContaining('尚未登记'), details: { workerIds: [nobody] } });
      expect(fieldsOf(zh.body)).toEqual(['claimants[1].workerId']);
      const en = await mediator.post('/api/disputes').set('Accept-Language', 'en').send(aGroupWageDispute({ claimants: [{ name: '李四', workerId: nobody }] })).expect(422);
      expect(en.body).toMatchObject({ code: 'WORKER_NOT_FOUND', title: expect.stringContaining('No worker is registered'), errors: [{ field: 'claimants[0].workerId' }] });
      expect(await t.sql(`SELECT 1 FROM es_events WHERE type = 'DisputeCaseOpened'`)).toHaveLength(before.length);

      const own = await mediator.post('/api/disputes').send(aGroupWageDispute({}, 1)).expect(201);
      const added = await mediator.post(`/api/disputes/${own.body.id}/claimants`).send({ claimants: [{ name: '李四', workerId: nobody }] }).expect(422);
      expect(added.body).toMatchObject({ code: 'WORKER_NOT_FOUND', errors: [{ field: 'claimants[0].workerId' }] });
    });

    it('EMPLOYER_NOT_FOUND: a respondent, or a worker, naming an employer nobody registered (one row of a bulk registration)', async () => {
      const nowhere = randomUUID();
      const zh = await mediator.post('/api/disputes').send(aGroupWageDispute({ respondent: { name: '某公司', employerId: nowhere } })).expect(422);
      expect(zh.body).toMatchObject({ code: 'EMPLOYER_NOT_FOUND', title: expect.stringContaining('尚未登记'), errors: [{ field: 'respondent.employerId' }] });
      const en = await mediator.post('/api/disputes').set('Accept-Language', 'en').send(aGroupWageDispute({ respondent: { name: '某公司', employerId: nowhere } })).expect(422);
      expect(en.body.title).toContain('No employer');

      const worker = await register(aWorker(903, { employerId: nowhere })).expect(422);
      expect(worker.body).toMatchObject({ code: 'EMPLOYER_NOT_FOUND', errors: [{ field: 'employerId' }] });
      expect((await register(aWorker(903, { employerId: nowhere })).set('Accept-Language', 'en').expect(422)).body.title).toContain('No employer');
      const bulk = await mediator.post('/api/workers/bulk').send({ workers: [aWorker(904), aWorker(905, { employerId: nowhere })] }).expect(200);
      expect(bulk.body).toMatchObject({ registered: 1, refused: 1 });
      expect(bulk.body.results[1]).toMatchObject({ index: 1, status: 422, code: 'EMPLOYER_NOT_FOUND' });
      // The number was not kept by the refused registration.
      await register(aWorker(903)).expect(201);
    });

    it('a claimant recorded before the rule under someone else’s worker id still unmasks nothing, and the case still reads', async () => {
      const victim = await supervisor.post('/api/workers').send(aWorker(906, { name: '赵丽娟', phone: '13712349999' })).expect(201);
      const old = await staffAs(t, 'mediator');
      const caseId = randomUUID();
      const at = '2026-03-02T01:00:00.000Z';
      const { position } = await t.app.get<EventStore>(EVENT_STORE).appendToStream(
        `dispute-${caseId}`,
        [
          {
            id: randomUUID(),
            type: 'DisputeCaseOpened',
            data: {
              caseId,
              title: '规则之前登记的案件',
              category: 'unpaid_wages',
              description: '',
              application: { kind: 'written', receivedAt: '2026-03-01' },
              respondent: { employerId: randomUUID(), name: '某公司' },
              claimants: [
                { claimantId: 'c1', workerId: victim.body.id, name: 'x' },
                { claimantId: 'c2', workerId: randomUUID(), name: '无此人' },
              ],
              mediatorId: old.staffId,
              openedBy: old.staffId,
              openedAt: at,
            },
            metadata: { actor: { staffId: old.staffId, role: 'mediator' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: at, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      const casePage = (await old.get(`/api/disputes/${caseId}`).query({ minPosition: position }).expect(200)).body;
      expect(casePage.claimants).toHaveLength(2);
      const page = (await old.get(`/api/workers/${victim.body.id}`).expect(200)).body;
      expect(page).toMatchObject({ idNumberMasked: true, phoneMasked: true });
      // The case goes on: its mediator records a claim.
      await old.post(`/api/disputes/${caseId}/claims`).send({ claimantId: 'c2', kind: 'unpaid_wages', amountFen: 100 }).expect(201);
    });
  });
  describe('the examples in /docs-json pass the system’s own checks (defect 13)', () => {
    /** Every `example` (and `examples` entry) in the document, with the name of the property or parameter it is for. */
    function examplesIn(node: unknown, name = '', found: { name: string; value: unknown }[] = []): { name: string; value: unknown }[] {
      if (Array.isArray(node)) {
        for (const item of node) examplesIn(item, name, found);
        return found;
      }
      if (!node || typeof node !== 'object') return found;
      const obj = node as Record<string, unknown>;
      // A parameter is named by its `name`; a schema's property by its key.
      const here = typeof obj.name === 'string' && typeof obj.in === 'string' ? obj.name : name;
      if ('example' in obj) found.push({ name: here, value: obj.example });
      if (obj.examples && typeof obj.examples === 'object') for (const e of Object.values(obj.examples)) found.push({ name: here, value: (e as { value?: unknown })?.value ?? e });
      for (const [key, value] of Object.entries(obj)) {
        if (key === 'example' || key === 'examples') continue;
        if (key === 'properties' && value && typeof value === 'object') for (const [prop, schema] of Object.entries(value)) examplesIn(schema, prop, found);
        else examplesIn(value, here, found);
      }
      return found;
    }

    it('every credit code and resident ID number example is valid (check digit included); masked ones are masked', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body;
      const strings = examplesIn(doc).flatMap(({ name, value }) => (typeof value === 'string' ? [{ name, value }] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => ({ name, value: v })) : []));
      // By the field's name, or by the look of it (a resident ID number is digits and perhaps a final X).
      const creditCodes = strings.filter((e) => /creditCode/i.test(e.name) || (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(e.value) && /[A-WY]/.test(e.value)));
      const residentIds = strings.filter((e) => (/idNumber/i.test(e.name) && !e.value.includes('*')) || /^\d{17}[\dXx]$/.test(e.value));
      expect(creditCodes.map((e) => e.value)).toContain('91110113MA01ABCD2Q');
      expect(residentIds.length).toBeGreaterThan(0);
      expect(creditCodes.filter((e) => !validateCreditCode(e.value).ok)).toEqual([]);
      expect(residentIds.filter((e) => !validateResidentId(e.value).ok)).toEqual([]);
      // Masked examples show a number as every page masks it.
      for (const e of strings.filter((x) => /idNumber/i.test(x.name) && x.value.includes('*'))) expect(e.value).toMatch(MASKED);
    });
  });
});
