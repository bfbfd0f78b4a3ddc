import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, dataDirProblem, loadConfig, trustProxySetting } from './app-config.js';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './.data', EVENT_STORE: 'postgres', LOG_LEVEL: 'info', WITH_WORKER: true });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('reads the values given', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', WITH_WORKER: 'false', LOG_LEVEL: 'debug' });
    expect(c).toMatchObject({ PORT: 8080, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', WITH_WORKER: false, LOG_LEVEL: 'debug' });
  });

  it('names the bad setting, its value and what is accepted', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT="abc": must be a whole number from 1 to 65535/);
  });

  it('reports every bad setting at once and hides secrets', () => {
    try {
      loadConfig({ PORT: '70000', EVENT_STORE: 'mongo', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT="70000"/);
      expect(problems).toMatch(/EVENT_STORE="mongo": must be one of: postgres, eventstoredb/);
      expect(problems).toMatch(/DATABASE_URL="mysql:\/\/x"/);
      expect(problems).toMatch(/ADMIN_PASSWORD=\(hidden\)/);
      expect(problems).not.toMatch(/short/);
      expect(problems).toMatch(/ADMIN_USERNAME and ADMIN_PASSWORD must be set together/);
    }
  });

  it('checks the audit settings: a whole number of minutes, and an Ed25519 key (hidden in the message)', () => {
    expect(loadConfig({}).AUDIT_CHECKPOINT_MINUTES).toBe(60);
    expect(loadConfig({ AUDIT_CHECKPOINT_MINUTES: '0' }).AUDIT_CHECKPOINT_MINUTES).toBe(0);
    expect(() => loadConfig({ AUDIT_CHECKPOINT_MINUTES: '1.5' })).toThrow(/AUDIT_CHECKPOINT_MINUTES="1.5": must be a whole number of minutes/);
    expect(() => loadConfig({ AUDIT_CHECKPOINT_MINUTES: '-1' })).toThrow(/AUDIT_CHECKPOINT_MINUTES="-1"/);
    expect(loadConfig({}).AUDIT_SNAPSHOT_EVERY).toBe(5_000);
    expect(loadConfig({ AUDIT_SNAPSHOT_EVERY: '0' }).AUDIT_SNAPSHOT_EVERY).toBe(0);
    expect(() => loadConfig({ AUDIT_SNAPSHOT_EVERY: 'often' })).toThrow(/AUDIT_SNAPSHOT_EVERY="often": must be a whole number of events/);
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(loadConfig({ AUDIT_SIGNING_KEY: pem }).AUDIT_SIGNING_KEY).toBe(pem);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: rsa })).toThrow(/AUDIT_SIGNING_KEY=\(hidden\): must be an Ed25519 private key/);
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: 'not a key' })).toThrow(/AUDIT_SIGNING_KEY=\(hidden\)/);
  });

  it('needs EVENTSTORE_URL for the EventStoreDB store', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(/needs EVENTSTORE_URL/);
  });

  it('trusts no proxy unless TRUST_PROXY names the hops or the addresses', () => {
    expect(trustProxySetting(loadConfig({}).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY)).toBe(1);
    expect(trustProxySetting(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).TRUST_PROXY)).toEqual(['loopback', '10.0.0.0/8', '::1']);
    for (const bad of ['true', '*', '0.0.0.0/99', 'proxy.example', '11', 'loopback,,']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(new RegExp(`TRUST_PROXY=${JSON.stringify(bad).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: must be the number of proxies`));
    }
  });
});

describe('DATA_DIR at start-up', () => {
  let scratch: string;
  beforeAll(() => (scratch = mkdtempSync(join(tmpdir(), 'data-dir-'))));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses a folder that cannot be created, at once and naming the setting (/proc/x hung before)', () => {
    const started = Date.now();
    expect(dataDirProblem(loadConfig({ DATA_DIR: '/proc/x' }))).toMatch(/^DATA_DIR="\/proc\/x": cannot be created or written \(ENOENT\)/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a path that is a file', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    expect(dataDirProblem(loadConfig({ DATA_DIR: join(file, 'data') }))).toMatch(/cannot be created or written \(ENOTDIR\)/);
  });

  it('creates a missing folder, parents included, and leaves nothing else in it', () => {
    const dir = join(scratch, 'new', 'data');
    expect(dataDirProblem(loadConfig({ DATA_DIR: dir }))).toBeNull();
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is not needed when the database and the token key come from settings', () => {
    expect(dataDirProblem(loadConfig({ DATA_DIR: '/proc/x', DATABASE_URL: 'postgres://postgres@127.0.0.1/x', JWT_SECRET: 'x'.repeat(32) }))).toBeNull();
  });
});
