import { randomUUID } from 'node:crypto';
import { staffAs, type StaffAgent } from '../support/staff.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
// After the app's modules (imported by test-app), so the command path's barrel is initialised first.
import { BeneficiaryFactsService } from '../../apps/api/src/aid/beneficiaries/beneficiary-facts.service.js';
import { aModelWorker, aStudentInHardship, aUnitRatedWorkersHome } from './aid-people-steps.js';
import { aResidentId, anEmployer, aWorker } from './party-builders.js';

const MASKED = /^\d{6}\*{8}[\dX]{4}$/;
const PERIOD = { from: '2011-01-01', to: '2016-06-30' };

/** Runs `task` over `items`, `width` at a time (the machine is small; the API is one process). */
async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)))));
  return out;
}

/**
 * The seed's people figures, recorded through HTTP as a fund officer would: 87 households in
 * hardship visited, 71 person-visits to 16 model workers with national or municipal titles,
 * 23 union organisations in 2011 and 65 with 7,380 members later, 9 Workers' Homes; the
 * report's numbers say exactly that, each with its definition.
 */
describe('aid people: households, model workers, care visits, organisations and their numbers', () => {
  let t: TestApp;
  let officer: StaffAgent;
  let supervisor: StaffAgent;
  let mediator: StaffAgent;
  let auditor: StaffAgent;

  /** Workers registered by the supervisor (fund officers do not register workers), in one bulk request. */
  async function registerWorkers(from: number, count: number): Promise<string[]> {
    const workers = Array.from({ length: count }, (_, i) => aWorker(from + i, { name: `困难职工${from + i}` }));
    const res = await supervisor.post('/api/workers/bulk').send({ workers }).expect(200);
    expect(res.body.refused).toBe(0);
    return res.body.results.map((r: { id: string }) => r.id);
  }

  const openFile = (workerId: string, over: Record<string, unknown> = {}) =>
    officer.post('/api/aid/households').send({
      workerId,
      householdSize: 3,
      cause: 'illness',
      causeNote: '家人长期患病',
      monthlyIncomePerPersonFen: 68_000,
      openedOn: '2012-01-05',
      reason: '两节送温暖摸底',
      ...over,
    });

  /** The fund's programmes the visits are under (两节送温暖, 关爱劳模): a visit names a programme that exists. */
  const programmes = { household: '', model_worker: '' };
  const visit = (kind: 'household' | 'model_worker', id: string, visitedOn: string, as: StaffAgent = officer) =>
    as.post('/api/aid/care-visits').send({ visitee: { kind, id }, visitedOn, programmeId: programmes[kind], visitors: ['镇工会主席 刘明'], goods: '米、面、油' });

  beforeAll(async () => {
    t = await startTestApp();
    [officer, supervisor, mediator, auditor] = await Promise.all([staffAs(t, 'fund_officer'), staffAs(t, 'supervisor'), staffAs(t, 'mediator'), staffAs(t, 'auditor')]);
    const admin = await staffAs(t, 'administrator');
    const fund = await officer.post('/api/aid/funds').send({ name: '仁和镇困难职工帮扶资金', kind: 'hardship_aid' }).expect(201);
    programmes.household = (await admin.post('/api/aid/programmes').send({ kind: 'festival_visits', name: '两节送温暖', fundId: fund.body.id, perBeneficiaryCapFen: 100_000 }).expect(201)).body.id;
    programmes.model_worker = (await admin.post('/api/aid/programmes').send({ kind: 'model_worker_care', name: '关爱劳模', fundId: fund.body.id, perBeneficiaryCapFen: 100_000 }).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the seed’s figures, recorded through HTTP', () => {
    let stats: Record<string, any>;

    beforeAll(async () => {
      // 87 households in hardship; 16 model workers with national or municipal titles, 2 with district titles.
      const householdWorkers = await registerWorkers(100, 87);
      const modelWorkerWorkers = await registerWorkers(300, 18);
      const households = await inBatches(householdWorkers, 8, async (workerId) => (await openFile(workerId).expect(201)).body.id as string);
      const levels = [...Array(6).fill('national'), ...Array(10).fill('municipal'), 'district', 'district'];
      const modelWorkers = await inBatches(modelWorkerWorkers, 8, async (workerId, i) =>
        (await officer.post('/api/aid/model-workers').send({ workerId, title: levels[i] === 'national' ? '全国劳动模范' : '北京市劳动模范', level: levels[i], yearAwarded: 2005 + (i % 5) }).expect(201))
          .body.id as string,
      );

      // Every household visited at the Spring Festival, 20 of them again the next year: 87 households, 107 person-visits.
      await inBatches(households, 8, (id, i) => visit('household', id, `2013-02-${String(1 + (i % 20)).padStart(2, '0')}`).expect(201));
      await inBatches(households.slice(0, 20), 8, (id) => visit('household', id, '2014-01-20').expect(201));
      // 71 person-visits among the 16 national and municipal model workers: 7 visited 5 times, 9 visited 4 times.
      const mwVisits = modelWorkers.slice(0, 16).flatMap((id, i) => Array.from({ length: i < 7 ? 5 : 4 }, (_, k) => ({ id, on: `${2012 + k}-04-28` })));
      expect(mwVisits).toHaveLength(71);
      await inBatches(mwVisits, 8, ({ id, on }) => visit('model_worker', id, on, supervisor).expect(201));
      // Outside the period, and one recorded in error: neither counts.
      await visit('household', households[0]!, '2016-07-01').expect(201);
      const mistaken = await visit('household', households[1]!, '2015-02-02').expect(201);
      await officer.post(`/api/aid/care-visits/${mistaken.body.id}/withdraw`).send({ reason: '重复登记' }).expect(200);

      // 23 union organisations by 2011 (3,100 members counted then), 42 more later; 7,380 members counted in 2016.
      const organisations = await inBatches(Array.from({ length: 65 }, (_, i) => i), 8, async (i) =>
        (await officer.post('/api/organisations').send({ name: `仁和镇第${i + 1}基层工会`, enterprise: { name: `仁和镇企业${i + 1}` }, foundedOn: i < 23 ? '2008-05-01' : '2013-03-01' }).expect(201))
          .body.id as string,
      );
      await inBatches(organisations.slice(0, 23), 8, (id, i) => officer.post(`/api/organisations/${id}/member-counts`).send({ countedOn: '2010-12-31', members: i < 22 ? 135 : 130 }).expect(200));
      // 64 × 114 + 84 = 7,380
      await inBatches(organisations, 8, (id, i) => officer.post(`/api/organisations/${id}/member-counts`).send({ countedOn: '2016-06-30', members: i < 64 ? 114 : 84 }).expect(200));
      // Nine Workers' Homes, rated in 2015 (two of them in 2014 too).
      await inBatches(organisations.slice(0, 9), 8, (id) => supervisor.post(`/api/organisations/${id}/workers-home-ratings`).send({ year: 2015, level: 'district' }).expect(200));
      await inBatches(organisations.slice(0, 2), 8, (id) => officer.post(`/api/organisations/${id}/workers-home-ratings`).send({ year: 2014, level: 'town' }).expect(200));

      // The last write, made after all the others: the report waits until it is in the read models.
      const last = await officer.post(`/api/organisations/${organisations[0]}/member-counts`).send({ countedOn: '2016-06-30', members: 114 }).expect(200);
      stats = (await auditor.get('/api/aid/people-stats').query({ ...PERIOD, minPosition: last.body.position }).expect(200)).body;
    }, 240_000);

    it('87 households visited, counted once each; 107 person-visits to them', () => {
      expect(stats.householdsVisited.value).toBe(87);
      expect(stats.householdPersonVisits.value).toBe(107);
      expect(stats.householdsVisited.definition).toContain('按困难职工档案去重');
    });

    it('71 model-worker person-visits among 16 model workers with national or municipal titles', () => {
      expect(stats.modelWorkerPersonVisits.value).toBe(71);
      expect(stats.modelWorkersVisited.value).toBe(16);
      expect(stats.modelWorkersOnRoll).toMatchObject({ value: 18, nationalOrMunicipal: 16, byLevel: { national: 6, municipal: 10, district: 2 }, on: PERIOD.to });
    });

    it('23 union organisations at the start, 65 with 7,380 members at the end; 9 Workers’ Homes', () => {
      expect(stats.organisationsAtStart).toMatchObject({ on: PERIOD.from, value: 23 });
      expect(stats.membersAtStart.value).toBe(22 * 135 + 130);
      expect(stats.organisationsAtEnd).toMatchObject({ on: PERIOD.to, value: 65 });
      expect(stats.membersAtEnd.value).toBe(7_380);
      expect(stats.workersHomesRated.value).toBe(9);
      expect(stats.workersHomesRated.byYear).toEqual([
        { year: 2014, value: 2 },
        { year: 2015, value: 9 },
      ]);
    });

    it('says each definition in English when asked', async () => {
      const en = await mediator.get('/api/aid/people-stats').query(PERIOD).set('Accept-Language', 'en').expect(200);
      expect(en.body.householdPersonVisits).toMatchObject({ value: 107, definition: expect.stringContaining('person-visits') });
      expect(en.body.membersAtEnd.definition).toMatch(/latest member count/);
    });

    it('lists the organisations with their members and ratings as of a day', async () => {
      const page = await auditor.get('/api/organisations').query({ on: '2016-06-30', q: '第1基层', pageSize: 200 }).expect(200);
      const first = page.body.items.find((o: { name: string }) => o.name === '仁和镇第1基层工会');
      expect(first).toMatchObject({ exists: true, members: 114, countedOn: '2016-06-30', workersHomeRatings: [{ year: 2014, level: 'town' }, { year: 2015, level: 'district' }] });
      const early = await auditor.get('/api/organisations').query({ on: '2011-06-30', pageSize: 200 }).expect(200);
      expect(early.body.total).toBe(65);
      expect(early.body.items.filter((o: { exists: boolean }) => o.exists)).toHaveLength(23);
    });
  });

  describe('hardship files and visits', () => {
    it('opens a file for a registered worker, shows it with the ID number masked, closes it; a visit after closing is refused in both languages', async () => {
      const [workerId] = await registerWorkers(500, 1);
      const opened = await openFile(workerId!, { singleMother: true, cause: 'single_parent', causeNote: '丈夫去世，独自抚养两个孩子' }).expect(201);
      expect(opened.headers.location).toBe(`/api/aid/households/${opened.body.id}`);
      const again = await openFile(workerId!).expect(422);
      expect(again.body.code).toBe('HOUSEHOLD_FILE_ALREADY_OPEN');

      const closed = await officer.post(`/api/aid/households/${opened.body.id}/close`).set('If-Match', '"0"').send({ closedOn: '2015-03-01', reason: '子女已工作，收入超过标准' }).expect(200);
      const page = await officer.get(`/api/aid/households/${opened.body.id}`).query({ minPosition: closed.body.position }).expect(200);
      expect(page.body).toMatchObject({ workerId, status: 'closed', singleMother: true, causeNote: '丈夫去世，独自抚养两个孩子', periods: [{ openedOn: '2012-01-05', closedOn: '2015-03-01' }] });
      expect(page.body.idNumber).toMatch(MASKED);
      expect(JSON.stringify(page.body)).not.toContain(aResidentId(500));
      expect(page.body.history.map((h: { text: string }) => h.text)).toEqual([
        expect.stringContaining('建立了困难职工500的困难职工档案（2012-01-05；家庭3人；单亲家庭'),
        expect.stringContaining('于2015-03-01销档，理由：子女已工作，收入超过标准'),
      ]);

      const late = await visit('household', opened.body.id, '2015-03-01').expect(422);
      expect(late.headers['content-type']).toMatch(/problem\+json/);
      expect(late.body.code).toBe('VISITEE_NOT_ELIGIBLE');
      expect(late.body.messages.zh).toContain('没有在册的困难职工档案');
      const lateEn = await visit('household', opened.body.id, '2015-03-01').set('Accept-Language', 'en').expect(422);
      expect(lateEn.body.title).toMatch(/no open hardship file on 2015-03-01/);
      await visit('household', opened.body.id, '2015-02-28').expect(201);
    });

    it('the facts a disbursement reads are those of the day asked, from the streams', async () => {
      const [workerId] = await registerWorkers(510, 1);
      const opened = await openFile(workerId!, { singleMother: true, openedOn: '2013-01-01' }).expect(201);
      await officer.post(`/api/aid/households/${opened.body.id}/close`).send({ closedOn: '2016-01-01', reason: '脱困' }).expect(200);
      const student = await officer.post(`/api/aid/households/${opened.body.id}/students`).send({ name: '陈小雨', school: '顺义一中', grade: '高一' }).expect(201);
      const facts = t.app.get(BeneficiaryFactsService);
      expect(await facts.factsOn({ kind: 'household', id: opened.body.id }, '2015-12-31')).toMatchObject({ workerId, openHardshipFile: true, singleMotherHousehold: true });
      expect(await facts.factsOn({ kind: 'household', id: opened.body.id }, '2016-01-01')).toMatchObject({ openHardshipFile: false, singleMotherHousehold: false });
      expect(await facts.factsOn({ kind: 'student', id: student.body.id }, '2015-09-01')).toMatchObject({
        displayName: '陈小雨',
        openHardshipFile: true,
        student: { name: '陈小雨', school: '顺义一中', grade: '高一' },
      });
      expect(await facts.factsOn({ kind: 'household', id: randomUUID() }, '2015-12-31')).toBeNull();

      const employer = await supervisor.post('/api/employers').send(anEmployer(540)).expect(201);
      const organisation = await officer.post('/api/organisations').send({ name: '宏达工会', enterprise: { employerId: employer.body.id, name: '宏达建材' }, foundedOn: '2010-01-01' }).expect(201);
      await officer.post(`/api/organisations/${organisation.body.id}/workers-home-ratings`).send({ year: 2016, level: 'district' }).expect(200);
      const other = await officer.post(`/api/organisations/${organisation.body.id}/workers-home-ratings`).send({ year: 2016, level: 'municipal' }).expect(422);
      expect(other.body.code).toBe('WORKERS_HOME_ALREADY_RATED');
      expect((await facts.factsOn({ kind: 'organisation', id: organisation.body.id }, '2015-06-01'))?.workersHomeRatedYears).toEqual([]);
      expect((await facts.factsOn({ kind: 'organisation', id: organisation.body.id }, '2016-06-01'))?.workersHomeRatedYears).toEqual([2016]);
    });

    it('a model worker: on the roll once, taken off it from a day; visits after that are refused; the page tells its history', async () => {
      const [workerId] = await registerWorkers(540, 1);
      const put = await officer.post('/api/aid/model-workers').send({ workerId, title: '全国五一劳动奖章', level: 'national', yearAwarded: 2012 }).expect(201);
      const twice = await officer.post('/api/aid/model-workers').send({ workerId, title: '北京市劳动模范', level: 'municipal', yearAwarded: 2014 }).expect(422);
      expect(twice.body.code).toBe('MODEL_WORKER_ALREADY_ON_FILE');
      const before = await visit('model_worker', put.body.id, '2011-12-31').expect(422);
      expect(before.body.code).toBe('VISITEE_NOT_ELIGIBLE');
      const removed = await officer.post(`/api/aid/model-workers/${put.body.id}/remove`).send({ removedOn: '2018-05-01', reason: '迁出本镇' }).expect(200);
      await visit('model_worker', put.body.id, '2018-05-01').expect(422);
      const page = await mediator.get(`/api/aid/model-workers/${put.body.id}`).query({ minPosition: removed.body.position }).set('Accept-Language', 'en').expect(200);
      expect(page.body).toMatchObject({ workerName: '困难职工540', level: 'national', yearAwarded: 2012, removedOn: '2018-05-01', personVisits: 0 });
      expect(page.body.idNumber).toMatch(MASKED);
      expect(page.body.history.map((h: { text: string }) => h.text)).toEqual([
        expect.stringContaining('困难职工540 put on the model workers’ roll'),
        expect.stringContaining('Taken off the model workers’ roll on 2018-05-01'),
      ]);
    });

    it('the steps other tests use record real beneficiaries whose facts the fund reads', async () => {
      const facts = t.app.get(BeneficiaryFactsService);
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // Beijing
      const student = await aStudentInHardship(officer, supervisor, '刘小明');
      expect(await facts.factsOn(student, today)).toMatchObject({ openHardshipFile: true, student: { name: '刘小明', school: '仁和镇中心小学', grade: '五年级' } });
      const modelWorker = await aModelWorker(officer, supervisor, '赵国强', 'national', 2009);
      expect((await facts.factsOn(modelWorker, today))?.modelWorker).toEqual({ level: 'national', title: '全国劳动模范' });
      const unit = await aUnitRatedWorkersHome(officer, '镇职工之家', [2015, 2016]);
      expect((await facts.factsOn(unit, '2016-12-31'))?.workersHomeRatedYears).toEqual([2015, 2016]);
    });

    it('one visit however often the button is pressed (Idempotency-Key)', async () => {
      const [workerId] = await registerWorkers(520, 1);
      const opened = await openFile(workerId!).expect(201);
      const key = randomUUID();
      const body = { visitee: { kind: 'household', id: opened.body.id }, visitedOn: '2014-01-25', visitors: ['刘明'], moneyFen: 50_000 };
      const first = await officer.post('/api/aid/care-visits').set('Idempotency-Key', key).send(body).expect(201);
      const second = await officer.post('/api/aid/care-visits').set('Idempotency-Key', key).send(body).expect(201);
      expect(second.body).toEqual(first.body);
      const list = await auditor.get('/api/aid/care-visits').query({ visiteeId: opened.body.id, minPosition: first.body.position }).expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({ visiteeName: '困难职工520', moneyFen: 50_000, disbursementId: null, visitors: ['刘明'] });
    });

    it('fund officers and supervisors record; mediators and auditors read only; unknown workers and files are refused', async () => {
      const [workerId] = await registerWorkers(530, 1);
      await mediator.post('/api/aid/households').send({ workerId, householdSize: 2, cause: 'other', monthlyIncomePerPersonFen: 1, openedOn: '2014-01-01' }).expect(403);
      await auditor.post('/api/organisations').send({ name: 'x', enterprise: { name: 'y' }, foundedOn: '2014-01-01' }).expect(403);
      const noEmployer = await officer.post('/api/organisations').send({ name: '某工会', enterprise: { employerId: randomUUID(), name: '某公司' }, foundedOn: '2014-01-01' }).expect(422);
      expect(noEmployer.body.code).toBe('EMPLOYER_NOT_FOUND');
      const unknown = await openFile(randomUUID()).expect(422);
      expect(unknown.body.code).toBe('WORKER_NOT_FOUND');
      const noFile = await visit('household', randomUUID(), '2014-01-01').expect(404);
      expect(noFile.body.code).toBe('HOUSEHOLD_FILE_NOT_FOUND');
      const notRegistered = await visit('model_worker', randomUUID(), '2014-01-01').expect(404);
      expect(notRegistered.body.code).toBe('MODEL_WORKER_NOT_FOUND');
      // A worker id in capitals is the same worker (streams are named in lower case): one file.
      const opened = await openFile(workerId!.toUpperCase()).expect(201);
      expect((await openFile(workerId!).expect(422)).body.code).toBe('HOUSEHOLD_FILE_ALREADY_OPEN');
      await visit('household', opened.body.id.toUpperCase(), '2014-02-01').expect(201);
      const list = await mediator.get('/api/aid/households').query({ q: '困难职工' }).expect(200);
      expect(list.body.items.every((h: { idNumber: string }) => MASKED.test(h.idNumber))).toBe(true);
    });
  });
});
