import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { disputeStreamName } from '#domain';
import { comparePositions, PostgresEventStore, type NewEvent } from '#event-store';
import { dataSourceOptions, runMigrations } from '#platform';
import { ALL_PROJECTIONS, disputeCasesProjection } from '#read-models';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { rebuildProjections } from './rebuild-projections.js';

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
});
