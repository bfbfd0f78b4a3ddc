import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';

describe('the foundation slice: open a dispute, read it back', () => {
  let t: TestApp;
  let mediator: StaffAgent;
  beforeAll(async () => {
    t = await startTestApp();
    mediator = await staffAs(t, 'mediator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens a case and reads it back byte for byte once the projector has its position', async () => {
    const body = aGroupWageDispute({ title: '劳动争议：「某某」公司拖欠工资 — 测试🙂', description: '第一行\n第二行，含全角标点：；“引号”' });
    const opened = await mediator.post('/api/disputes').send(body).expect(201);
    const claimants = body.claimants.map((c) => ({ claimantId: expect.any(String), name: c.name }));
    expect(opened.body).toEqual({ id: expect.any(String), revision: 0, position: expect.stringMatching(/^\d+:\d+$/), claimants });
    expect(opened.headers.etag).toBe('"0"');

    const page = await mediator.get(`/api/disputes/${opened.body.id}`).query({ minPosition: opened.body.position }).expect(200);
    expect(page.body.title).toBe(body.title);
    expect(page.body.description).toBe(body.description);
    // The answer names each claimant's id, so a clerk can record claims without reading the case first.
    expect(page.body.claimants.map((c: { claimantId: string; name: string }) => ({ claimantId: c.claimantId, name: c.name }))).toEqual(opened.body.claimants);
    expect(page.body.respondent.name).toBe('北京某建筑工程有限公司');
    expect(page.headers['x-read-model-position']).toBe(opened.body.position);

    const [stored] = await t.sql<{ data: { title: string } }>(`SELECT data FROM es_events WHERE stream_name = $1`, [`dispute-${opened.body.id}`]);
    expect(stored.data.title).toBe(body.title);
  });

  it('lists cases by status and by Chinese text, paged', async () => {
    const a = await mediator.post('/api/disputes').send(aGroupWageDispute({ title: '朝阳区餐饮店解除劳动合同纠纷', category: 'contract_termination' })).expect(201);
    const b = await mediator.post('/api/disputes').send(aGroupWageDispute({ title: '顺义区物流公司加班费争议', category: 'overtime' })).expect(201);
    const found = await mediator.get('/api/disputes').query({ q: '物流', minPosition: b.body.position }).expect(200);
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([b.body.id]);
    const byClaimant = await mediator.get('/api/disputes').query({ q: '工人3号', category: 'contract_termination', minPosition: a.body.position }).expect(200);
    expect(byClaimant.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.id]);
    const paged = await mediator.get('/api/disputes').query({ status: 'open', pageSize: 1, page: 2 }).expect(200);
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.body.total).toBeGreaterThanOrEqual(3);
    expect(paged.body.items).toHaveLength(1);
    const none = await mediator.get('/api/disputes').query({ status: 'closed', q: '物流' }).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('refuses bad input with problem+json naming each bad field, and records nothing', async () => {
    const before = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`);
    const res = await mediator
      .post('/api/disputes')
      .send({ ...aGroupWageDispute(), title: '', category: 'gambling', application: { kind: 'written', receivedAt: 'yesterday' }, claimants: [{ name: 42 }] })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['application.receivedAt', 'category', 'claimants[0].name', 'title']);
    expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    const unknownField = await mediator.post('/api/disputes').send({ ...aGroupWageDispute(), secret: 1 }).expect(400);
    expect(unknownField.body.errors[0].field).toBe('secret');
    const malformed = await mediator.post('/api/disputes').set('content-type', 'application/json').send('{"title": ').expect(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js:\d+/);
    const after = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('answers a broken business rule with 422 and its code, in the asked language', async () => {
    const res = await mediator
      .post('/api/disputes')
      .set('Accept-Language', 'en')
      .send(aGroupWageDispute({ application: { kind: 'oral', receivedAt: '2026-03-01' } }))
      .expect(422);
    expect(res.body.code).toBe('ORAL_APPLICATION_DETAILS_REQUIRED');
    expect(res.body.title).toMatch(/oral/i);
    expect(res.body.messages.zh).toMatch(/口头/);
  });

  it('records one case when two requests with the same Idempotency-Key race, and answers both the same', async () => {
    const body = aGroupWageDispute({ title: '幂等测试案件' });
    const [one, two] = await Promise.all([
      mediator.post('/api/disputes').set('Idempotency-Key', 'race-1').send(body),
      mediator.post('/api/disputes').set('Idempotency-Key', 'race-1').send(body),
    ]);
    expect(one.status).toBe(201);
    expect(two.status).toBe(201);
    expect(two.body).toEqual(one.body);
    const events = await t.sql(`SELECT 1 FROM es_events WHERE type = 'DisputeCaseOpened' AND data->>'title' = '幂等测试案件'`);
    expect(events).toHaveLength(1);
    const other = await mediator.post('/api/disputes').set('Idempotency-Key', 'race-1').send({ ...body, title: '另一个' }).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 404 problem+json for an unknown case and 400 for a malformed id or position', async () => {
    const missing = await mediator.get('/api/disputes/7a1f2c3e-1111-4222-8333-944455556666').expect(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    await mediator.get('/api/disputes/not-a-uuid').expect(400);
    const badPosition = await mediator.get('/api/disputes').query({ minPosition: 'soon' }).expect(400);
    expect(badPosition.body.errors[0].field).toBe('minPosition');
  });

  it('exposes Prometheus metrics: request counts by route and projector lag', async () => {
    await mediator.get('/api/disputes').expect(200);
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/http_requests_total\{method="GET",route="\/api\/disputes",status="200"\} \d+/);
    expect(metrics.text).toMatch(/projection_events_behind\{projection="dispute-cases"\} \d+/);
    expect(metrics.text).toMatch(/event_store_oldest_open_transaction_seconds \d/);
  });

  it('reports health and serves the OpenAPI document', async () => {
    const health = await t.http().get('/health').expect(200);
    expect(health.body.checks.database.status).toBe('up');
    expect(health.body.checks['projection:dispute-cases'].status).toBe('up');
    const docs = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/disputes', '/api/disputes/{id}', '/api/disputes/{id}/timeline', '/health']));
  });
});
