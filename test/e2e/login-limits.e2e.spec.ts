import { FAILED_LOGINS_ALLOWED, FAILED_LOGINS_PER_ADDRESS_ALLOWED } from '#auth';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffAs } from '../support/staff.js';

const wrong = (t: TestApp, username: string, address?: string) => {
  const req = t.http().post('/api/auth/login');
  return (address ? req.set('X-Forwarded-For', address) : req).send({ username, password: `wrong-guess-${Math.random()}` });
};

describe('login limits without a trusted proxy (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('ignores X-Forwarded-For: changing it does not get more guesses', async () => {
    const target = await staffAs(t, 'auditor');
    for (let i = 0; i < FAILED_LOGINS_ALLOWED; i++) {
      expect((await wrong(t, target.username, `198.51.100.${i + 1}`)).status).toBe(401);
    }
    const next = await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.99').send({ username: target.username, password: target.password });
    expect(next.status).toBe(429);
    expect(next.body.code).toBe('TOO_MANY_FAILED_LOGINS');
  });
});

describe('login limits behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('throttles repeated failed logins per address and username, and answers 429 with Retry-After in Chinese or English', async () => {
    const target = await staffAs(t, 'auditor');
    for (let i = 0; i < FAILED_LOGINS_ALLOWED; i++) expect((await wrong(t, target.username, '192.0.2.10')).status).toBe(401);
    const locked = await t.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.10').send({ username: target.username, password: target.password }).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_FAILED_LOGINS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body.detail).toMatch(/登录失败次数过多/);
    const en = await t.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.10').set('Accept-Language', 'en').send({ username: target.username, password: target.password }).expect(429);
    expect(en.body.detail).toMatch(/^Too many failed logins/);
    // the same person from another address, and someone else from this one, are not locked out
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.11').send({ username: target.username, password: target.password }).expect(200);
    const other = await staffAs(t, 'mediator');
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.10').send({ username: other.username, password: other.password }).expect(200);
  });

  it('stops one address trying many usernames: 30 usernames hit 429, another address still logs in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await wrong(t, `user-${i}`, '192.0.2.20')).status);
    expect(statuses.slice(0, FAILED_LOGINS_PER_ADDRESS_ALLOWED).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(FAILED_LOGINS_PER_ADDRESS_ALLOWED).every((s) => s === 429)).toBe(true);
    const clerk = await staffAs(t, 'supervisor');
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.20').send({ username: clerk.username, password: clerk.password }).expect(429);
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.21').send({ username: clerk.username, password: clerk.password }).expect(200);
  });

  it('counts a burst of parallel guesses before checking them: at most 5 get through to the password check', async () => {
    const target = await staffAs(t, 'auditor');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.30').set('Idempotency-Key', `burst-${i}`).send({ username: target.username, password: `guess-${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    // login is not a command: its answers (tokens) are never kept as idempotent replies
    expect(await t.sql(`SELECT key FROM idempotency_keys WHERE key LIKE '%burst-%'`)).toEqual([]);
  });
});
