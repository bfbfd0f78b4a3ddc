import type { BeneficiaryRef } from '#domain';
import type { StaffAgent } from '../support/staff.js';
import { aWorker } from './party-builders.js';

/** POSTs and expects `status`; answers the body (the error names the answer when it differs). */
export async function post(as: StaffAgent, url: string, body: object, status: number, headers: Record<string, string> = {}) {
  let req = as.post(url);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = await req.send(body);
  if (res.status !== status) throw new Error(`POST ${url}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const thisYearInBeijing = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
export const todayInBeijing = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Beneficiaries as a clerk files them (the beneficiary files' API): workers registered by a
 * supervisor, hardship household files and students by a fund officer, organisations and their
 * Workers' Home ratings. `from` keeps resident ID numbers apart within one test file.
 */
export function beneficiaryFiles(supervisor: StaffAgent, officer: StaffAgent) {
  let next = 1;
  const workers = async (names: string[]): Promise<string[]> => {
    const from = next;
    next += names.length;
    const res = await supervisor.post('/api/workers/bulk').send({ workers: names.map((name, i) => aWorker(from + i, { name: `${name}家长` })) });
    if (res.status !== 200 || res.body.refused !== 0) throw new Error(`workers: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
    return res.body.results.map((r: { id: string }) => r.id);
  };
  const household = async (workerId: string, over: Record<string, unknown> = {}): Promise<string> =>
    (await post(officer, '/api/aid/households', { workerId, householdSize: 3, cause: 'illness', monthlyIncomePerPersonFen: 68_000, openedOn: '2020-01-05', reason: '摸底建档', ...over }, 201)).id;
  return {
    /** Students (name, school, grade), each in a household with an open hardship file. */
    async studentsInHardship(names: string[]): Promise<BeneficiaryRef[]> {
      const ids = await workers(names);
      const refs: BeneficiaryRef[] = [];
      for (const [i, name] of names.entries()) {
        const householdId = await household(ids[i]!);
        refs.push({ kind: 'student', id: (await post(officer, `/api/aid/households/${householdId}/students`, { name, school: '仁和镇中心小学', grade: '五年级' }, 201)).id });
      }
      return refs;
    },
    async households(names: string[]): Promise<BeneficiaryRef[]> {
      const ids = await workers(names);
      const refs: BeneficiaryRef[] = [];
      for (const id of ids) refs.push({ kind: 'household', id: await household(id) });
      return refs;
    },
    async unitRatedWorkersHome(name: string, years: number[]): Promise<BeneficiaryRef> {
      const organisation = await post(officer, '/api/organisations', { name, enterprise: { name: `${name}所在企业` }, foundedOn: '2010-01-01' }, 201);
      for (const year of years) await post(officer, `/api/organisations/${organisation.id}/workers-home-ratings`, { year, level: 'district' }, 200);
      return { kind: 'organisation', id: organisation.id };
    },
  };
}
