import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { AppendNotifications } from './postgres-notifications.js';

/** How many wake-ups `n` gives within `ms` after `act`. */
async function wakesWithin(n: AppendNotifications, ms: number, act: () => void): Promise<number> {
  let woken = 0;
  const end = Date.now() + ms;
  const watching = (async () => {
    while (Date.now() < end) {
      const got = await Promise.race([n.next().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), Math.max(0, end - Date.now())))]);
      if (got) woken++;
    }
  })();
  act();
  await watching;
  return woken;
}

describe('AppendNotifications (LISTEN/NOTIFY between processes)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const opened: AppendNotifications[] = [];
  const open = async () => {
    const n = new AppendNotifications({ pool, connectionString: db.url, notifyIntervalMs: 1 });
    opened.push(n);
    await n.listen();
    return n;
  };

  beforeAll(async () => {
    db = await createTestDatabase('notify');
    pool = new pg.Pool({ connectionString: db.url, max: 4 });
  });
  afterAll(async () => {
    for (const n of opened) await n.close();
    await pool.end();
    await db.drop();
  });

  it('wakes another instance by NOTIFY, and its own subscribers once, not again when its own NOTIFY comes back', async () => {
    const here = await open();
    const elsewhere = await open();
    expect(await wakesWithin(here, 300, () => here.appended())).toBe(1);
    expect(await wakesWithin(elsewhere, 300, () => here.appended())).toBeGreaterThanOrEqual(1);
  });
});
