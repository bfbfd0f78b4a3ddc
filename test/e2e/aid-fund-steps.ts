import { Global, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { BeneficiaryFacts, BeneficiaryRef } from '#domain';
import { BENEFICIARY_FACTS_READER, type BeneficiaryFactsReader } from '../../apps/api/src/aid/funds/beneficiary-facts.reader.js';
import type { StaffAgent } from '../support/staff.js';

/**
 * Until the beneficiary files' reader is merged (branch h-aidpeople), the e2e tests give the
 * facts of their beneficiaries here: the same contract (BeneficiaryFacts) the real reader folds
 * from the household, student, model-worker and organisation streams.
 */
export class KnownBeneficiaries implements BeneficiaryFactsReader {
  private readonly facts = new Map<string, BeneficiaryFacts>();

  add(facts: BeneficiaryFacts): BeneficiaryRef {
    this.facts.set(`${facts.ref.kind}:${facts.ref.id}`, facts);
    return facts.ref;
  }

  async factsOn(ref: BeneficiaryRef): Promise<BeneficiaryFacts | null> {
    return this.facts.get(`${ref.kind}:${ref.id}`) ?? null;
  }
}

export function beneficiaryFilesStandIn(reader: KnownBeneficiaries) {
  @Global()
  @Module({ providers: [{ provide: BENEFICIARY_FACTS_READER, useValue: reader }], exports: [BENEFICIARY_FACTS_READER] })
  class BeneficiaryFilesStandIn {}
  return BeneficiaryFilesStandIn;
}

const base = (ref: BeneficiaryRef, displayName: string): BeneficiaryFacts => ({
  ref,
  displayName,
  workerId: randomUUID(),
  openHardshipFile: false,
  singleMotherHousehold: false,
  modelWorker: null,
  student: null,
  workersHomeRatedYears: [],
});

/** A student (name, school, grade) whose household has an open hardship file. */
export const aStudentInHardship = (name: string): BeneficiaryFacts => ({
  ...base({ kind: 'student', id: randomUUID() }, name),
  openHardshipFile: true,
  student: { name, school: '仁和镇中心小学', grade: '五年级' },
});

export const aUnitRatedWorkersHome = (name: string, years: number[]): BeneficiaryFacts => ({
  ...base({ kind: 'organisation', id: randomUUID() }, name),
  workerId: null,
  workersHomeRatedYears: years,
});

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
