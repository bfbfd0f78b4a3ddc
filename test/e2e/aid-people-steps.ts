import type { BeneficiaryRef } from '#domain';
import type { StaffAgent } from '../support/staff.js';
import { aResidentId, aWorker } from './party-builders.js';

/**
 * Real beneficiaries, recorded through the API as the staff would (the worker registered by a
 * supervisor, the file kept by a fund officer): for tests of the fund's disbursements, whose
 * eligibility rules read these files' facts (BeneficiaryFactsService).
 */
let next = 0;

/** Workers with Shunyi ID numbers, apart from the party builders' Dongcheng ones. */
async function aRegisteredWorker(supervisor: StaffAgent, name: string): Promise<string> {
  const n = next++;
  const res = await supervisor.post('/api/workers').send(aWorker(n, { name, idNumber: aResidentId(n, '110113') }));
  if (res.status !== 201) throw new Error(`registering ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

async function expectCreated(res: { status: number; body: { id?: string } }, what: string): Promise<string> {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id!;
}

/** A household with an open hardship file since `openedOn`; a single mother's if asked. */
export async function aHouseholdInHardship(officer: StaffAgent, supervisor: StaffAgent, name: string, options: { singleMother?: boolean; openedOn?: string } = {}): Promise<BeneficiaryRef> {
  const workerId = await aRegisteredWorker(supervisor, name);
  const body = { workerId, householdSize: 3, cause: options.singleMother ? 'single_parent' : 'illness', monthlyIncomePerPersonFen: 68_000, singleMother: !!options.singleMother, openedOn: options.openedOn ?? '2012-01-05' };
  return { kind: 'household', id: await expectCreated(await officer.post('/api/aid/households').send(body), `opening ${name}'s file`) };
}

/** A student (name, school, grade) of a household with an open hardship file. */
export async function aStudentInHardship(officer: StaffAgent, supervisor: StaffAgent, name: string): Promise<BeneficiaryRef> {
  const household = await aHouseholdInHardship(officer, supervisor, `${name}的家长`);
  const res = await officer.post(`/api/aid/households/${household.id}/students`).send({ name, school: '仁和镇中心小学', grade: '五年级' });
  return { kind: 'student', id: await expectCreated(res, `registering student ${name}`) };
}

/** A model worker on the roll since `yearAwarded`. */
export async function aModelWorker(officer: StaffAgent, supervisor: StaffAgent, name: string, level: 'national' | 'municipal' | 'district' = 'municipal', yearAwarded = 2010): Promise<BeneficiaryRef> {
  const workerId = await aRegisteredWorker(supervisor, name);
  const res = await officer.post('/api/aid/model-workers').send({ workerId, title: level === 'national' ? '全国劳动模范' : '北京市劳动模范', level, yearAwarded });
  return { kind: 'model_worker', id: await expectCreated(res, `putting ${name} on the roll`) };
}

/** A union organisation rated a Workers' Home for each of `years`. */
export async function aUnitRatedWorkersHome(officer: StaffAgent, name: string, years: number[], foundedOn = '2008-05-01'): Promise<BeneficiaryRef> {
  const id = await expectCreated(await officer.post('/api/organisations').send({ name, enterprise: { name: `${name}所在企业` }, foundedOn }), `recording ${name}`);
  for (const year of years) {
    const res = await officer.post(`/api/organisations/${id}/workers-home-ratings`).send({ year, level: 'district' });
    if (res.status !== 200) throw new Error(`rating ${name} for ${year}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { kind: 'organisation', id };
}
