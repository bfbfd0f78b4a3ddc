import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { disputeCaseDecider, disputeStreamName, foldEvents, type DisputeCaseCommand } from '#domain';
import { comparePositions, handleCommand, PostgresEventStore } from '#event-store';
import { dataSourceOptions, runMigrations } from '#platform';
import { applyToReadModels, rebuildProjection } from '#projections';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { DisputeCaseRow } from '../entities/dispute-case-row.entity.js';
import { disputeCasesProjection } from './dispute-cases.projection.js';

const mediator = { staffId: 'staff-li', role: 'mediator' as const };
const ctx = { actor: mediator, now: '2026-03-02T01:00:00.000Z' };

describe('dispute-cases projection on Postgres', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('disputes_projection');
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

  async function run(caseId: string, command: DisputeCaseCommand) {
    return handleCommand(store, disputeCaseDecider, disputeStreamName(caseId), command, {
      eventId: () => randomUUID(),
      metadata: { actor: mediator, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: ctx.now },
    });
  }

  it('builds, in one batch of many events per case, the page the decider folds, its timeline and its claimants', async () => {
    const cases = [randomUUID(), randomUUID(), randomUUID()];
    for (const caseId of cases) {
      await run(caseId, {
        type: 'OpenDisputeCase',
        ctx,
        data: {
          caseId,
          title: `拖欠工资案 ${caseId.slice(0, 4)}`,
          category: 'unpaid_wages',
          description: '工资未发',
          application: { kind: 'written', receivedAt: '2026-03-01' },
          respondent: { employerId: null, name: '某公司' },
          claimants: [{ claimantId: 'c1', workerId: null, name: '张三' }],
          mediatorId: null,
        },
      });
      await run(caseId, { type: 'AddClaimants', ctx, data: { caseId, claimants: [{ claimantId: 'c2', workerId: null, name: '李四' }] } });
      for (let i = 0; i < 5; i++) {
        await run(caseId, { type: 'RecordMediationSession', ctx, data: { caseId, sessionId: `s${i}`, heldAt: '2026-03-02', place: '镇工会调解室', attendees: ['张三'], summary: `第${i + 1}次` } });
      }
    }
    // Readers see the events once no older transaction runs anywhere on the server (the xmin guard).
    const last = (await store.readStream(disputeStreamName(cases[2]))).at(-1)!;
    for (let tries = 0; comparePositions(await store.headPosition(), last.position) < 0 && tries < 500; tries++) await new Promise((r) => setTimeout(r, 20));
    const result = await rebuildProjection(store, ds, disputeCasesProjection); // pages of 2,000: every event in one batch
    expect(result.events).toBe(cases.length * 7);

    for (const caseId of cases) {
      const history = await store.readStream(disputeStreamName(caseId));
      const folded = foldEvents(disputeCaseDecider, history);
      const row = await ds.getRepository(DisputeCaseRow).findOneByOrFail({ id: caseId });
      expect(row.detail).toEqual(JSON.parse(JSON.stringify(folded)));
      expect(row).toMatchObject({ revision: '6', claimantCount: 2, claimantNames: ['张三', '李四'], status: 'open', intakeDecision: 'pending' });
      const timeline = await ds.query('SELECT revision FROM dispute_timeline WHERE case_id = $1 ORDER BY revision', [caseId]);
      expect(timeline.map((t: { revision: string }) => t.revision)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
      expect(await ds.query('SELECT name FROM dispute_claimants WHERE case_id = $1 ORDER BY name', [caseId])).toEqual([{ name: '张三' }, { name: '李四' }]);
    }
  });

  it('ignores a batch it has already applied', async () => {
    const all = await store.readAll({ limit: 100 });
    await ds.transaction((em) => applyToReadModels(em, disputeCasesProjection, all));
    expect(Number((await ds.query('SELECT count(*) AS n FROM dispute_timeline'))[0].n)).toBe(all.length);
  });
});
