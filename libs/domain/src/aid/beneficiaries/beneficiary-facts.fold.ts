import type { IsoDay } from '../../shared/dates.js';
import type { BeneficiaryFacts, BeneficiaryRef } from '../beneficiary-facts.js';
import { householdOpenOn, type HouseholdFileState } from './household-file.events.js';
import { modelWorkerOnFileOn, type ModelWorkerState } from './model-worker.js';
import { organisationExistsOn, workersHomeYearsBy, type OrganisationState } from './organisation.js';
import { schoolingOn, type StudentState } from './student.js';

/** The folded streams a beneficiary's facts are read from; the application loads the ones its kind needs. */
export interface BeneficiaryStates {
  household?: HouseholdFileState;
  modelWorker?: ModelWorkerState;
  student?: StudentState;
  organisation?: OrganisationState;
}

const none = (ref: BeneficiaryRef, displayName: string, workerId: string | null): BeneficiaryFacts => ({
  ref,
  displayName,
  workerId,
  openHardshipFile: false,
  singleMotherHousehold: false,
  modelWorker: null,
  student: null,
  workersHomeRatedYears: [],
});

/**
 * What a programme's eligibility rule needs to know of a beneficiary on `day`, from its own
 * stream(s) folded: null when there is no such file. A student's hardship facts are its household's.
 */
export function beneficiaryFactsOn(ref: BeneficiaryRef, day: IsoDay, states: BeneficiaryStates): BeneficiaryFacts | null {
  switch (ref.kind) {
    case 'household': {
      const household = states.household;
      if (!household) return null;
      const open = householdOpenOn(household, day);
      return {
        ...none(ref, household.workerName, household.workerId),
        openHardshipFile: open,
        singleMotherHousehold: open && household.singleMother,
      };
    }
    case 'model_worker': {
      const modelWorker = states.modelWorker;
      if (!modelWorker) return null;
      const onFile = modelWorkerOnFileOn(modelWorker, day);
      return {
        ...none(ref, modelWorker.workerName, modelWorker.workerId),
        modelWorker: onFile ? { level: modelWorker.level, title: modelWorker.title } : null,
      };
    }
    case 'student': {
      const student = states.student;
      if (!student) return null;
      const household = states.household ?? null;
      const open = householdOpenOn(household, day);
      const { school, grade } = schoolingOn(student, day);
      return {
        ...none(ref, student.name, household?.workerId ?? null),
        openHardshipFile: open,
        singleMotherHousehold: open && !!household?.singleMother,
        student: { name: student.name, school, grade },
      };
    }
    case 'organisation': {
      const organisation = states.organisation;
      if (!organisation) return null;
      const exists = organisationExistsOn(organisation, day);
      return { ...none(ref, organisation.name, null), workersHomeRatedYears: exists ? workersHomeYearsBy(organisation, day) : [] };
    }
    default: {
      const unknown: never = ref.kind;
      throw new Error(`Unknown beneficiary kind: ${String(unknown)}`);
    }
  }
}
