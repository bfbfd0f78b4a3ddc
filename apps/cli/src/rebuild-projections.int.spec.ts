import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { disputeStreamName } from '#domain';
import { comparePositions, PostgresEventStore, type NewEvent } from '#event-store';
import { dataSourceOptions, runMigrations } from '#platform';
import { failedEvent, readCheckpoint, readFailure, recordFailure } from '#projections';
import { ALL_PROJECTIONS, disputeCasesProjection } from '#read-models';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { rebuildProjections } from './rebuild-projections.js';
import { skipFromCli } from './skip-event.js';

/** A case opened with a receipt date that no calendar has: what PostgreSQL refuses for received_on. */
function caseOpened(caseId: string, receivedAt: string): NewEvent {
  return {
    id: randomUUID(),
    type: 'DisputeCaseOpened',
    data: {
      caseId,
      title: '拖欠工资案',
      category: 'unpaid_wages',
      description: '工资未发',
      application: { kind: 'written', receivedAt },
      respondent: { employerId: null, name: '某公司' },
      claimants: [{ claimantId: 'c1', workerId: null, name: '张三' }],
      mediatorId: null,
      openedBy: 'staff-li',
      openedAt: '2026-03-02T01:00:00.000Z',
    },
    metadata: { actor: { staffId: 'staff-li', role: 'mediator' }, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-03-02T01:00:00.000Z', schemaVersion: 1 },
  };
}

describe('npm run projections:rebuild', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('rebuild_cli');
    await runMigrations(db.url);
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    pool = new pg.Pool({ connectionString: db.url });
    pool.on('error', () => undefined); // the database drop may end a connection pool.end() is still closing
    store = new PostgresEventStore({ pool });
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await ds.destroy();
    await db.drop();
  });

  /** Waits until readers may see the store's last event (the xmin guard is cluster-wide: another test's transaction can hold readers back a moment). */
  const visible = async () => {
    const [last] = await pool.query<{ tx: string; seq: string }>(`SELECT tx_id::text AS tx, seq FROM es_events ORDER BY tx_id DESC, seq DESC LIMIT 1`).then((r) => r.rows);
    const deadline = Date.now() + 10_000;
    while (comparePositions(await store.headPosition(), `${last.tx}:${last.seq}`) < 0) {
      if (Date.now() > deadline) throw new Error('events not visible');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const capture = () => {
    const out = { log: [] as string[], error: [] as string[] };
    return { out, sink: { log: (l: string) => void out.log.push(l), error: (l: string) => void out.error.push(l) } };
  };

  it('rebuilds every projection and exits 0; then names the event it cannot apply, exits 1, and keeps the old rows', async () => {
    const good = randomUUID();
    await store.appendToStream(disputeStreamName(good), [caseOpened(good, '2026-03-01')], { expectedRevision: 'no_stream' });
    // Received in year 10000 (the ISO string says "+010000-01-01"): a date PostgreSQL takes, not a failure.
    const far = randomUUID();
    await store.appendToStream(disputeStreamName(far), [caseOpened(far, '9999-12-31T23:00:00-12:00')], { expectedRevision: 'no_stream' });
    await visible();
    const ok = capture();
    const code = await rebuildProjections(store, ds, ALL_PROJECTIONS, ok.sink);
    expect(ok.out.error).toEqual([]);
    expect(code).toBe(0);
    // Every projection was rebuilt, the last one last (a new projection joins the list without touching this test).
    expect(ok.out.log.filter((l) => l.startsWith('rebuilt ')).map((l) => l.split(':')[0])).toEqual(ALL_PROJECTIONS.map((p) => `rebuilt ${p.name}`));
    const rows = async () => ds.query(`SELECT id, received_on::text AS "receivedOn" FROM dispute_cases ORDER BY received_on`);
    expect(await rows()).toEqual([
      { id: good, receivedOn: '2026-03-01' },
      { id: far, receivedOn: '10000-01-01' },
    ]);

    const bad = randomUUID();
    const poison = caseOpened(bad, '2026-02-30');
    const appended = await store.appendToStream(disputeStreamName(bad), [poison], { expectedRevision: 'no_stream' });
    await visible();
    const failed = capture();
    expect(await rebuildProjections(store, ds, [disputeCasesProjection], failed.sink)).toBe(1);
    expect(failed.out.error.join('\n')).toContain(
      `rebuild of dispute-cases failed at event ${poison.id} (DisputeCaseOpened, stream ${disputeStreamName(bad)} revision 0, position ${appended.position}): date/time field value out of range`,
    );
    expect(failed.out.error.join('\n')).toContain('Nothing changed');
    expect((await rows()).map((r: { id: string }) => r.id)).toEqual([good, far]);
  });

  it('npm run projections:skip: refuses bad arguments (2) and a projection not stuck (1); skips the event on record (0), which a rebuild then passes over', async () => {
    await ds.query('DELETE FROM es_events');
    await ds.query('DELETE FROM projection_checkpoints');
    await ds.query('DELETE FROM projection_failures');
    const good = randomUUID();
    const before = await store.appendToStream(disputeStreamName(good), [caseOpened(good, '2026-03-01')], { expectedRevision: 'no_stream' });
    const bad = randomUUID();
    const poison = caseOpened(bad, '2026-02-30');
    const appended = await store.appendToStream(disputeStreamName(bad), [poison], { expectedRevision: 'no_stream' });
    await visible();
    const known = ALL_PROJECTIONS.map((p) => p.name);
    const args = ['--projection', 'dispute-cases', '--event', poison.id, '--reason', '手工写入，日期不存在'];

    const usage = capture();
    expect(await skipFromCli(store, ds, known, args.slice(0, 4), usage.sink)).toBe(2);
    expect(usage.out.error.join('\n')).toMatch(/^Missing: --reason\nUsage: npm run projections:skip/);
    expect(await skipFromCli(store, ds, known, ['--projection', 'no-such', ...args.slice(2)], capture().sink)).toBe(2);

    const notStuck = capture();
    expect(await skipFromCli(store, ds, known, args, notStuck.sink)).toBe(1);
    expect(notStuck.out.error).toEqual([
      'Not skipped (PROJECTION_NOT_STUCK): projection dispute-cases is not stuck on any event: there is nothing to skip (投影 dispute-cases 没有卡在任何事件上，不能跳过事件)',
    ]);

    // Where a runner leaves it: the case before applied, the failure on record naming the poison.
    await ds.query(`INSERT INTO projection_checkpoints (name, position) VALUES ('dispute-cases', $1)`, [before.position]);
    const [recorded] = await store.readAll({ fromPosition: before.position, limit: 1 });
    const at = new Date().toISOString();
    await recordFailure(ds, { projection: 'dispute-cases', event: failedEvent(recorded), error: 'date/time field value out of range: "2026-02-30"', since: at, lastAttemptAt: at, attempts: 2, nextAttemptAt: at, reportedBy: 'worker:1' });
    const skipped = capture();
    expect(await skipFromCli(store, ds, known, args, skipped.sink)).toBe(0);
    expect(skipped.out.log).toEqual([`skipped event ${poison.id} (DisputeCaseOpened, stream ${disputeStreamName(bad)} revision 0, position ${appended.position}) for dispute-cases: its checkpoint is now ${appended.position}; recorded in projection_skips`]);
    expect(skipped.out.error).toEqual([expect.stringMatching(/^warn: projection dispute-cases: event .* skipped for good by system \(system\).*\(correlation id [0-9a-f-]{36}\)$/)]);
    expect((await readCheckpoint(ds, 'dispute-cases')).position).toBe(appended.position);
    expect(await readFailure(ds, 'dispute-cases')).toBeNull();
    expect(await ds.query(`SELECT event_id, reason, skipped_by, skipped_by_role FROM projection_skips`)).toEqual([{ event_id: poison.id, reason: '手工写入，日期不存在', skipped_by: 'system', skipped_by_role: 'system' }]);

    const rebuilt = capture();
    expect(await rebuildProjections(store, ds, [disputeCasesProjection], rebuilt.sink)).toBe(0);
    expect(rebuilt.out.log).toContainEqual(expect.stringContaining(`dispute-cases: passed over event ${poison.id} (DisputeCaseOpened`));
    expect((await ds.query(`SELECT id FROM dispute_cases`)).map((r: { id: string }) => r.id)).toEqual([good]);
  });
});
