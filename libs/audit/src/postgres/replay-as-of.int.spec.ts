import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { PostgresEventStore, canonicalEventBody, chainHash, type NewEvent } from '#event-store';
import { runMigrations } from '#platform';
import pg from 'pg';
import { fundHistory } from '../../../../bench/support/fund-history.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { auditedAidFund } from '../replay/aid-fund.audited.js';
import { packState, unpackState } from '../snapshot.js';
import { AuditLog } from './audit-log.js';
import { replayAsOf, type AsOfReplay, type ReplayOptions } from './replay-as-of.js';

const key = generateKeyPairSync('ed25519').privateKey;
const meta = { actor: { staffId: 's-1', role: 'fund_officer' }, correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T00:00:00.000Z', schemaVersion: 1 };
const EVERY = 50;
const EVENTS = 230;

/**
 * The as-of replay of an aid fund over a real PostgreSQL log, with and without its signed
 * snapshots: the same answer at every moment, and a snapshot that no longer checks out
 * (its state changed, its events rewritten, another key) passed over and named.
 */
describe('as-of replay from signed snapshots', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  const fundId = randomUUID();
  const stream = auditedAidFund.streamOf(fundId);
  /** After each append: the position of its last event and an instant read from the server. */
  const moments: { revision: number; position: string; instant: string }[] = [];
  const withSnapshots: ReplayOptions = { snapshots: { key, every: EVERY } };

  beforeAll(async () => {
    db = await createTestDatabase('replay');
    await runMigrations(db.url);
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    store = new PostgresEventStore({ pool });
    const history = [...fundHistory(fundId, EVENTS)];
    for (let from = 0; from < history.length; from += 7) {
      const batch: NewEvent[] = history.slice(from, from + 7).map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: meta }));
      const r = await store.appendToStream(stream, batch, { expectedRevision: from === 0 ? 'no_stream' : BigInt(from - 1) });
      const { rows } = await pool.query<{ now: Date }>(`SELECT max(recorded_at) AS now FROM es_events`);
      moments.push({ revision: from + batch.length - 1, position: r.position, instant: rows[0].now.toISOString() });
      await store.appendToStream(`other-${from}`, [{ id: randomUUID(), type: 'Donated', data: { amountFen: 1 }, metadata: meta }], { expectedRevision: 'no_stream' });
    }
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await db.drop();
  });

  const replay = (asOf?: string, options: ReplayOptions = withSnapshots) => replayAsOf(pool, auditedAidFund, fundId, asOf, options) as Promise<AsOfReplay<unknown>>;
  const json = (r: AsOfReplay<unknown>) => JSON.parse(JSON.stringify({ state: r.state, invariants: r.invariants, lastEvent: r.lastEvent }));
  const snapshots = async () => (await pool.query<{ r: string }>(`SELECT stream_revision::text AS r FROM audit_snapshots ORDER BY stream_revision`)).rows.map((x) => x.r);

  it('answers at every moment exactly what a replay from the first event answers, folding at most one interval of events', async () => {
    expect(moments[0].position).toMatch(/^\d+:\d+$/);
    const built = await replay(undefined, { snapshots: { key, every: EVERY, take: 'all' } });
    expect(built.snapshotsTaken).toBe(4);
    expect(await snapshots()).toEqual(['49', '99', '149', '199']);
    for (const m of moments) {
      for (const asOf of [m.position, m.instant]) {
        const plain = await replay(asOf, {});
        const fast = await replay(asOf);
        expect(json(fast)).toEqual(json(plain));
        expect(plain.lastEvent?.revision).toBe(String(m.revision));
        const expected = m.revision >= EVERY - 1 ? String(Math.floor((m.revision + 1) / EVERY) * EVERY - 1) : null;
        expect([fast.snapshot?.revision ?? null, fast.snapshotsRejected]).toEqual([expected, []]);
        expect(fast.eventsFolded).toBe(m.revision - Number(expected ?? -1));
        expect(fast.chain).toMatchObject({ intact: true, fromRevision: fast.eventsFolded ? String(Number(expected ?? -1) + 1) : null });
        expect(fast.allHeld).toBe(true);
      }
    }
    // Before the first event: nothing folded, no state; a stream that never was: null.
    expect(await replay('2000-01-01T00:00:00Z')).toMatchObject({ eventsFolded: 0, state: null, lastEvent: null, snapshot: null });
    expect(await replayAsOf(pool, auditedAidFund, randomUUID(), undefined, withSnapshots)).toBeNull();
  });

  it('takes the latest snapshot a replay folds past, never one it started from or one already there', async () => {
    await pool.query(`DELETE FROM audit_snapshots`);
    const middle = moments.find((m) => m.revision >= 120)!;
    expect((await replay(middle.position)).snapshotsTaken).toBe(1);
    expect(await snapshots()).toEqual(['99']);
    const now = await replay();
    expect([now.snapshot?.revision, now.snapshotsTaken]).toEqual(['99', 1]);
    expect(await snapshots()).toEqual(['99', '199']);
    expect((await replay()).snapshotsTaken).toBe(0);
    expect((await replay(undefined, { checkChain: false, snapshots: { key, every: 10 } })).snapshotsTaken).toBe(0); // nothing unchecked is kept
    await pool.query(`DELETE FROM audit_snapshots`);
    expect((await replay(undefined, { snapshots: { key, every: EVERY, take: 'all' } })).snapshotsTaken).toBe(4);
  });

  it('passes over a snapshot whose stored state was changed, names it, and answers from the events', async () => {
    const truth = json(await replay(undefined, {}));
    const { rows } = await pool.query<{ state: Buffer }>(`SELECT state FROM audit_snapshots WHERE stream_name = $1 AND stream_revision = 199`, [stream]);
    const forged = unpackState(rows[0].state) as { incomeFen: number };
    forged.incomeFen += 1_000_000_00;
    await pool.query(`UPDATE audit_snapshots SET state = $2 WHERE stream_name = $1 AND stream_revision = 199`, [stream, packState(forged)]);

    const r = await replay();
    expect(json(r)).toEqual(truth);
    expect(r.snapshot?.revision).toBe('149');
    expect((await new AuditLog(pool).verify()).ok).toBe(true); // verification never reads snapshots
    expect(r.snapshotsRejected).toEqual([{ revision: '199', reason: expect.objectContaining({ en: expect.stringMatching(/state was changed after it was signed/) }) }]);
    // Re-signing needs the key: a body edited to match the forged state fails the signature.
    await pool.query(`UPDATE audit_snapshots SET body = jsonb_set(body, '{stateHash}', to_jsonb(encode(sha256(state), 'hex'))) WHERE stream_name = $1 AND stream_revision = 199`, [stream]);
    expect((await replay()).snapshotsRejected[0].reason.en).toMatch(/signature does not match/);
    // A replay with another key trusts none of them.
    const other = await replay(undefined, { snapshots: { key: generateKeyPairSync('ed25519').privateKey, every: 0 } });
    expect([other.snapshot, other.snapshotsRejected.map((s) => s.reason.en)]).toEqual([null, expect.arrayContaining([expect.stringMatching(/another key/)])]);
    expect(json(other)).toEqual(truth);
    await pool.query(`DELETE FROM audit_snapshots WHERE stream_name = $1 AND stream_revision = 199`, [stream]);
  });

  it('names an event changed after the snapshot (the chain check from the snapshot on), and a history rewritten under one', async () => {
    await replay(undefined, { snapshots: { key, every: EVERY, take: 'all' } });
    const row = async (revision: number) => (await pool.query(`SELECT * FROM es_events WHERE stream_name = $1 AND stream_revision = $2`, [stream, revision])).rows[0];
    const edited = await row(210);
    await pool.query(`UPDATE es_events SET data = jsonb_set(data, '{fundId}', '"x"') WHERE event_id = $1`, [edited.event_id]);
    const naive = await replay();
    expect(naive.snapshot?.revision).toBe('199');
    expect(naive.chain.intact).toBe(false);
    expect(naive.chain.problems[0]).toMatchObject({ kind: 'hash_mismatch', revision: '210', eventId: edited.event_id });

    // Re-chained from revision 120 on (every later hash recomputed): the stream is consistent in itself,
    // but the snapshots taken on the old chain no longer rest on it.
    let prev = (await row(119)).hash as string;
    for (let r = 120; r < EVENTS; r++) {
      const e = await row(r);
      const data = r === 120 ? { ...e.data, reference: 'rewritten' } : e.data;
      const hash = chainHash(prev, stream, BigInt(r), canonicalEventBody({ id: e.event_id, type: e.type, data, metadata: e.metadata }));
      await pool.query(`UPDATE es_events SET data = $2, hash = $3, prev_hash = $4 WHERE event_id = $1`, [e.event_id, data, hash, prev]);
      prev = hash;
    }
    const rewritten = await replay();
    expect(rewritten.snapshot?.revision).toBe('99');
    expect(rewritten.snapshotsRejected.map((s) => [s.revision, s.reason.en])).toEqual([
      ['199', expect.stringMatching(/no longer has the hash it had/)],
      ['149', expect.stringMatching(/no longer has the hash it had/)],
    ]);
    // The rejected snapshots stay as evidence: a replay does not write over them.
    expect(rewritten.snapshotsTaken).toBe(0);
    expect(await snapshots()).toEqual(['49', '99', '149', '199']);
  });

  it('passes over snapshots of an older state shape, and replaces them', async () => {
    const reshaped = { ...auditedAidFund, stateVersion: 2 };
    const before = await snapshots();
    const r = await replayAsOf(pool, reshaped, fundId, undefined, { snapshots: { key, every: EVERY, take: 'all' } });
    expect([r?.snapshot, r?.snapshotsRejected, r?.eventsFolded, r?.snapshotsTaken]).toEqual([null, [], EVENTS, before.length]);
    const { rows } = await pool.query<{ v: number }>(`SELECT DISTINCT state_version AS v FROM audit_snapshots`);
    expect(rows).toEqual([{ v: 2 }]);
    expect((await replayAsOf(pool, reshaped, fundId, undefined, withSnapshots))?.snapshot?.revision).toBe('199');
  });
});
