import { RecentResult } from './recent-result.js';

describe('RecentResult (/health answers from a check at most a second old)', () => {
  it('runs the work once for every call within the age, again after it, and again when what is checked changed', async () => {
    let now = 0;
    let runs = 0;
    const recent = new RecentResult<number>(1000, () => now);
    const run = async () => ++runs;
    const together = await Promise.all(Array.from({ length: 16 }, () => recent.get(1, run)));
    expect(together).toEqual(Array(16).fill(1));
    now = 999;
    expect(await recent.get(1, run)).toBe(1);
    expect(await recent.get(2, run)).toBe(2); // a check registered or removed: a fresh result
    now = 2000;
    expect(await recent.get(2, run)).toBe(3);
    expect(runs).toBe(3);
  });
});
