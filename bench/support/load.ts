import { comparePositions } from '#event-store';
import type { Answer, StaffClient } from './bench-app.js';
import { percentile } from './report.js';

/** A phase's figures: requests, wall time, latency percentiles (ms). */
export interface Timed {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(latencies: number[], seconds: number): Timed {
  const sorted = Float64Array.from(latencies).sort();
  const mean = latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length);
  return { count: latencies.length, seconds, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN, mean };
}

/** Stops the benchmark when an answer is not what the phase expects. */
export function expectStatus(res: Answer, status: number | number[], what: string): Answer {
  const statuses = Array.isArray(status) ? status : [status];
  if (!statuses.includes(res.status)) throw new Error(`${what}: expected ${statuses.join(' or ')}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res;
}

/** Request i runs on client i % clients; each client sends one request at a time. */
export async function concurrently(
  clients: StaffClient[],
  count: number,
  op: (client: StaffClient, i: number) => Promise<Answer>,
  onDone?: (i: number, res: Answer) => unknown,
): Promise<Timed> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = c; i < count; i += clients.length) {
        const res = await op(client, i);
        latencies.push(res.ms);
        onDone?.(i, res);
      }
    }),
  );
  return summarise(latencies, (performance.now() - start) / 1000);
}

/** The later of two log positions ('' is before everything). */
export const latest = (a: string, b: string) => (!a || comparePositions(b, a) > 0 ? b : a);
