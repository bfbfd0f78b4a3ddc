import { OneAtATime } from './one-at-a-time.js';

describe('OneAtATime', () => {
  it('runs work on one key in order, one at a time, whatever fails; other keys run alongside', async () => {
    const queue = new OneAtATime();
    const log: string[] = [];
    let running = 0;
    const job = (name: string, ms: number, fail = false) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      running--;
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([queue.run('fund-1', job('a', 20)), queue.run('fund-1', job('b', 5, true)), queue.run('fund-1', job('c', 1))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    let other = false;
    const slow = queue.run('fund-2', async () => new Promise((r) => setTimeout(r, 30)));
    await queue.run('fund-3', async () => void (other = true));
    expect(other).toBe(true);
    await slow;
  });
});
