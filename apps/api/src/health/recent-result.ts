/**
 * One result shared by every caller for a short while: the first call runs the work, calls
 * made while it runs or within `maxAgeMs` after it began get the same answer, and a call with
 * another `version` (what is checked changed) runs it afresh. /health under a load balancer's
 * or a monitor's polling then costs a few queries a second, not a few per request.
 */
export class RecentResult<T> {
  private last?: { startedAt: number; version: number; result: Promise<T> };

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(version: number, run: () => Promise<T>): Promise<T> {
    const now = this.now();
    const last = this.last;
    if (last && last.version === version && now - last.startedAt < this.maxAgeMs) return last.result;
    const result = run();
    this.last = { startedAt: now, version, result };
    return result;
  }
}
