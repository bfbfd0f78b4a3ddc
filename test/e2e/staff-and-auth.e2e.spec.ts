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

  it('refuses a duplicate username, and lists every bad field at once, in Chinese by default and English on request', async () => {
    const dup = await admin.post('/api/staff').send({ username: 'LI.MING', displayName: '另一个李明', password: 'another-password', roles: ['mediator'] }).expect(422);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
    const everything = { username: 'x', displayName: '  ', password: 'short', roles: ['boss'] };
    const zh = await admin.post('/api/staff').send(everything).expect(400);
    expect(zh.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'password', 'roles', 'username']);
    const rolesZh = zh.body.errors.find((e: { field: string }) => e.field === 'roles').messages.join(' ');
    expect(rolesZh).toMatch(/调解员/);
    expect(rolesZh).toMatch(/系统管理员/);
    expect(zh.body.detail).toMatch(/密码|字符/);
    expect(zh.body.detail).not.toMatch(/must/);
    const en = await admin.post('/api/staff').set('Accept-Language', 'en').send(everything).expect(400);
    expect(en.body.errors.find((e: { field: string }) => e.field === 'roles').messages.join(' ')).toMatch(/fund officer/);
    expect(en.body.detail).toMatch(/password: must be 10 to 256 characters/);
    expect(en.body.detail).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['ten spaces', '          '],
    ['a run of digits', '1234567890'],
    ['one letter repeated', 'aaaaaaaaaa'],
    ['a common password', 'password123'],
    ['the username with a year', 'zhao.lei2024'],
  ])('refuses %s as a password, with a clear message, and stores nothing', async (_, password) => {
    const before = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`);
    const res = await admin.post('/api/staff').send({ username: 'zhao.lei', displayName: '赵磊', password, roles: ['mediator'] }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'password', messages: [expect.stringMatching(/不易被猜到/)] }]);
    const after = await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('answers 403 naming the roles the route needs by their labels, in Chinese or English', async () => {
    const supervisor = await login(t, 'wang.fang', 'wang-fang-password');
    const zh = await supervisor.post('/api/staff').send({ username: 'zhao', displayName: '赵', password: 'long-enough-pw', roles: ['mediator'] }).expect(403);
    expect(zh.headers['content-type']).toMatch(/problem\+json/);
    expect(zh.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED', title: '此操作需要以下角色之一：系统管理员', detail: '此操作需要以下角色之一：系统管理员', requiredRoles: [{ role: 'administrator', label: '系统管理员' }] });
    const en = await supervisor.post('/api/staff').set('Accept-Language', 'en').send({ username: 'zhao', displayName: '赵', password: 'long-enough-pw', roles: ['mediator'] }).expect(403);
    expect(en.body).toMatchObject({ detail: 'This needs one of the roles: administrator', requiredRoles: [{ role: 'administrator', label: 'administrator' }] });
    const fundOnly = await supervisor.get('/api/staff').set('X-Acting-Role', 'fund_officer').expect(403);
    expect(fundOnly.body.detail).toMatch(/帮扶资金专员/);
  });

  it('never lets the last active administrator be disabled or demoted', async () => {
    const me = await admin.get('/api/auth/me');
    const disable = await admin.post(`/api/staff/${me.body.staffId}/disable`).send({}).expect(422);
    expect(disable.body.code).toBe('LAST_ADMINISTRATOR');
    const demote = await admin.delete(`/api/staff/${me.body.staffId}/roles/administrator`).expect(422);
    expect(demote.body.code).toBe('LAST_ADMINISTRATOR');
    expect(demote.body.messages.zh).toBeTruthy();
  });

  it('ends a disabled account’s tokens for good: not even enabling it again brings them back', async () => {
    const clerk = await staffAs(t, 'mediator');
    await clerk.get('/api/auth/me').expect(200);
    const disabled = await admin.post(`/api/staff/${clerk.staffId}/disable`).send({ reason: '调离' }).expect(200);
    expect(disabled.body).toMatchObject({ id: clerk.staffId, revision: expect.any(Number) });
    const refused = await clerk.get('/api/auth/me').expect(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    await t.http().post('/api/auth/login').send({ username: clerk.username, password: clerk.password }).expect(401);
    await admin.post(`/api/staff/${clerk.staffId}/enable`).send({}).expect(200);
    const stillDead = await clerk.get('/api/auth/me').expect(401);
    expect(stillDead.body.detail).toBe('此账号在该凭证签发后曾被停用，请重新登录');
    await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(401);
    const again = await login(t, clerk.username, clerk.password);
    await again.get('/api/auth/me').expect(200);
  });

  it('documents disable and enable as 200 answers', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    for (const path of ['/api/staff/{id}/disable', '/api/staff/{id}/enable']) {
      expect(Object.keys(doc.paths[path].post.responses)).toContain('200');
      expect(Object.keys(doc.paths[path].post.responses)).not.toContain('201');
    }
  });

  it('changes one’s own password only with the old one and a strong new one, and ends older tokens and refresh tokens', async () => {
    const clerk = await staffAs(t, 'fund_officer');
    const weak = await clerk.post('/api/auth/password').send({ oldPassword: clerk.password, newPassword: '1234567890' }).expect(400);
    expect(weak.body.errors[0].field).toBe('newPassword');
    const wrong = await clerk.post('/api/auth/password').send({ oldPassword: 'not-my-password', newPassword: 'brand-new-password' }).expect(422);
    expect(wrong.body.code).toBe('OLD_PASSWORD_WRONG');
    await clerk.post('/api/auth/password').send({ oldPassword: clerk.password, newPassword: 'brand-new-password' }).expect(204);
    await clerk.get('/api/auth/me').expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(401);
    await login(t, clerk.username, 'brand-new-password');
  });

  it('refuses on reset and on one’s own change a password built from the account’s username or name, as creation does (400, the same words)', async () => {
    const created = { username: 'zhao.gang', displayName: 'OkonkwoMarguerite', roles: ['mediator'] };
    const atCreation = async (password: string, lang: string) =>
      (await admin.post('/api/staff').set('Accept-Language', lang).send({ ...created, password }).expect(400)).body.errors.find((e: { field: string }) => e.field === 'password').messages;
    const zhWords = await atCreation('zhao.gang2026', 'zh');
    const enWords = await atCreation('zhao.gang2026', 'en');
    expect(await atCreation('okonkwomarguerite', 'en')).toEqual(enWords);
    const account = await admin.post('/api/staff').send({ ...created, password: 'cobalt-harbour-thistle' }).expect(201);

    for (const newPassword of ['zhao.gang2026', 'okonkwomarguerite']) {
      const zh = await admin.post(`/api/staff/${account.body.id}/password`).send({ newPassword }).expect(400);
      expect(zh.headers['content-type']).toMatch(/problem\+json/);
      expect(zh.body.errors).toEqual([{ field: 'newPassword', messages: zhWords }]);
      const en = await admin.post(`/api/staff/${account.body.id}/password`).set('Accept-Language', 'en').send({ newPassword }).expect(400);
      expect(en.body.errors).toEqual([{ field: 'newPassword', messages: enWords }]);
    }
    const self = await login(t, 'zhao.gang', 'cobalt-harbour-thistle');
    const own = await self.post('/api/auth/password').set('Accept-Language', 'en').send({ oldPassword: 'cobalt-harbour-thistle', newPassword: 'zhao.gang2026' }).expect(400);
    expect(own.body.errors).toEqual([{ field: 'newPassword', messages: enWords }]);
    // Nothing changed: the old password still logs in, and a password unrelated to the account is taken.
    await self.get('/api/auth/me').expect(200);
    await admin.post(`/api/staff/${account.body.id}/password`).send({ newPassword: 'saffron-glacier-pebble' }).expect(204);
    await login(t, 'zhao.gang', 'saffron-glacier-pebble');
  });

  it('refreshes with a rotating refresh token: the spent one is refused, and presenting it again ends the whole login', async () => {
    const clerk = await staffAs(t, 'mediator');
    const first = await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(200);
    expect(first.body).toMatchObject({ accessToken: expect.any(String), expiresIn: 900, refreshToken: expect.any(String), refreshExpiresIn: 43200, tokenType: 'Bearer' });
    expect(first.body.refreshToken).not.toBe(clerk.refreshToken);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

    const second = await t.http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    // The first token again: someone holds a copy. It is refused, and so is the newest of its family.
    const reused = await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(401);
    expect(reused.body.title).toMatch(/已被使用过/);
    await t.http().post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    // Another login of the same person is not affected.
    const other = await login(t, clerk.username, clerk.password);
    await t.http().post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('turns simultaneous uses of one refresh token into a revoked login: no token of it works afterwards', async () => {
    const clerk = await staffAs(t, 'mediator');
    const answers = await Promise.all([1, 2, 3, 4].map(() => t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken })));
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeLessThanOrEqual(1);
    expect(answers.filter((a) => a.status === 401).length).toBeGreaterThanOrEqual(3);
    for (const a of won) await t.http().post('/api/auth/refresh').send({ refreshToken: a.body.refreshToken }).expect(401);
    const live = await t.sql(`SELECT 1 FROM refresh_tokens WHERE staff_id = $1 AND revoked_at IS NULL AND rotated_at IS NULL`, [clerk.staffId]);
    expect(live).toEqual([]);
  });

  it('logs out: the refresh token and its successors stop working; only hashes are stored', async () => {
    const clerk = await staffAs(t, 'supervisor');
    const next = await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: next.body.refreshToken }).expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: next.body.refreshToken }).expect(401);
    await t.http().post('/api/auth/logout').send({ refreshToken: next.body.refreshToken }).expect(204); // again: nothing to do
    const bad = await t.http().post('/api/auth/refresh').send({ refreshToken: 'not a token' }).expect(400);
    expect(bad.body.errors[0].field).toBe('refreshToken');
    const rows = JSON.stringify(await t.sql('SELECT * FROM refresh_tokens'));
    expect(rows).not.toContain(clerk.refreshToken);
    expect(rows).not.toContain(next.body.refreshToken);
    const revoked = await t.sql<{ revoked_reason: string }>(`SELECT revoked_reason FROM refresh_tokens WHERE staff_id = $1`, [clerk.staffId]);
    expect(revoked.map((r) => r.revoked_reason)).toEqual(['logout', 'logout']);
  });

  it('revokes every refresh token when an administrator resets the password', async () => {
    const clerk = await staffAs(t, 'auditor');
    await admin.post(`/api/staff/${clerk.staffId}/password`).send({ newPassword: 'granite-meadow-violin' }).expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(401);
    await login(t, clerk.username, 'granite-meadow-violin');
  });

  it('documents refresh and logout with their request and answer schemas', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const refresh = doc.paths['/api/auth/refresh'].post;
    expect(refresh.requestBody.content['application/json'].schema.$ref).toMatch(/RefreshTokenDto$/);
    expect(refresh.responses['200'].content['application/json'].schema.$ref).toMatch(/TokenPairAnswer$/);
    expect(doc.paths['/api/auth/logout'].post.responses['204']).toBeDefined();
    expect(doc.components.schemas.TokenPairAnswer.required).toEqual(expect.arrayContaining(['accessToken', 'refreshToken', 'expiresIn', 'refreshExpiresIn']));
  });

  it('lets supervisors and mediators read the staff directory (names, roles, active), administrators the full view', async () => {
    const supervisor = await login(t, 'wang.fang', 'wang-fang-password');
    const mediator = await login(t, 'li.ming', 'li-ming-password');
    for (const reader of [supervisor, mediator]) {
      const list = await reader.get('/api/staff').expect(200);
      const li = list.body.find((s: { displayName: string }) => s.displayName === '李明');
      expect(li).toEqual({ staffId: mediator.staffId, displayName: '李明', roles: ['mediator'], active: true });
      const text = JSON.stringify(list.body);
      expect(text).not.toMatch(/password|hash|username/i);
      await reader.get(`/api/staff/${mediator.staffId}`).expect(200);
    }
    const full = await admin.get('/api/staff').expect(200);
    expect(full.body.find((s: { displayName: string }) => s.displayName === '李明')).toMatchObject({ username: 'li.ming', roles: ['mediator'], active: true });
    const fundOfficer = await staffAs(t, 'fund_officer');
    await fundOfficer.get('/api/staff').expect(403);
    const missing = await admin.get('/api/staff/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.code).toBe('STAFF_NOT_FOUND');
  });

  it('answers 401 problem+json in Chinese by default and English on request', async () => {
    const zh = await t.http().get('/api/disputes').expect(401);
    expect(zh.body).toMatchObject({ code: 'NOT_AUTHENTICATED', title: '请先登录', detail: '请先登录' });
    const en = await t.http().get('/api/disputes').set('Accept-Language', 'en').expect(401);
    expect(en.body.detail).toMatch(/^Log in first/);
    await t.http().get('/api/disputes').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged').expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ username: 'nobody', password: 'whatever-password' }).expect(401);
    expect(unknown.body.title).toBe('用户名或密码错误');
    expect(unknown.body.detail).toBe('用户名或密码错误');
  });

  it('answers 400 naming the field to a NUL character in the login, never 500', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'a\u0000b', password: 'whatever-password' }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'username', messages: ['不能包含控制字符（如 NUL）'] }]);
    const pw = await t.http().post('/api/auth/login').set('Accept-Language', 'en').send({ username: 'admin', password: 'a\u0000b-long-password' }).expect(400);
    expect(pw.body.errors).toEqual([{ field: 'password', messages: ['must not contain control characters (such as NUL)'] }]);
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
    for (const needle of [secret, hash, agent.token, agent.refreshToken]) {
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
