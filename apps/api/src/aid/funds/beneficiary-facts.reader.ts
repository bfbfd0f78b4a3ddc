import type { BeneficiaryFacts, BeneficiaryRef, IsoDay } from '#domain';

/**
 * Reads what a programme's eligibility rule needs to know of a beneficiary, as of a day, from
 * the beneficiary files' own streams (households, model workers, students, organisations).
 * AidFundsModule binds it to the beneficiary files' BeneficiaryFactsService; a disbursement
 * request hands the facts to the fund's decide, which stays pure.
 */
export interface BeneficiaryFactsReader {
  /** null when there is no such file. */
  factsOn(ref: BeneficiaryRef, day: IsoDay): Promise<BeneficiaryFacts | null>;
}

export const BENEFICIARY_FACTS_READER = Symbol('BENEFICIARY_FACTS_READER');
