import { randomBytes } from 'node:crypto';
import { StaffAccounts } from '#auth';
import { StreamContended } from '#event-store';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { login, staffAs, type StaffAgent } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';

/**
 * Logging out on a shared office computer: the access token of that login must be dead at once,
 * in every process, while the person's other logins go on.
 */
describe('logout', () => {
  const secret = { JWT_SECRET: randomBytes(32).toString('hex') };
  let t: TestApp;
  /** A second process of the same system: same database, same signing key. */
  let other: TestApp;

  beforeAll(async () => {
    t = await startTestApp(secret);
    other = await startTestApp(secret, { database: t.db });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const signedOut = (staffId: string) =>
    t.sql<{ data: { staffId: string; sessionId: string }; metadata: { actor: unknown } }>(
      `SELECT data, metadata FROM es_events WHERE stream_name = 'staff-roster' AND type = 'StaffSignedOut' AND data->>'staffId' = $1`,
      [staffId],
    );
  const bearer = (agent: StaffAgent) => `Bearer ${agent.token}`;

  it('ends the access token of the login at once, in every process; the other login of the same person goes on', async () => {
    const office = await staffAs(t, 'mediator');
    const home = await login(t, office.username, office.password);
    await office.get('/api/auth/me').expect(200);
    await other.http().get('/api/auth/me').set('Authorization', bearer(office)).expect(200);

    await t.http().post('/api/auth/logout').send({ refreshToken: office.refreshToken }).expect(204);

    const me = await office.get('/api/auth/me').expect(401);
    expect(me.headers['content-type']).toMatch(/problem\+json/);
    expect(me.body).toMatchObject({ code: 'NOT_AUTHENTICATED', detail: '您已退出登录，请重新登录' });
    const en = await office.get('/api/auth/me').set('Accept-Language', 'en').expect(401);
    expect(en.body.detail).toBe('You logged out of this session: log in again');
    await office.post('/api/disputes').send(aGroupWageDispute()).expect(401);
    // The other process has not served this person since the logout: it refuses the token all the same.
    await other.http().get('/api/auth/me').set('Authorization', bearer(office)).expect(401);
    await other.http().post('/api/disputes').set('Authorization', bearer(office)).send(aGroupWageDispute()).expect(401);

    await home.get('/api/auth/me').expect(200);
    await home.post('/api/disputes').send(aGroupWageDispute()).expect(201);
    await other.http().get('/api/auth/me').set('Authorization', bearer(home)).expect(200);

    await t.http().post('/api/auth/refresh').send({ refreshToken: office.refreshToken }).expect(401);
    const renewed = await t.http().post('/api/auth/refresh').send({ refreshToken: home.refreshToken }).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${renewed.body.accessToken}`).expect(200);
  });

  it('ends every access token of the login, those refreshed from it too', async () => {
    const clerk = await staffAs(t, 'supervisor');
    const refreshed = await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: refreshed.body.refreshToken }).expect(204);
    await clerk.get('/api/auth/me').expect(401);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(401);
  });

  it('records the logout on the staff roster, by the person logging out, once', async () => {
    const clerk = await staffAs(t, 'fund_officer');
    await t.http().post('/api/auth/logout').send({ refreshToken: clerk.refreshToken }).expect(204);
    await t.http().post('/api/auth/logout').send({ refreshToken: clerk.refreshToken }).expect(204); // again: nothing to do
    const events = await signedOut(clerk.staffId);
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({ staffId: clerk.staffId, sessionId: expect.any(String) });
    expect(events[0].metadata.actor).toEqual({ staffId: clerk.staffId, role: 'fund_officer' });
    // The session id is no secret a token could be made from.
    expect(clerk.refreshToken).not.toContain(events[0].data.sessionId);
  });

  it('leaves the login as it was when the logout cannot be recorded, so it can be sent again', async () => {
    const clerk = await staffAs(t, 'mediator');
    const accounts = t.app.get(StaffAccounts);
    const signOut = accounts.signOut;
    accounts.signOut = () => Promise.reject(new StreamContended('staff-roster', 9));
    try {
      const busy = await t.http().post('/api/auth/logout').send({ refreshToken: clerk.refreshToken }).expect(409);
      expect(busy.body.code).toBe('RECORD_BUSY');
    } finally {
      accounts.signOut = signOut;
    }
    await clerk.get('/api/auth/me').expect(200);
    const [family] = await t.sql<{ revoked: number }>(`SELECT count(revoked_at)::int AS revoked FROM refresh_tokens WHERE staff_id = $1`, [clerk.staffId]);
    expect(family.revoked).toBe(0);
    await t.http().post('/api/auth/logout').send({ refreshToken: clerk.refreshToken }).expect(204);
    await clerk.get('/api/auth/me').expect(401);
    await t.http().post('/api/auth/refresh').send({ refreshToken: clerk.refreshToken }).expect(401);
  });

  it('answers an unknown refresh token as before, and records nothing', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM es_events WHERE type = 'StaffSignedOut'`);
    await t.http().post('/api/auth/logout').send({ refreshToken: randomBytes(32).toString('base64url') }).expect(204);
    const after = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM es_events WHERE type = 'StaffSignedOut'`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('ends the login of the access token sent with it when the refresh token names no live login, and only that one', async () => {
    const first = await staffAs(t, 'mediator');
    const second = await login(t, first.username, first.password);
    await t.http().post('/api/auth/logout').set('Authorization', bearer(first)).send({ refreshToken: randomBytes(32).toString('base64url') }).expect(204);
    await t.http().get('/api/auth/me').set('Authorization', bearer(first)).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', bearer(second)).expect(200);
    expect(await signedOut(first.staffId)).toHaveLength(1);
    // Someone else's access token ends nobody's login but its own.
    await t.http().post('/api/auth/logout').set('Authorization', 'Bearer not-a-token').send({ refreshToken: randomBytes(32).toString('base64url') }).expect(204);
    await t.http().get('/api/auth/me').set('Authorization', bearer(second)).expect(200);
  });
});
