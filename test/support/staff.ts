import { createHash } from 'node:crypto';
import type { Role } from '#domain';
import type { Test } from 'supertest';
import { TEST_ADMIN, type TestApp } from './test-app.js';

/** A logged-in staff member: requests carry their bearer token. */
export interface StaffAgent {
  staffId: string;
  username: string;
  password: string;
  token: string;
  refreshToken: string;
  get(url: string): Test;
  post(url: string): Test;
  put(url: string): Test;
  delete(url: string): Test;
}

let counter = 0;

/**
 * A password the policy accepts (not built from the username, not a common pattern), the same
 * for the same username so a test can log in again.
 */
export function passwordFor(username: string): string {
  return `orchid-${createHash('sha256').update(username).digest('hex').slice(0, 12)}-lantern`;
}

export async function login(t: TestApp, username: string, password: string): Promise<StaffAgent> {
  const res = await t.http().post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token: string = res.body.accessToken;
  const refreshToken: string = res.body.refreshToken;
  const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
  const auth = (r: Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    staffId: me.body.staffId,
    username,
    password,
    token,
    refreshToken,
    get: (url) => auth(t.http().get(url)),
    post: (url) => auth(t.http().post(url)),
    put: (url) => auth(t.http().put(url)),
    delete: (url) => auth(t.http().delete(url)),
  };
}

export function adminOf(t: TestApp): Promise<StaffAgent> {
  return login(t, TEST_ADMIN.username, TEST_ADMIN.password);
}

/** A new staff account with these roles, created by the administrator, logged in. */
export async function staffAs(t: TestApp, ...roles: Role[]): Promise<StaffAgent> {
  const admin = await adminOf(t);
  counter += 1;
  const username = `${roles.join('-').replace(/_/g, '-')}-${process.pid}-${counter}`;
  const password = passwordFor(username);
  const created = await admin.post('/api/staff').send({ username, displayName: `测试${roles.join('')}${counter}`, password, roles });
  if (created.status !== 201) throw new Error(`creating ${username} failed: ${created.status} ${JSON.stringify(created.body)}`);
  return login(t, username, password);
}
