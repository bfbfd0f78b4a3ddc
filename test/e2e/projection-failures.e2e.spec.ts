import { randomUUID } from 'node:crypto';
import { disputeStreamName } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE, HealthIndicators } from '#platform';
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

describe('an event a projection cannot apply never stalls it silently', () => {
  let t: TestApp;
  let supervisor: StaffAgent;
  const logs: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logs });
    supervisor = await staffAs(t, 'supervisor');
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the projection and the event in /health, /api/operations/projections, /metrics and one log line; recovers after a fix', async () => {
    await t.http().get('/health').expect(200);
    // Put into the log by hand, past every command check: a case received on a day no calendar has.
    const caseId = randomUUID();
    const poison = {
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
        openedBy: supervisor.staffId,
        openedAt: '2026-03-02T01:00:00.000Z',
      },
      metadata: { actor: { staffId: supervisor.staffId, role: 'supervisor' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
    };
    const store = t.app.get<EventStore>(EVENT_STORE);
    const { position } = await store.appendToStream(disputeStreamName(caseId), [poison], { expectedRevision: 'no_stream' });
    // A case opened through the API after it: held back behind the poison until the fix.
    const later = await supervisor.post('/api/disputes').send(aGroupWageDispute({ title: '毒事件之后开的案件' })).expect(201);

    const health = await eventually(async () => {
      const res = await t.http().get('/health');
      return res.status === 503 && res.body.checks['projection:dispute-cases'].status === 'down' && res;
    });
    expect(health.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(health.body.title).toBe('Down: projection:dispute-cases');
    const detail: string = health.body.checks['projection:dispute-cases'].detail;
    expect(detail).toContain(`stuck at event ${poison.id} (DisputeCaseOpened, stream ${disputeStreamName(caseId)} revision 0, position ${position})`);
    expect(detail).toContain('date/time field value out of range');
    expect(health.body.checks['projection:parties'].status).toBe('up');

    const statuses = await supervisor.get('/api/operations/projections').expect(200);
    const cases = statuses.body.find((s: { name: string }) => s.name === 'dispute-cases');
    expect(cases).toMatchObject({
      lastError: expect.stringContaining('date/time field value out of range'),
      eventsBehind: 2,
      failure: {
        projection: 'dispute-cases',
        event: { id: poison.id, type: 'DisputeCaseOpened', streamName: disputeStreamName(caseId), streamRevision: '0', position },
        attempts: expect.any(Number),
        since: expect.any(String),
      },
    });
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/projection_failing\{projection="dispute-cases"\} 1/);
    expect(metrics.text).toMatch(/projection_failing\{projection="parties"\} 0/);
    expect(metrics.text).toMatch(/projection_failed_attempts\{projection="dispute-cases"\} [1-9]/);

    // Still failing some attempts later, but said once in the log, not once per retry.
    await eventually(async () => ((await supervisor.get('/api/operations/projections')).body[0].failure?.attempts ?? 0) >= 3);
    const said = logs.filter((l) => l.includes(poison.id));
    expect(said).toHaveLength(1);
    expect(JSON.parse(said[0])).toMatchObject({ level: 50, context: 'projections', projection: 'dispute-cases' });

    // The fix (a deployed one would make the row path take it): received_on takes the text as it is.
    await t.sql(`ALTER TABLE dispute_cases ALTER COLUMN received_on TYPE text`);
    await eventually(async () => (await t.http().get('/health')).status === 200);
    const after = await supervisor.get('/api/operations/projections').expect(200);
    expect(after.body.find((s: { name: string }) => s.name === 'dispute-cases')).toMatchObject({ failure: null, lastError: null, eventsBehind: 0 });
    const list = await supervisor.get('/api/disputes').query({ minPosition: later.body.position }).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([caseId, later.body.id]));
    expect((await t.http().get('/metrics')).text).toMatch(/projection_failing\{projection="dispute-cases"\} 0/);
    expect(logs.some((l) => l.includes('projection dispute-cases recovered'))).toBe(true);
  });

  it('runs the checks other providers register beside its own, and names each one that is down', async () => {
    const indicators = t.app.get(HealthIndicators);
    const unregister = indicators.register({
      name: 'embedded-database',
      check: async () => {
        throw new Error('the embedded PostgreSQL stopped: No space left on device');
      },
    });
    try {
      const down = await t.http().get('/health').expect(503);
      expect(down.body.title).toBe('Down: embedded-database');
      expect(down.body.checks['embedded-database']).toEqual({ status: 'down', detail: 'the embedded PostgreSQL stopped: No space left on device' });
      expect(down.body.checks.database.status).toBe('up');
    } finally {
      unregister();
    }
    const up = await t.http().get('/health').expect(200);
    expect(up.body.checks['embedded-database']).toBeUndefined();
  });
});
