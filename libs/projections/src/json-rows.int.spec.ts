import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { jsonRowWriter } from './json-rows.js';
import { entityRows, insertOrIgnore } from './row-storage.js';

const fen = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('json_rows_probe')
class Probe {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ type: 'int' }) n!: number;
  @Column({ type: 'bigint' }) big!: string;
  @Column({ type: 'bigint', transformer: fen }) fen!: number;
  @Column({ type: 'boolean' }) flag!: boolean;
  @Column({ type: 'date', nullable: true }) day!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) at!: Date | null;
  @Column({ type: 'jsonb' }) detail!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) ref!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

const TABLE = `CREATE TABLE json_rows_probe (
  id text PRIMARY KEY, title text NOT NULL, tags text[] NOT NULL, n int NOT NULL, big bigint NOT NULL, fen bigint NOT NULL,
  flag boolean NOT NULL, day date, at timestamptz, detail jsonb NOT NULL, ref uuid, note text DEFAULT 'by default')`;

function probe(id: string, over: Partial<Probe> = {}): Probe {
  return Object.assign(new Probe(), {
    id,
    title: '王秀英诉某物流公司 "拖欠" \\ 工资 — 𠀀',
    tags: ['欠薪', 'a,b', 'with "quotes"', ''],
    n: -7,
    big: '9007199254740993',
    fen: 123_456_789,
    flag: true,
    day: '2026-03-02',
    at: new Date('2026-03-02T01:02:03.456Z'),
    detail: { claimants: [{ name: '李建国', fen: 100 }], nested: { empty: [], nothing: null, text: 'x\ny' } },
    ref: '0b4a3c1e-8f1e-4e53-9d53-5b4f3f3d2a10',
    note: null,
    ...over,
  });
}

describe('JSON row writer (projection rows in one statement)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('json_rows');
    ds = new DataSource({ type: 'postgres', url: db.url, entities: [Probe] });
    await ds.initialize();
    await ds.query(TABLE);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => ds.query('DELETE FROM json_rows_probe'));

  const read = async (id: string) => {
    const row = await ds.getRepository(Probe).findOneByOrFail({ id });
    return { ...row, id: undefined };
  };

  it('stores every column type exactly as TypeORM stores it, and upserts on the key', async () => {
    const cases: Partial<Probe>[] = [{}, { day: null, at: null, ref: null, tags: [], flag: false, detail: {} }, { fen: 0, n: 2_147_483_647, big: '-1' }];
    for (const [i, over] of cases.entries()) {
      await ds.transaction(async (em) => {
        expect(await jsonRowWriter(em, Probe).write(em, [probe(`json-${i}`, over)], { kind: 'upsert', key: 'id' })).toBe(true);
        await em.upsert(Probe, [probe(`orm-${i}`, over)] as never, ['id']);
      });
      expect(await read(`json-${i}`)).toEqual(await read(`orm-${i}`));
    }
    // The same key again: the row changes, no second row.
    await ds.transaction((em) => jsonRowWriter(em, Probe).write(em, [probe('json-0', { title: '改过', fen: 1 })], { kind: 'upsert', key: 'id' }));
    expect(await read('json-0')).toMatchObject({ title: '改过', fen: 1 });
    expect(await ds.query(`SELECT count(*)::int AS n FROM json_rows_probe WHERE id = 'json-0'`)).toEqual([{ n: 1 }]);
  });

  it('insert-or-ignore leaves a row that is there as it stands; a column not given takes its default', async () => {
    await ds.transaction((em) => insertOrIgnore(em, Probe, [probe('a', { title: 'first' })]));
    const { note: _note, ...withoutNote } = probe('b');
    await ds.transaction((em) => insertOrIgnore(em, Probe, [probe('a', { title: 'second' }), withoutNote]));
    expect(await read('a')).toMatchObject({ title: 'first' });
    expect(await read('b')).toMatchObject({ note: 'by default' });
  });

  it('hands back (null) what JSON cannot carry as TypeORM would, and entityRows then writes it the TypeORM way', async () => {
    const farDate = probe('far', { at: new Date('+010000-01-01T00:00:00.000Z') });
    const { note: _note, ...noNote } = probe('mixed-2');
    await ds.transaction(async (em) => {
      const writer = jsonRowWriter(em, Probe);
      expect(await writer.write(em, [farDate], { kind: 'upsert', key: 'id' })).toBeNull();
      // Rows of different shapes: TypeORM sends DEFAULT for a missing column, the JSON document would send NULL.
      expect(await writer.write(em, [probe('mixed-1'), noNote], { kind: 'upsert', key: 'id' })).toBeNull();
    });
    expect(await ds.query(`SELECT count(*)::int AS n FROM json_rows_probe`)).toEqual([{ n: 0 }]);
    const storage = entityRows(Probe, 'id');
    await ds.transaction((em) => storage.save(em, [{ key: 'far', before: null, after: farDate }, { key: 'x', before: null, after: probe('x') }]));
    expect((await read('far')).at?.getUTCFullYear()).toBe(10000);
    expect(await read('x')).toMatchObject({ fen: 123_456_789 });
  });
});
