import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';

describe('case lists and pages name the mediator', () => {
  let t: TestApp;
  let supervisor: StaffAgent;
  let mediator: StaffAgent;
  beforeAll(async () => {
    t = await startTestApp();
    supervisor = await staffAs(t, 'supervisor');
    mediator = await staffAs(t, 'mediator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('carries the display name beside the mediator id, from the staff read model', async () => {
    const [account] = await t.sql<{ display_name: string }>(`SELECT data->>'displayName' AS display_name FROM es_events WHERE type = 'StaffAccountCreated' AND data->>'staffId' = $1`, [mediator.staffId]);
    const opened = await supervisor.post('/api/disputes').send(aGroupWageDispute({ title: '有调解员的案件', mediatorId: mediator.staffId })).expect(201);
    const unassigned = await supervisor.post('/api/disputes').send(aGroupWageDispute({ title: '尚未指派的案件' })).expect(201);
    // The staff projection runs beside the case projection: wait for both.
    type Item = { id: string; mediatorId: string | null; mediatorName: string | null };
    const listed = async (): Promise<Item[]> => (await supervisor.get('/api/disputes').query({ minPosition: unassigned.body.position }).expect(200)).body.items;
    let items = await listed();
    for (let i = 0; i < 200 && !items.find((item) => item.id === opened.body.id)?.mediatorName; i++) {
      await new Promise((r) => setTimeout(r, 50));
      items = await listed();
    }
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get(opened.body.id)).toMatchObject({ mediatorId: mediator.staffId, mediatorName: account.display_name });
    expect(byId.get(unassigned.body.id)).toMatchObject({ mediatorId: null, mediatorName: null });

    const page = await supervisor.get(`/api/disputes/${opened.body.id}`).expect(200);
    expect(page.body).toMatchObject({ mediatorId: mediator.staffId, mediatorName: account.display_name });
    expect((await mediator.get(`/api/disputes/${unassigned.body.id}`).expect(200)).body.mediatorName).toBeNull();
  });
});
