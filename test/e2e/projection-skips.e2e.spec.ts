import { randomUUID } from 'node:crypto';
import { disputeStreamName } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';

/** Polls until the check passes (the projector retries on its own clock). */
async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (true) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const REASON = '手工写入的事件，收到日期 2026-02-30 不存在；联系人王五 13800138000 已另行登记';

/** A case opened on a day no calendar has, put into the log by hand past every command check: PostgreSQL refuses its received_on. */
function poisonFor(caseId: string, staffId: string) {
  return {
    id: randomUUID(),
    type: 'DisputeCaseOpened',
    data: {
      caseId,
      title: '手工写入的案件',
      category: 'unpaid_wages',
      description: '收到日期不存在',
      application: { kind: 'written', receivedAt: '2026-02-30' },
      respondent: { employerId: null, name: '某公司' },
      claimants: [{ claimantId: 'c1', workerId: null, name: '张三' }],
      mediatorId: null,
      openedBy: staffId,
      openedAt: '2026-03-02T01:00:00.000Z',
    },
    metadata: { actor: { staffId, role: 'supervisor' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
  };
}

describe('an administrator skips the one event a projection is stuck on', () => {
  let t: TestApp;
  let admin: StaffAgent;
  let supervisor: StaffAgent;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logs });
    admin = await staffAs(t, 'administrator');
    supervisor = await staffAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t.close();
  });

  const skipsUrl = '/api/operations/projections/dispute-cases/skips';
  const casesStatus = async () => ((await admin.get('/api/operations/projections').expect(200)).body as { name: string }[]).find((s) => s.name === 'dispute-cases') as Record<string, unknown>;

  it('refuses while the projection is not stuck, in Chinese and in English, naming eventId', async () => {
    await t.http().get('/health').expect(200);
    const zh = await admin.post(skipsUrl).send({ eventId: randomUUID(), reason: '测试' }).expect(409);
    expect(zh.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(zh.body).toMatchObject({ status: 409, code: 'PROJECTION_NOT_STUCK', title: expect.stringContaining('没有卡在任何事件上'), errors: [{ field: 'eventId' }] });
    const en = await admin.post(skipsUrl).set('Accept-Language', 'en').send({ eventId: randomUUID(), reason: 'test' }).expect(409);
    expect(en.body).toMatchObject({ code: 'PROJECTION_NOT_STUCK', title: 'projection dispute-cases is not stuck on any event: there is nothing to skip', errors: [{ field: 'eventId' }] });
    expect(await t.sql('SELECT * FROM projection_skips')).toEqual([]);
  });

  it('skips the poison through HTTP: /health recovers, the events after it are projected, the skip is listed and logged once', async () => {
    const caseId = randomUUID();
    const poison = poisonFor(caseId, supervisor.staffId);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const { position } = await store.appendToStream(disputeStreamName(caseId), [poison], { expectedRevision: 'no_stream' });
    // Held back behind the poison until the skip.
    const held = await supervisor.post('/api/disputes').send(aGroupWageDispute({ title: '毒事件之后开的案件' })).expect(201);

    const health = await eventually(async () => {
      const res = await t.http().get('/health');
      return res.status === 503 && res.body.checks['projection:dispute-cases'].status === 'down' && res;
    });
    expect(health.body.checks['projection:dispute-cases'].detail).toContain(`stuck at event ${poison.id}`);
    const checkpointBefore = (await casesStatus()).position;

    // Only the event it is stuck on.
    const wrong = await admin.post(skipsUrl).send({ eventId: held.body.id, reason: '测试' }).expect(409);
    expect(wrong.body).toMatchObject({ code: 'NOT_THE_STUCK_EVENT', errors: [{ field: 'eventId' }], details: { stuckOn: { id: poison.id, position } } });
    expect(wrong.body.title).toContain(poison.id);
    const wrongEn = await admin.post(skipsUrl).set('Accept-Language', 'en').send({ eventId: randomUUID(), reason: 'test' }).expect(409);
    expect(wrongEn.body.title).toMatch(new RegExp(`^projection dispute-cases is stuck on event ${poison.id}, not `));
    // A reason is required, and only an administrator may.
    for (const body of [{ eventId: poison.id }, { eventId: poison.id, reason: '   ' }]) {
      const res = await admin.post(skipsUrl).set('Accept-Language', 'en').send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    }
    const noReasonZh = await admin.post(skipsUrl).send({ eventId: poison.id }).expect(400);
    expect(noReasonZh.body.detail).toMatch(/^理由：/);
    await supervisor.post(skipsUrl).send({ eventId: poison.id, reason: REASON }).expect(403);
    const unknown = await admin.post('/api/operations/projections/no-such-projection/skips').send({ eventId: poison.id, reason: REASON }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'name', messages: [expect.stringContaining('须为以下投影之一')] }]);
    // Nothing of that moved it.
    expect(await t.sql('SELECT * FROM projection_skips')).toEqual([]);
    expect((await casesStatus()).position).toBe(checkpointBefore);
    expect((await t.http().get('/health')).status).toBe(503);

    const correlationId = `skip-${randomUUID()}`;
    const skipped = await admin.post(skipsUrl).set('X-Correlation-Id', correlationId).send({ eventId: poison.id, reason: REASON }).expect(201);
    expect(skipped.body).toEqual({
      projection: 'dispute-cases',
      event: { id: poison.id, type: 'DisputeCaseOpened', streamName: disputeStreamName(caseId), streamRevision: '0', position },
      error: expect.stringContaining('date/time field value out of range'),
      reason: REASON,
      skippedBy: { staffId: admin.staffId, role: 'administrator' },
      correlationId,
      skippedAt: expect.any(String),
    });

    await eventually(async () => (await t.http().get('/health')).status === 200);
    const list = await supervisor.get('/api/disputes').query({ minPosition: held.body.position }).expect(200);
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(held.body.id);
    expect(ids).not.toContain(caseId);
    // And what comes later goes on being projected.
    const later = await supervisor.post('/api/disputes').send(aGroupWageDispute({ title: '跳过之后开的案件' })).expect(201);
    const after = await supervisor.get(`/api/disputes/${later.body.id}`).query({ minPosition: later.body.position }).expect(200);
    expect(after.body.title).toBe('跳过之后开的案件');

    const status = await casesStatus();
    expect(status).toMatchObject({ failure: null, lastError: null, skips: [skipped.body] });
    const auditor = await staffAs(t, 'auditor');
    const seen = (await auditor.get('/api/operations/projections').expect(200)).body.find((s: { name: string }) => s.name === 'parties');
    expect(seen.skips).toEqual([]);

    // Logged once, at warn, with the correlation id; never the reason (free text may name people).
    const said = logs.filter((l) => l.includes(poison.id) && l.includes('skipped'));
    expect(said).toHaveLength(1);
    expect(JSON.parse(said[0])).toMatchObject({ level: 40, context: 'projections', projection: 'dispute-cases', eventId: poison.id, correlationId });
    expect(logs.filter((l) => l.includes('13800138000') || l.includes('王五'))).toEqual([]);

    // Done once: the projection is no longer stuck, so a second skip is refused.
    const again = await admin.post(skipsUrl).send({ eventId: poison.id, reason: REASON }).expect(409);
    expect(again.body.code).toBe('PROJECTION_NOT_STUCK');
    expect(await t.sql('SELECT event_id, reason, skipped_by FROM projection_skips')).toEqual([{ event_id: poison.id, reason: REASON, skipped_by: admin.staffId }]);
  });
});
