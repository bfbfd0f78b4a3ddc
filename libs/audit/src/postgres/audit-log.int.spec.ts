import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { runMigrations } from '#platform';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { verifyOffline } from '../offline-verify.js';
import { verifyConsistency, verifyInclusion } from '../merkle.js';
import { recomputeHash } from '../trail-event.js';
import { AuditLog, LogNotIntact } from './audit-log.js';
import { readTrail } from './log-reader.js';

const key = generateKeyPairSync('ed25519').privateKey;
const meta = { actor: { staffId: 's-1', role: 'fund_officer' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00.000Z', schemaVersion: 1 };
const ev = (type: string, data: unknown): NewEvent => ({ id: randomUUID(), type, data, metadata: meta });

describe('the audit over the PostgreSQL log: tampering named by stream, revision and event', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let audit: AuditLog;

  beforeEach(async () => {
    db = await createTestDatabase('audit');
    await runMigrations(db.url);
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    store = new PostgresEventStore({ pool });
    audit = new AuditLog(pool);
    // Three funds' worth of history, interleaved in the log.
    for (let i = 0; i < 3; i++) {
      for (const s of ['fund-a', 'fund-b', 'fund-c']) await store.appendToStream(s, [ev('Donated', { amountFen: 10_000 * (i + 1), note: `${s} ${i}` })], { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
    }
  });
  afterEach(async () => {
    await store.close();
    await pool.end();
    await db.drop();
  });

  const row = async (stream: string, revision: number) =>
    (await pool.query<{ event_id: string; hash: string }>(`SELECT event_id, hash FROM es_events WHERE stream_name = $1 AND stream_revision = $2`, [stream, revision])).rows[0];
  const exportLines = async () => {
    const lines: string[] = [];
    for await (const e of readTrail(pool)) lines.push(JSON.stringify(e));
    return lines;
  };
  const first = <T extends { problems: readonly { kind: string; streamName: string | null; revision: string | null; eventId: string | null }[] }>(r: T) => {
    const p = r.problems[0];
    return p && { kind: p.kind, streamName: p.streamName, revision: p.revision, eventId: p.eventId };
  };

  it('verifies an untouched log, signs checkpoints that extend each other and proves an event included', async () => {
    const cp1 = (await audit.checkpoint(key, new Date('2026-03-02T00:00:00Z'), 'system'))!;
    await store.appendToStream('fund-a', [ev('Donated', { amountFen: 5 })], { expectedRevision: 2n });
    const cp2 = (await audit.checkpoint(key, new Date('2026-03-03T00:00:00Z'), 'system'))!;
    expect([cp1.checkpoint.size, cp2.checkpoint.size]).toEqual([9, 10]);
    expect(await audit.checkpoint(key, new Date(), 'system', { onlyIfGrown: true })).toBeNull();

    const report = await audit.verify();
    expect(report).toMatchObject({ ok: true, eventsChecked: 10, streamsChecked: 3, problems: [] });
    expect(report.checkpointsChecked.map((c) => c.matches)).toEqual([true, true]);

    const consistency = await audit.consistencyProof(cp1.id, cp2.id);
    if (typeof consistency === 'string') throw new Error(consistency);
    const hex = (h: string) => Buffer.from(h, 'hex');
    expect(verifyConsistency(9, 10, hex(cp1.checkpoint.rootHash), hex(cp2.checkpoint.rootHash), consistency.proof.map(hex))).toBe(true);

    const target = await row('fund-b', 1);
    const inclusion = await audit.inclusionProof(target.event_id, cp1.id);
    if (typeof inclusion === 'string') throw new Error(inclusion);
    expect(verifyInclusion(hex(inclusion.leafHash), inclusion.leafIndex, 9, inclusion.auditPath.map(hex), hex(cp1.checkpoint.rootHash))).toBe(true);

    const offline = await verifyOffline([await audit.checkpointFile(cp1), await audit.checkpointFile(cp2)], await exportLines());
    expect(offline).toMatchObject({ ok: true, problems: [] });
    expect(offline.consistency).toEqual([expect.objectContaining({ proven: true, fromSize: 9, toSize: 10 })]);
  });

  it('signs checkpoints while appends run, and never anchors an event that a later commit could precede', async () => {
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 40; i++) await store.appendToStream(`busy-${w}`, [ev('Donated', { amountFen: i })], { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
    });
    const signing = (async () => {
      for (let i = 0; i < 5; i++) await audit.checkpoint(key, new Date(), 'system');
    })();
    await Promise.all([...writers, signing]);
    await audit.checkpoint(key, new Date(), 'system');
    const report = await audit.verify();
    expect(report).toMatchObject({ ok: true, eventsChecked: 9 + 160, problems: [] });
    expect(report.checkpointsChecked.every((c) => c.matches)).toBe(true);
  });

  it('names an event whose amount was changed by a direct UPDATE; the offline verifier with an earlier checkpoint fails on it', async () => {
    const cp = (await audit.checkpoint(key, new Date(), 'system'))!;
    const target = await row('fund-b', 1);
    await pool.query(`UPDATE es_events SET data = jsonb_set(data, '{amountFen}', '2000000') WHERE event_id = $1`, [target.event_id]);

    expect(first(await audit.verify())).toEqual({ kind: 'hash_mismatch', streamName: 'fund-b', revision: '1', eventId: target.event_id });
    expect(first(await audit.verify({ stream: 'fund-b' }))).toEqual({ kind: 'hash_mismatch', streamName: 'fund-b', revision: '1', eventId: target.event_id });
    const offline = await verifyOffline([await audit.checkpointFile(cp)], await exportLines());
    expect(offline.ok).toBe(false);
    expect(first(offline)).toEqual({ kind: 'hash_mismatch', streamName: 'fund-b', revision: '1', eventId: target.event_id });
    // And no later checkpoint blesses the altered log.
    await store.appendToStream('fund-b', [ev('Donated', { amountFen: 1 })], { expectedRevision: 2n });
    await expect(audit.checkpoint(key, new Date(), 'system')).resolves.toBeTruthy(); // the new event is fine; the edit is below the anchored part
    expect(first(await audit.verify())).toEqual({ kind: 'hash_mismatch', streamName: 'fund-b', revision: '1', eventId: target.event_id });
  });

  it('names a stream’s deleted last event, which its own chain cannot show', async () => {
    const cp = (await audit.checkpoint(key, new Date(), 'system'))!;
    const last = await row('fund-a', 2);
    await pool.query(`DELETE FROM es_events WHERE event_id = $1`, [last.event_id]);

    expect(first(await audit.verify())).toEqual({ kind: 'anchored_event_missing', streamName: 'fund-a', revision: '2', eventId: last.event_id });
    expect(first(await audit.verify({ stream: 'fund-a' }))).toEqual({ kind: 'anchored_event_missing', streamName: 'fund-a', revision: '2', eventId: last.event_id });
    const offline = await verifyOffline([await audit.checkpointFile(cp)], await exportLines());
    expect(offline.ok).toBe(false);
    expect(offline.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['head_mismatch', 'root_mismatch']));
    expect(offline.problems.find((p) => p.kind === 'head_mismatch')).toMatchObject({ streamName: 'fund-a', revision: '2', eventId: last.event_id });
  });

  it('names the first event of a stream rewritten and re-hashed after a checkpoint', async () => {
    const cp = (await audit.checkpoint(key, new Date(), 'system'))!;
    const { rows } = await pool.query(`SELECT * FROM es_events WHERE stream_name = 'fund-c' ORDER BY stream_revision`);
    let prev = '';
    for (const r of rows) {
      const data = r.stream_revision === '1' ? { ...r.data, amountFen: 1 } : r.data;
      const hash = recomputeHash({ streamName: r.stream_name, revision: r.stream_revision, id: r.event_id, type: r.type, data, metadata: r.metadata, prevHash: prev });
      await pool.query(`UPDATE es_events SET data = $2, hash = $3, prev_hash = $4 WHERE event_id = $1`, [r.event_id, data, hash, prev]);
      prev = hash;
    }
    const rewritten = rows[1].event_id;
    expect(first(await audit.verify())).toEqual({ kind: 'differs_from_anchor', streamName: 'fund-c', revision: '1', eventId: rewritten });
    const offline = await verifyOffline([await audit.checkpointFile(cp)], await exportLines());
    expect(offline.ok).toBe(false);
    expect(offline.problems.find((p) => p.kind === 'head_mismatch')).toMatchObject({ streamName: 'fund-c', revision: '2', eventId: rows[2].event_id });
    // A later checkpoint continues the anchored tree, so it never adopts the rewrite either.
    await expect(audit.checkpoint(key, new Date(), 'system')).resolves.toBeTruthy();
    expect((await audit.verify()).checkpointsChecked.map((c) => c.matches)).toEqual([false, false]);
  });

  it('names an event inserted inside the signed part of the log, and refuses to sign a new event that is not intact', async () => {
    await audit.checkpoint(key, new Date(), 'system');
    const { rows } = await pool.query<{ tx: string }>(`SELECT tx_id::text AS tx FROM es_events ORDER BY tx_id, seq LIMIT 1`);
    const id = randomUUID();
    const forged = { streamName: 'fund-x', revision: '0', id, type: 'Donated', data: { amountFen: 1 }, metadata: meta, prevHash: '' };
    await pool.query(
      `INSERT INTO es_events (tx_id, seq, event_id, stream_name, stream_revision, type, data, metadata, hash, prev_hash) VALUES ($1::text::xid8, 0, $2, 'fund-x', 0, 'Donated', $3, $4, $5, '')`,
      [rows[0].tx, id, forged.data, meta, recomputeHash(forged)],
    );
    expect(first(await audit.verify())).toEqual({ kind: 'not_anchored', streamName: 'fund-x', revision: '0', eventId: id });

    await store.appendToStream('fund-a', [ev('Donated', { amountFen: 7 })], { expectedRevision: 2n });
    const fresh = await row('fund-a', 3);
    await pool.query(`UPDATE es_events SET data = '{"amountFen": 700}' WHERE event_id = $1`, [fresh.event_id]);
    const refused = await audit.checkpoint(key, new Date(), 'system').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LogNotIntact);
    expect((refused as LogNotIntact).problem).toMatchObject({ kind: 'hash_mismatch', streamName: 'fund-a', revision: '3', eventId: fresh.event_id });
  });
});
