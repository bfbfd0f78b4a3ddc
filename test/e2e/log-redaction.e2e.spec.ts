import { staffAs } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('personal data never reaches a log line', () => {
  let t: TestApp;
  const logs: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logs });
  });
  afterAll(async () => {
    await t.close();
  });

  it('redacts ID numbers and phone numbers in query strings, in the access log and every other line', async () => {
    const mediator = await staffAs(t, 'mediator');
    await mediator.get('/api/workers?idNumber=11010519491231002X').expect(200);
    await mediator.get('/api/workers?idNumber=110105&q=13800138000').expect(200);
    await mediator.get('/api/workers?phone=13900139000').expect(400);
    await mediator.get('/api/disputes?q=11010519491231002x').expect(200);
    await new Promise((r) => setTimeout(r, 50));
    const text = logs.join('');
    const access = logs.filter((l) => l.includes('/api/workers?'));
    expect(access.length).toBeGreaterThanOrEqual(3);
    for (const secret of ['11010519491231002X', '11010519491231002x', '110105&', '13800138000', '13900139000']) expect([secret, text.includes(secret)]).toEqual([secret, false]);
    expect(text).toContain('idNumber=[redacted]');
    expect(text).toContain('phone=[redacted]');
  });
});
