import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '#auth';
import { ROLES, type Role } from '#domain';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffAs, type StaffAgent } from '../support/staff.js';

interface Route {
  method: string;
  path: string;
  allowed: Role[] | undefined;
  isPublic: boolean;
}

/** Every route the application serves, with its role declaration, read from Nest's metadata. */
function routeTable(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller) ?? false;
        const allowed = Reflect.getMetadata(ALLOWED_ROLES, handler) ?? Reflect.getMetadata(ALLOWED_ROLES, controller);
        routes.push({ method, path, allowed, isPublic });
      }
    }
  }
  return routes;
}

function concrete(path: string): string {
  return path.replace(/:role\b/g, 'mediator').replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe('who may call what: every route × every role, and no token', () => {
  let t: TestApp;
  let routes: Route[];
  const agents = {} as Record<Role, StaffAgent>;

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) agents[role] = await staffAs(t, role);
    routes = routeTable(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the routes, and every one declares its roles or is public', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /api/disputes', 'POST /api/staff', 'POST /api/auth/login', 'GET /health']));
    const undeclared = routes.filter((r) => !r.isPublic && !r.allowed).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('lets supervisors and mediators read the staff directory; only login, refresh and logout are public in the auth routes', () => {
    const find = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path);
    for (const path of ['/api/staff', '/api/staff/:id']) {
      expect([...(find('GET', path)?.allowed ?? [])].sort()).toEqual(['administrator', 'auditor', 'mediator', 'supervisor']);
    }
    for (const write of ['/api/staff', '/api/staff/:id/disable', '/api/staff/:id/enable']) expect(find('POST', write)?.allowed).toEqual(['administrator']);
    const publicAuth = routes.filter((r) => r.isPublic && r.path.startsWith('/api/auth')).map((r) => `${r.method} ${r.path}`);
    expect(publicAuth.sort()).toEqual(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/refresh']);
  });

  it('answers 401 without a token, 403 to a role not allowed, and lets allowed roles through', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const path = concrete(route.path);
      const call = (agent?: StaffAgent) => {
        const m = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
        const req = agent ? (agent[m as 'get'] ?? agent.get)(path) : t.http()[m](path);
        return route.method === 'GET' ? req : req.send({});
      };
      const anonymous = await call();
      if (anonymous.status !== 401) wrong.push(`${route.method} ${route.path} without a token: ${anonymous.status}`);
      for (const role of ROLES) {
        const res = await call(agents[role]);
        const allowed = route.allowed!.includes(role);
        if (allowed && (res.status === 401 || res.status === 403)) wrong.push(`${route.method} ${route.path} as ${role}: ${res.status}, expected through`);
        if (!allowed && res.status !== 403) wrong.push(`${route.method} ${route.path} as ${role}: ${res.status}, expected 403`);
        if (res.status >= 500) wrong.push(`${route.method} ${route.path} as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the audit routes to auditors and administrators', () => {
    const audit = routes.filter((r) => r.path.startsWith('/api/audit'));
    expect(audit.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /api/audit/verify', 'POST /api/audit/checkpoints', 'GET /api/audit/export', 'GET /api/audit/:kind/:id']));
    for (const r of audit) expect([`${r.method} ${r.path}`, [...(r.allowed ?? [])].sort()]).toEqual([`${r.method} ${r.path}`, ['administrator', 'auditor']]);
  });

  it('lets the auditor read everything and change nothing', async () => {
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM es_events');
    // Signing an audit checkpoint changes no record: it writes a signature to the audit's own table, never an event (checked below).
    const writes = routes.filter((r) => !r.isPublic && r.method !== 'GET' && r.path !== '/api/auth/password' && r.path !== '/api/audit/checkpoints');
    expect(writes.length).toBeGreaterThan(0);
    for (const route of writes) {
      const verb = route.method.toLowerCase() as 'post';
      const res = await agents.auditor[verb](concrete(route.path)).send({ title: '审计员不应能写入' });
      expect([route.path, res.status]).toEqual([route.path, 403]);
    }
    // The job dashboard (/admin/queues) is the administrators' tool (issue 12), not a record to audit.
    const reads = routes.filter((r) => !r.isPublic && r.method === 'GET' && !r.path.startsWith('/admin/'));
    for (const route of reads) expect(route.allowed).toContain('auditor');
    await agents.auditor.post('/api/audit/checkpoints').expect(201);
    const after = await t.sql<{ n: string }>('SELECT count(*) AS n FROM es_events');
    expect(after[0].n).toBe(before[0].n);
  });
});
