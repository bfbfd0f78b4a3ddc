import pg from 'pg';
import { OrderlyShutdown } from '#platform';
import { startTestApp } from '../support/test-app.js';
import { staffAs } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';

/**
 * Ctrl-C reaches the embedded PostgreSQL too: it ends every connection ("terminating connection
 * due to administrator command") while the app is still closing. A clean stop must say nothing
 * louder than info about it.
 */
describe('a clean shutdown is quiet', () => {
  it('logs no warning or error when the database ends its connections during the stop', async () => {
    const logs: string[] = [];
    const t = await startTestApp({ LOG_LEVEL: 'info' }, { logs });
    const mediator = await staffAs(t, 'mediator');
    const opened = await mediator.post('/api/disputes').send(aGroupWageDispute()).expect(201);
    await mediator.get('/api/disputes').query({ minPosition: opened.body.position }).expect(200); // pooled connections, LISTEN, the projectors: all in use

    t.app.get(OrderlyShutdown).begin('SIGINT'); // what the signal does first
    const admin = new pg.Client({ connectionString: t.db.url });
    await admin.connect();
    try {
      // What a fast shutdown of the server does to every connection of the app.
      const ended = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [t.db.name]);
      expect(ended.rowCount).toBeGreaterThan(2);
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 500)); // the errors arrive, the pool notices
    await t.close();

    const loud = logs.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 40);
    expect(loud).toEqual([]);
  });
});
