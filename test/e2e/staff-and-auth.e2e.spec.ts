import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';
import { adminOf, login, staffAs, type StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';

describe('staff accounts, login and roles', () => {
  let t: TestApp;
  const logs: string[] = [];
  let admin: StaffAgent;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logs });
    admin = await adminOf(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD, who can see themself', async () => {
    const me = await admin.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({ username: TEST_ADMIN.username, roles: ['administrator'], actingRole: 'administrator' });
    const [created] = await t.sql<{ metadata: { actor: { staffId: string; role: string } } }>(`SELECT metadata FROM es_events WHERE type = 'StaffAccountCreated' ORDER BY seq LIMIT 1`);
    expect(created.metadata.actor).toEqual({ staffId: 'system', role: 'system' });
  });

  it('lets an administrator create a mediator and a supervisor; the mediator’s dispute carries their staff id and role', async () => {
    const created = await admin.post('/api/staff').send({ username: 'li.ming', displayName: '李明', password: 'li-ming-password', roles: ['mediator'] }).expect(201);
    await admin.post('/api/staff').send({ username: 'wang.fang', displayName: '王芳', password: 'wang-fang-password', roles: ['supervisor'] }).expect(201);
    const list = await admin.get('/api/staff').expect(200);
    expect(list.body.map((s: { displayName: string }) => s.displayName)).toEqual(expect.arrayContaining(['李明', '王芳']));

    const mediator = await login(t, 'li.ming', 'li-ming-password');
    expect(mediator.staffId).toBe(created.body.id);
    const opened = await mediator.post('/api/disputes').send(aGroupWageDispute()).expect(201);
    const [event] = await t.sql<{ metadata: Record<string, unknown> }>(`SELECT metadata FROM es_events WHERE stream_name = $1`, [`dispute-${opened.body.id}`]);
    expect(event.metadata).toMatchObject({ actor: { staffId: created.body.id, role: 'mediator' }, correlationId: expect.any(String), causationId: expect.any(String), schemaVersion: 1 });
  });

  it('refuses a duplicate username and a short password, and only administrators manage staff', async () => {
    const dup = await admin.post('/api/staff').send({ username: 'LI.MING', displayName: '另一个李明', password: 'another-password', roles: ['mediator'] }).expect(422);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
    const short = await admin.post('/api/staff').send({ username: 'zhao', displayName: '赵', password: 'short', roles: ['mediator'] }).expect(422);
    expect(short.body.code).toBe('PASSWORD_TOO_SHORT');
    const badRole = await admin.post('/api/staff').send({ username: 'zhao', displayName: '赵', password: 'long-enough-pw', roles: ['boss'] }).expect(400);
    expect(badRole.body.errors[0].field).toBe('roles');
    const supervisor = await login(t, 'wang.fang', 'wang-fang-password');
    await supervisor.post('/api/staff').send({ username: 'zhao', displayName: '赵', password: 'long-enough-pw', roles: ['mediator'] }).expect(403);
  });

  it('never lets the last active administrator be disabled or demoted', async () => {
    const me = await admin.get('/api/auth/me');
    const disable = await admin.post(`/api/staff/${me.body.staffId}/disable`).send({}).expect(422);
    expect(disable.body.code).toBe('LAST_ADMINISTRATOR');
    const demote = await admin.delete(`/api/staff/${me.body.staffId}/roles/administrator`).expect(422);
    expect(demote.body.code).toBe('LAST_ADMINISTRATOR');
    expect(demote.body.messages.zh).toBeTruthy();
  });

  it('ends a disabled account’s tokens at once and refuses its login', async () => {
    const clerk = await staffAs(t, 'mediator');
    await clerk.get('/api/auth/me').expect(200);
    await admin.post(`/api/staff/${clerk.staffId}/disable`).send({ reason: '调离' }).expect(201);
    const refused = await clerk.get('/api/auth/me').expect(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    await admin.post(`/api/staff/${clerk.staffId}/enable`).send({}).expect(201);
  });

  it('changes one’s own password only with the old one, and ends older tokens', async () => {
    const clerk = await staffAs(t, 'fund_officer');
    const wrong = await clerk.post('/api/auth/password').send({ oldPassword: 'not-my-password', newPassword: 'brand-new-password' }).expect(422);
    expect(wrong.body.code).toBe('OLD_PASSWORD_WRONG');
    await clerk.post('/api/auth/password').send({ oldPassword: `pw-${clerk.username}-long-enough`, newPassword: 'brand-new-password' }).expect(204);
    await clerk.get('/api/auth/me').expect(401);
    await login(t, clerk.username, 'brand-new-password');
  });

  it('throttles repeated failed logins per address and username, and answers 429 with Retry-After', async () => {
    const target = await staffAs(t, 'auditor');
    for (let i = 0; i < 5; i++) {
      const res = await t.http().post('/api/auth/login').send({ username: target.username, password: `guess-${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await t.http().post('/api/auth/login').send({ username: target.username, password: `pw-${target.username}-long-enough` }).expect(429);
    expect(locked.body.code).toBe('TOO_MANY_FAILED_LOGINS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await login(t, 'li.ming', 'li-ming-password'); // someone else is not locked out
  });

  it('counts a burst of parallel guesses before checking them: at most 5 get through to the password check', async () => {
    const target = await staffAs(t, 'auditor');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.http().post('/api/auth/login').set('Idempotency-Key', `burst-${i}`).send({ username: target.username, password: `guess-${i}` })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
    // login is not a command: its answers (tokens) are never kept as idempotent replies
    expect(await t.sql(`SELECT key FROM idempotency_keys WHERE key LIKE '%burst-%'`)).toEqual([]);
  });

  it('answers 401 problem+json to no token, a forged token and an unknown user', async () => {
    await t.http().get('/api/disputes').expect(401);
    await t.http().get('/api/disputes').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged').expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody', password: 'whatever-password' }).expect(401);
    expect(unknown.body.title).toBe('用户名或密码错误');
  });

  it('keeps passwords, hashes and tokens out of events, logs and error answers', async () => {
    const secret = 'Sup3r-Secret-Passw0rd-测试';
    const created = await admin.post('/api/staff').send({ username: 'secretive', displayName: '保密', password: secret, roles: ['mediator'] }).expect(201);
    const agent = await login(t, 'secretive', secret);
    const failed = await t.http().post('/api/auth/login').send({ username: 'secretive', password: `${secret}-wrong` }).expect(401);
    const [{ password_hash: hash }] = await t.sql<{ password_hash: string }>('SELECT password_hash FROM staff_credentials WHERE staff_id = $1', [created.body.id]);
    expect(hash).toMatch(/^\$argon2id\$/);
    const events = JSON.stringify(await t.sql('SELECT data, metadata FROM es_events'));
    const answers = JSON.stringify(failed.body);
    const logText = logs.join('');
    expect(logText).toMatch(/login refused/); // the logs are really captured
    for (const needle of [secret, hash, agent.token]) {
      expect(events).not.toContain(needle);
      expect(logText).not.toContain(needle);
      expect(answers).not.toContain(needle);
    }
  });

  it('sets security headers, and no CORS unless CORS_ORIGINS is set', async () => {
    const res = await t.http().get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
