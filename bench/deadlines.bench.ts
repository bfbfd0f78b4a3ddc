// npm run bench:deadlines: 10,000 cases whose deadlines the projector and scheduler turn into
// 40,000 delayed BullMQ jobs (a warning and a miss for mediation and for the monthly follow-up),
// then (1) how late a deadline job fires after its time, over 10,000 jobs due across 60 s and
// run through the real worker (CheckDeadline through the one command path), and (2) how long the
// sweep takes to restore 1,000 jobs deleted from the queue. PostgreSQL backend by default;
// REDIS_URL=redis://127.0.0.1:6379 for Redis.
import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#config';
import { disputeCaseDecider, disputeStreamName, beijingDay, type DisputeCaseCommand, type DisputeCaseEvent, type DisputeCaseState } from '#domain';
import { DeadlineJobsModule, DeadlineQueue, DeadlineScheduler, DeadlineWorker, deadlineJobId, JobsModule, SWEEP_JOB } from '#jobs';
import { InfrastructureModule, runMigrations } from '#platform';
// After #platform (see apps/worker/src/main.ts).
import { commandAnswer, Commands, CommandsModule, CommandMeta, type Aggregate } from '#commands';
import { randomUUID } from 'node:crypto';
import { fmt, percentile, printMachine, runBenchmark, table } from './support/report.js';

const CASES = 10_000;
const PROBES = 10_000;
const SPREAD_MS = 60_000;
const DELETED = 1_000;

const cases: Aggregate<DisputeCaseState, DisputeCaseCommand, DisputeCaseEvent> = {
  decider: disputeCaseDecider,
  streamOf: (c) => disputeStreamName(c.data.caseId),
};

async function mapConcurrently<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

