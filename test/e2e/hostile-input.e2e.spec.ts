import { randomUUID } from 'node:crypto';
import { ROLES } from '#domain';
import { getMetadataStorage } from 'class-validator';
import { CONSTRAINT_MESSAGES } from '../../apps/api/src/http/field-messages.js';
import type { Response } from 'supertest';
import { adminOf, login, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Hostile input on every route, read from /docs-json: a new route, a new field or a new query
 * parameter is covered without anyone remembering to. Each body, query and path value the
 * document declares is sent broken in the ways a hostile tester broke them (NUL, lone
 * surrogates, deep nesting, missing or null nested objects, wrong types, huge strings, unknown
 * enum values, prototype keys, invalid UTF-8, unknown fields and parameters). Every answer must
 * be a 4xx problem+json, a 400 naming the field, and nothing may be stored.
 */

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  minimum?: number;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** A request that must be refused: 400 naming `field` (or a field under it), or only "some 4xx" where the API may judge either way. */
interface Hostile {
  what: string;
  body?: string | Buffer;
  query?: string;
  path?: string;
  field: string;
  /** The API may accept it (e.g. null for an optional field): then only "no 5xx" holds. */
  mayPass?: boolean;
}

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const HUGE = 'x'.repeat(100_001);
const BAD_DATES = ['2026', '2026-W10', '2026-060', '2026-02-30', '9999-99-99', '20260301'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

function deepObject(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

function deepArray(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

/** An own, enumerable property, even for `__proto__`: what JSON.parse makes of such a key. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('hostile input on every route of /docs-json', () => {
  let t: TestApp;
  let everyone: StaffAgent;
  let doc: OpenApi;

  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]);
    if (s.allOf?.length === 1) return { ...s, ...resolve(s.allOf[0]), allOf: undefined };
    return s;
  };

  const isDateField = (name: string, s: Schema) => s.format === 'date' || s.format === 'date-time' || /(At|Date|Dates|From|To)$|^(from|to|at)$/.test(name);

  /** A value the schema takes, so that only the field under attack is wrong. */
  const sample = (raw: Schema | undefined, name: string): unknown => {
    const s = resolve(raw);
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'object':
        return Object.fromEntries((s.required ?? []).map((p) => [p, sample(s.properties?.[p], p)]));
      case 'array':
        return [sample(s.items, name)];
      case 'integer':
      case 'number':
        return typeof s.example === 'number' ? s.example : (s.minimum ?? 1);
      case 'boolean':
        return true;
      default:
        if (isDateField(name, s)) return '2026-03-01';
        if (s.format === 'uuid' || /Id$/.test(name)) return randomUUID();
        if (/password/i.test(name)) return 'a-long-and-Unusual-passphrase-7261';
        if (name === 'idNumber') return '11010519491231002X';
        if (name === 'username') return `user.${process.pid}`;
        return typeof s.example === 'string' ? s.example : '文本';
    }
  };

  /** Every way to break one field at `path` (set through `put`) given its schema. */
  const fieldAttacks = (raw: Schema | undefined, name: string, path: string, required: boolean, put: (value: unknown) => string, remove: () => string): Hostile[] => {
    const s = resolve(raw);
    const out: Hostile[] = [];
    const add = (what: string, value: unknown, mayPass = false) => out.push({ what: `${path} ${what}`, body: put(value), field: path, mayPass });
    if (required) out.push({ what: `${path} missing`, body: remove(), field: path });
    add('null', null, !required);
    if (s.enum?.length) {
      add('unknown enum value', 'no_such_value');
      add('NUL in an enum value', `${String(s.enum[0])}\u0000`);
      add('number', 12345);
      return out;
    }
    switch (s.type) {
      case 'object': {
        add('a string', 'not an object');
        add('a list', []);
        add('a number', 7);
        out.push({ what: `${path} nested 20,000 levels deep`, body: put('__DEEP__').replace('"__DEEP__"', deepObject(20_000)), field: path });
        out.push({ what: `${path} nested in 100,000 lists`, body: put('__DEEP__').replace('"__DEEP__"', deepArray(100_000)), field: path });
        const base = sample(s, name) as Record<string, unknown>;
        for (const key of PROTOTYPE_KEYS) {
          const withKey = clone(base);
          setOwn(withKey, key, { polluted: true });
          out.push({ what: `${path} with a "${key}" key`, body: put(withKey), field: `${path}.${key}` });
        }
        for (const [prop, child] of Object.entries(s.properties ?? {})) {
          const childPath = `${path}.${prop}`;
          const required = (s.required ?? []).includes(prop);
          out.push(
            ...fieldAttacks(
              child,
              prop,
              childPath,
              required,
              (v) => {
                const o = clone(base);
                setOwn(o, prop, v);
                return put(o);
              },
              () => {
                const o = clone(base);
                delete o[prop];
                return put(o);
              },
            ),
          );
        }
        return out;
      }
      case 'array': {
        add('a string', 'not a list');
        add('an object', { a: 1 });
        add('holding null', [null]);
        const item = resolve(s.items);
        if (item.type === 'object') {
          const element = sample(item, name);
          out.push(
            ...fieldAttacks(
              item,
              name,
              `${path}[0]`,
              false,
              (v) => put([v]),
              () => put([element]),
            ).filter((h) => !h.what.endsWith(' null')),
          );
        } else {
          add('holding NUL text', [NUL]);
          add('holding a lone surrogate', [LONE_SURROGATE]);
          add('holding a number', [12345]);
          if (isDateField(name, item) || isDateField(name, s)) for (const d of BAD_DATES) add(`holding the date ${d}`, [d]);
        }
        return out;
      }
      case 'integer':
      case 'number':
        add('a string', '1250');
        add('fractional', 1.5);
        add('negative', -1);
        add('beyond a safe integer', 1e20);
        add('an object', { a: 1 });
        return out;
      case 'boolean':
        add('a string', 'true');
        return out;
      default:
        add('with NUL', NUL);
        add('with a lone surrogate', LONE_SURROGATE);
        add('100,001 characters long', HUGE);
        add('a number', 12345);
        add('an object', { a: 1 });
        add('a list', ['a']);
        if (isDateField(name, s)) for (const d of BAD_DATES) add(`the date ${d}`, d);
        return out;
    }
  };

  /** Whole-body attacks, for every route that takes a body or not. */
  const bodyAttacks = (base: Record<string, unknown>): Hostile[] => {
    const json = JSON.stringify(base);
    const withKey = (key: string) => json.replace(/^\{/, `{${JSON.stringify(key)}:{"polluted":true}${json === '{}' ? '' : ','}`);
    return [
      { what: 'an unknown field', body: withKey('zzUnknownField'), field: 'zzUnknownField' },
      ...PROTOTYPE_KEYS.map((key) => ({ what: `a top-level "${key}" key`, body: withKey(key), field: key })),
      { what: 'a key holding NUL', body: withKey('a\u0000b'), field: 'a\u0000b (name)' },
      { what: 'nested 20,000 levels deep', body: deepObject(20_000), field: 'a' },
      { what: '100,000 nested lists', body: deepArray(100_000), field: '(body)' },
      { what: 'invalid UTF-8', body: Buffer.concat([Buffer.from('{"zz":"'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]), field: '(body)' },
      { what: 'not JSON', body: '{"a":', field: '(body)' },
      { what: 'a JSON string, not an object', body: '"text"', field: '(body)' },
      { what: 'a JSON list, not an object', body: '[]', field: '(body)' },
      { what: 'a lone surrogate in an unknown field', body: withKey('zz').replace('{"polluted":true}', '"\\ud800"'), field: 'zz' },
    ];
  };

  const concretePath = (path: string, params: Parameter[], override?: { name: string; value: string }) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (override?.name === name) return override.value;
      return name === 'role' ? 'mediator' : randomUUID();
    });

  // What the system records meanwhile on its own (a deadline job firing on a case opened earlier) is no request's doing.
  const eventCount = async () => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE metadata->'actor'->>'staffId' IS DISTINCT FROM 'system'`))[0].n);

  /** What is wrong with an answer to a hostile request, if anything. */
  function judge(route: string, h: Hostile, res: Response, stored: number): string[] {
    const wrong: string[] = [];
    const tag = `${route} ${h.what}: ${res.status}`;
    if (res.status >= 500) return [`${tag} (a server error) ${res.text.slice(0, 300)}`];
    if (res.status < 400) {
      if (!h.mayPass) wrong.push(`${tag}: accepted`);
      return wrong;
    }
    if (stored) wrong.push(`${tag}: ${stored} events stored by a refused request`);
    if (!String(res.headers['content-type']).startsWith('application/problem+json')) wrong.push(`${tag}: content-type ${res.headers['content-type']}`);
    if (!res.headers['x-correlation-id'] || res.body.correlationId !== res.headers['x-correlation-id']) wrong.push(`${tag}: no correlation id`);
    if (h.mayPass && res.status !== 400) return wrong;
    if (res.status !== 400) return [...wrong, `${tag}: expected 400 ${JSON.stringify(res.body).slice(0, 300)}`];
    const fields: string[] = (res.body.errors ?? []).map((e: { field: string }) => e.field);
    // An item of a list that is not an object at all is named by the list (`claimants`: each item must be an object).
    const list = /^(.*)\[\d+\]$/.exec(h.field)?.[1];
    const names = (f: string) => f === h.field || f === list || f.startsWith(`${h.field}.`) || f.startsWith(`${h.field}[`) || f.startsWith(`${h.field} `);
    if (!fields.some(names)) wrong.push(`${tag}: does not name ${h.field} (named: ${fields.join(', ').slice(0, 200)})`);
    return wrong;
  }

  beforeAll(async () => {
    t = await startTestApp();
    // Every role at once, so each request passes the role check and reaches validation.
    const account = { username: 'every.role', displayName: '全部角色', password: 'every-role-Passphrase-9341', roles: ROLES };
    await (await adminOf(t)).post('/api/staff').send(account).expect(201);
    everyone = await login(t, account.username, account.password);
    doc = (await t.http().get('/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(async () => {
    await t.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

  it('reads the routes from /docs-json', () => {
    const routes = operations().map((o) => `${o.method} ${o.path}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/disputes', 'GET /api/disputes', 'POST /api/workers', 'POST /api/auth/login', 'GET /api/disputes/{id}']));
    expect(operations().filter((o) => o.op.requestBody).length).toBeGreaterThanOrEqual(15);
  });

  it('refuses every hostile body on every POST, PUT and PATCH route: 400 naming the field, nothing stored', async () => {
    const wrong: string[] = [];
    let sent = 0;
    for (const { path, method, op } of operations().filter((o) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(o.method))) {
      const params = op.parameters ?? [];
      const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
      const base = (op.requestBody ? sample(schema, 'body') : {}) as Record<string, unknown>;
      const attacks = [...bodyAttacks(base)];
      for (const [prop, child] of Object.entries(schema.properties ?? {})) {
        attacks.push(
          ...fieldAttacks(
            child,
            prop,
            prop,
            (schema.required ?? []).includes(prop),
            (v) => {
              const o = clone(base);
              setOwn(o, prop, v);
              return JSON.stringify(o);
            },
            () => {
              const o = clone(base);
              delete o[prop];
              return JSON.stringify(o);
            },
          ),
        );
      }
      for (const p of params.filter((p) => p.in === 'path')) {
        for (const value of ['not-a-uuid', encodeURIComponent(NUL)]) {
          attacks.push({ what: `path ${p.name}=${value}`, path: concretePath(path, params, { name: p.name, value }), body: JSON.stringify(base), field: p.name });
        }
      }
      for (const h of attacks) {
        const before = await eventCount();
        const url = h.path ?? concretePath(path, params);
        const res = await everyone[method.toLowerCase() as 'post' | 'put' | 'delete'](url).set('Content-Type', 'application/json').serialize((raw: unknown) => raw as string).send(h.body as string);
        sent += 1;
        wrong.push(...judge(`${method} ${path}`, h, res, (await eventCount()) - before));
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });

  it('refuses every hostile query and path on every GET route: 400 naming the parameter', async () => {
    const wrong: string[] = [];
    const before = await eventCount();
    for (const { path, op } of operations().filter((o) => o.method === 'GET')) {
      const params = op.parameters ?? [];
      const query = params.filter((p) => p.in === 'query');
      const valid = (except?: string) =>
        query
          .filter((p) => p.required && p.name !== except)
          .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name)))}`);
      const attacks: Hostile[] = [{ what: 'an unknown parameter', query: [...valid(), 'zzUnknown=1'].join('&'), field: 'zzUnknown' }];
      for (const p of query) {
        const s = resolve(p.schema);
        const q = (...pairs: string[]) => [...valid(p.name), ...pairs].join('&');
        const put = (v: string) => q(`${p.name}=${encodeURIComponent(v)}`);
        attacks.push(
          { what: `${p.name} with NUL`, query: put(NUL), field: p.name },
          { what: `${p.name} 5,000 characters long`, query: put('9'.repeat(5000)), field: p.name },
          { what: `${p.name} twice`, query: q(`${p.name}=1`, `${p.name}=2`), field: p.name },
          { what: `${p.name} as an object`, query: q(`${p.name}[a]=1`), field: p.name },
        );
        if (p.required) attacks.push({ what: `${p.name} missing`, query: q(), field: p.name });
        if (s.enum?.length) attacks.push({ what: `${p.name} unknown value`, query: put('no_such_value'), field: p.name });
        if (s.type === 'integer' || s.type === 'number') for (const v of ['abc', '-1', '1.5', '1e400']) attacks.push({ what: `${p.name}=${v}`, query: put(v), field: p.name });
        if (isDateField(p.name, s)) for (const d of BAD_DATES) attacks.push({ what: `${p.name}=${d}`, query: put(d), field: p.name });
      }
      for (const p of params.filter((p) => p.in === 'path')) {
        for (const value of ['not-a-uuid', encodeURIComponent(NUL)]) {
          attacks.push({ what: `path ${p.name}=${value}`, path: concretePath(path, params, { name: p.name, value }), query: valid().join('&'), field: p.name });
        }
      }
      for (const h of attacks) {
        const url = `${h.path ?? concretePath(path, params)}?${h.query ?? ''}`;
        const res = await everyone.get(url);
        wrong.push(...judge(`GET ${path}`, h, res, 0));
      }
    }
    expect(wrong).toEqual([]);
    expect(await eventCount()).toBe(before);
  });

  it('has words in Chinese and English for every check any DTO makes', () => {
    // The app is loaded, so every DTO has registered its checks. A new kind of check needs its
    // messages in http/field-messages.ts (or its own `context: { zh, en }`), or a clerk reads English.
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { type: string; constraintCls?: object; context?: { zh?: unknown }; target: { name?: string }; propertyName: string }[]>;
      getTargetValidatorConstraints(cls: object): { name?: string }[];
    };
    const unworded = new Set<string>();
    for (const list of storage.validationMetadatas.values()) {
      for (const m of list) {
        // Settings (AppConfig) are checked at start-up, for the operator, not answered to a clerk.
        if (/Config$/.test(m.target.name ?? '') || m.type === 'conditionalValidation' || typeof m.context?.zh === 'string') continue;
        const name = m.constraintCls ? (storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name ?? m.type) : m.type;
        if (!CONSTRAINT_MESSAGES[name]) unworded.add(`${m.target.name}.${m.propertyName}: ${name}`);
      }
    }
    expect(storage.validationMetadatas.size).toBeGreaterThan(10);
    expect([...unworded]).toEqual([]);
  });

  it('documents a response schema for every 2xx answer (a client can be generated from /docs-json)', () => {
    const undocumented = operations()
      .filter(({ op }) => {
        const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (ok.length === 0) return true;
        // JSON, or another documented type with its schema (the audit trail's JSON Lines, a CSV).
        return ok.some(([status, r]) => status !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema));
      })
      .map((o) => `${o.method} ${o.path}`);
    expect(undocumented).toEqual([]);
  });
});
