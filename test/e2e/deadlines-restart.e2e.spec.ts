import { addDays, beijingDay } from '#domain';
import { QueueBackend, DEADLINE_QUEUE, SWEEP_JOB } from '#jobs';
import { staffAs } from '../support/staff.js';
import { aGroupWageDispute } from './builders.js';
import { eventually, MovableClock, QUEUE_BACKENDS, startDeadlineApp, type DeadlineTestApp } from './deadlines-app.js';

describe.each(QUEUE_BACKENDS)('deadline jobs lost from the queue ($name)', ({ redisUrl }) => {
  let t: DeadlineTestApp;
  afterAll(async () => {
    await t?.close();
    await t?.db.drop();
  });

  const delayedIds = async (app: DeadlineTestApp) =>
    (await app.deadlines.queue.getJobs(['delayed', 'waiting'])).filter((j) => j.name !== SWEEP_JOB).map((j) => j.id!).sort();
  const stored = async (type: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE type = $1`, [type]))[0].n);

  it('are restored by the sweep when the worker starts again, and nothing fires twice', async () => {
    t = await startDeadlineApp(undefined, new MovableClock(), redisUrl);
    const mediator = await staffAs(t, 'mediator');
    const today = beijingDay(t.clock.now().toISOString());
    for (const [i, receivedAt] of [today, today, addDays(today, -3), addDays(today, -20)].entries()) {
      await mediator.post('/api/disputes').send(aGroupWageDispute({ title: `案件${i}`, application: { kind: 'written', receivedAt } }, 1)).expect(201);
    }
    // Three running cases: a warning and a miss for mediation and follow-up each; the old one: its
    // mediation miss fires at once, its follow-up (due in 10 days) is scheduled.
    await eventually(async () => (await stored('DeadlineMissed')) === 1, 10_000, 'the old case missed');
    const before = await eventually(async () => {
      await t.worker.scheduleNow();
      const ids = await delayedIds(t);
      return ids.length === 14 && ids;
    }, 10_000, '14 delayed jobs');

    // Stop the worker, delete every job from the queue, start again on the same database.
    const { db, clock } = t;
    await t.close();
    const queueOnly = new QueueBackend(db.url, redisUrl ?? undefined);
    const queue = queueOnly.queue(DEADLINE_QUEUE);
    await queue.obliterate({ force: true });
    expect(await queue.getJobCounts('delayed', 'waiting', 'completed')).toEqual({ delayed: 0, waiting: 0, completed: 0 });
    await queue.close();
    await queueOnly.close();

    t = await startDeadlineApp(db, clock, redisUrl);
    const after = await eventually(async () => {
      const ids = await delayedIds(t);
      return ids.length === before.length && ids;
    }, 15_000, 'the sweep to restore the jobs');
    expect(after).toEqual(before);
    // A second sweep finds nothing lost; nothing fired again.
    expect((await t.scheduler.sweep()).restored).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect([await stored('DeadlineMissed'), await stored('DeadlineWarned')]).toEqual([1, 0]);
  });
});