await runBenchmark('Deadlines: 10,000 scheduled deadlines, job lateness, sweep restore', async (db) => {
  const redisUrl = process.env.REDIS_URL;
  await printMachine(db, `API-less worker context in this process, ${redisUrl ? 'BullMQ on Redis' : 'BullMQ on PostgreSQL (createPostgresBackend)'}`);
  Logger.overrideLogger(['error']);
  await runMigrations(db.url);
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'error', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
  @Module({ imports: [InfrastructureModule.forRoot(config, db.url), CommandsModule, JobsModule, DeadlineJobsModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  await app.init();
  const commands = app.get(Commands);
  const queue = app.get(DeadlineQueue).queue;
  const scheduler = app.get(DeadlineScheduler);
  const worker = app.get(DeadlineWorker);
  try {
    // 10,000 cases received today: each has two deadlines (mediation, follow-up), each two jobs.
    const today = beijingDay(new Date().toISOString());
    const supervisor = { staffId: 'bench-supervisor', role: 'supervisor' as const };
    const ids = Array.from({ length: CASES }, () => randomUUID());
    let t0 = performance.now();
    await mapConcurrently(ids, 8, async (caseId) => {
      const meta = new CommandMeta({ actor: supervisor, correlationId: caseId, causationId: caseId });
      commandAnswer(caseId, await commands.execute(cases, { type: 'OpenDisputeCase', data: { caseId, title: '基准测试案件', category: 'unpaid_wages', description: '', application: { kind: 'written', receivedAt: today }, respondent: { name: '某公司' }, claimants: [{ claimantId: randomUUID(), name: '工人' }], mediatorId: 'bench-mediator' } }, meta));
    });
    const opened = performance.now() - t0;
    t0 = performance.now();
    let delayed = 0;
    while (delayed < CASES * 4) {
      await worker.scheduleNow();
      delayed = (await queue.getJobCounts('delayed')).delayed;
      if (performance.now() - t0 > 300_000) throw new Error(`only ${delayed} jobs scheduled after 5 minutes`);
      if (delayed < CASES * 4) await new Promise((r) => setTimeout(r, 200));
    }
    const scheduled = performance.now() - t0;

    // Lateness: 10,000 jobs due across 60 s, through the real worker and the command path.
    const start = Date.now() + 3_000;
    const probes = ids.map((caseId, i) => {
      const at = start + Math.floor((i * SPREAD_MS) / PROBES);
      return { id: deadlineJobId('warned', 'mediation', caseId, `bench${i}`, 0), at, data: { caseId, kind: 'mediation' as const, level: 'warned' as const, at: new Date(at).toISOString(), cause: `bench${i}` } };
    });
    for (let i = 0; i < probes.length; i += 500) {
      await queue.addBulk(probes.slice(i, i + 500).map((p) => ({ name: 'warned.mediation', data: p.data, opts: { jobId: p.id, delay: Math.max(0, p.at - Date.now()) } })));
    }
    const deadline = start + SPREAD_MS + 60_000;
    let completed = 0;
    while (completed < PROBES && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      completed = 0;
      for (let i = 0; i < probes.length; i += 1000) {
        const jobs = await Promise.all(probes.slice(i, i + 1000).map((p) => queue.getJob(p.id)));
        completed += jobs.filter((j) => j?.finishedOn).length;
      }
    }
    const started = new Float64Array(PROBES);
    const finished = new Float64Array(PROBES);
    let n = 0;
    for (let i = 0; i < probes.length; i += 1000) {
      const jobs = await Promise.all(probes.slice(i, i + 1000).map((p) => queue.getJob(p.id)));
      for (const [k, job] of jobs.entries()) {
        if (!job?.processedOn || !job.finishedOn) continue;
        started[n] = job.processedOn - probes[i + k].at;
        finished[n] = job.finishedOn - probes[i + k].at;
        n++;
      }
    }
    const s = started.slice(0, n).sort();
    const f = finished.slice(0, n).sort();

    // The sweep: 1,000 of the scheduled jobs deleted, then restored. The periodic sweep is taken
    // off first, so that the one measured here is the one that restores them.
    await queue.removeJobScheduler(SWEEP_JOB);
    const all = [...new Map((await queue.getJobs(['delayed'], 0, -1)).filter((j) => !j.id!.includes('bench')).map((j) => [j.id!, j])).values()];
    const victims = all.slice(0, DELETED);
    const before = (await queue.getJobCounts('delayed')).delayed;
    // Removed until gone: a remove that meets the job locked (being looked at) answers 0.
    for (let pass = 0; pass < 10; pass++) {
      const left = (await Promise.all(victims.map(async (j) => ((await queue.getJob(j.id!)) ? j : null)))).filter((j) => j !== null);
      if (!left.length) break;
      for (const j of left) await queue.remove(j.id!);
    }
    const deleted = before - (await queue.getJobCounts('delayed')).delayed;
    const sweep = await scheduler.sweep();
    const back = (await queue.getJobCounts('delayed')).delayed;
    console.log(`${fmt(all.length)} scheduled jobs listed; ${fmt(deleted)} deleted; after the sweep ${fmt(back)} delayed (${fmt(before)} before)\n`);

    console.log(
      table(
        ['phase', 'count', 'seconds', 'per s'],
        [
          ['cases opened (OpenDisputeCase, 8 at a time)', fmt(CASES), fmt(opened / 1000, 1), fmt(CASES / (opened / 1000))],
          ['deadline jobs scheduled (projector + scheduler)', fmt(CASES * 4), fmt(scheduled / 1000, 1), fmt((CASES * 4) / (scheduled / 1000))],
          [`sweep over ${fmt(sweep.cases)} open cases (${fmt(sweep.jobs)} jobs checked)`, `${fmt(sweep.restored)} restored`, fmt(sweep.ms / 1000, 2), fmt(sweep.jobs / (sweep.ms / 1000))],
        ],
      ),
    );
    console.log('');
    console.log(
      table(
        ['lateness after the due time (ms)', 'jobs', 'p50', 'p99', 'max'],
        [
          ['picked up by the worker', fmt(n), fmt(percentile(s, 0.5)), fmt(percentile(s, 0.99)), fmt(s[n - 1] ?? NaN)],
          ['CheckDeadline done (command path)', fmt(n), fmt(percentile(f, 0.5)), fmt(percentile(f, 0.99)), fmt(f[n - 1] ?? NaN)],
        ],
      ),
    );
    console.log(`\ngoal p99 < 2,000 ms: ${percentile(f, 0.99) < 2000 ? 'met' : 'NOT met'}; ${n} of ${PROBES} probe jobs finished; sweep restored ${sweep.restored} of ${deleted} deleted jobs`);
  } finally {
    await app.close();
  }
});
